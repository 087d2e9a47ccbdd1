// Temporary passwords (the REST contract §8 "Passwords"): a password change keeps the caller's own
// session and ends the others; an admin sets a temporary password on one of three routes, which ends
// every session of that user and flags the account, whose tokens (refreshed ones too) then reach only
// auth/password, auth/me and auth/logout until the user chooses their own password.
import { describe, it } from "node:test";
import { randomUUID } from "node:crypto";
import assert from "node:assert/strict";
import { claimsOf, get, post, request, type RequestOptions } from "./helpers/api";
import { assertAudit, assertTokenNotValid, familiesOf, traced, type Traced } from "./helpers/auth-assertions";
import { PASSWORD, makePlatformUser, makeSchoolUser, makeTenant, schoolLogin, sql, systemLogin, unique } from "./helpers/fixtures";

const TEMP = "a temporary passphrase";
const NEW = "my very own passphrase";
const TRACE = "temporary-passwords";

type Audience = "system" | "school";
type Pair = { access: string; refresh: string };

const auth = (audience: Audience, what: string) => `/api/v1/${audience}/auth/${what}/`;
/** A route a flagged user may not reach (any other than the three). */
const GATED: Record<Audience, string> = { system: "/api/v1/system/clients/", school: "/api/v1/school/students/" };

function login(audience: Audience, identifier: string, password: string, host?: string) {
  return post(auth(audience, "login"), { identifier, password }, { host });
}

function assertPasswordChangeRequired(res: { status: number; body: any }, what: string) {
  assert.equal(res.status, 403, `${what}: ${JSON.stringify(res.body)}`);
  assert.equal(res.body.code, "password_change_required", what);
  assert.equal(typeof res.body.detail, "string");
}

async function userRow(id: string) {
  const { rows } = await sql().query("SELECT password_hash, password_change_required, session_epoch FROM users WHERE id = $1", [id]);
  return rows[0] as { password_hash: string; password_change_required: boolean; session_epoch: number };
}

async function auditEvent(t: Traced, action: string) {
  const { rows } = await sql().query(
    "SELECT actor_user_id, client_id, target_id, metadata FROM audit_events WHERE request_id = $1 AND action = $2",
    [t.requestId, action],
  );
  assert.equal(rows.length, 1, `one ${action} event`);
  return rows[0];
}

/** Somebody whose password an admin may set: who they are, where they sign in, and the admin's call. */
interface Case {
  name: string;
  audience: Audience;
  action: string;
  /** Makes the target and returns the admin's PATCH options and path. */
  setup: () => Promise<{
    target: { id: string; email: string };
    host?: string;
    clientId: string | null;
    actorId: string;
    path: string;
    as: RequestOptions;
  }>;
}

/** A school with its Admin and a staff manager: users.view and users.change, and what a Teacher holds (within reach of them). */
async function schoolWithStaffManager() {
  const tenant = await makeTenant();
  const admin = await makeSchoolUser(tenant.id, ["Admin"]);
  const { access } = await schoolLogin(tenant.host, admin.email);
  const role = await post(
    "/api/v1/school/roles/",
    { name: unique("Staff manager "), permissions: ["users.view", "users.change", "students.view", "classes.view"] },
    { host: tenant.host, token: access },
  );
  assert.equal(role.status, 201, role.text);
  const manager = await makeSchoolUser(tenant.id, [role.body.name]);
  return { tenant, admin, adminToken: access, manager, managerToken: (await schoolLogin(tenant.host, manager.email)).access };
}

const CASES: Case[] = [
  {
    name: "a superadmin on /system/users/{id}/",
    audience: "system",
    action: "platform_user.password_set",
    setup: async () => {
      const root = await makePlatformUser("superadmin");
      const target = await makePlatformUser("platform_admin");
      const { access } = await systemLogin(root.email);
      return { target, clientId: null, actorId: root.id, path: `/api/v1/system/users/${target.id}/`, as: { token: access } };
    },
  },
  {
    name: "a platform_admin on /system/clients/{id}/users/{uid}/",
    audience: "school",
    action: "tenant_user.password_set",
    setup: async () => {
      const admin = await makePlatformUser("platform_admin");
      const tenant = await makeTenant();
      const target = await makeSchoolUser(tenant.id, ["Teacher"]);
      const { access } = await systemLogin(admin.email);
      return {
        target,
        host: tenant.host,
        clientId: tenant.id,
        actorId: admin.id,
        path: `/api/v1/system/clients/${tenant.id}/users/${target.id}/`,
        as: { token: access },
      };
    },
  },
  {
    name: "a school user holding users.change on /school/users/{id}/",
    audience: "school",
    action: "school.user.password_set",
    setup: async () => {
      const { tenant, manager, managerToken } = await schoolWithStaffManager();
      const target = await makeSchoolUser(tenant.id, ["Teacher"]);
      return {
        target,
        host: tenant.host,
        clientId: tenant.id,
        actorId: manager.id,
        path: `/api/v1/school/users/${target.id}/`,
        as: { host: tenant.host, token: managerToken },
      };
    },
  },
];

describe("POST …/auth/password/ keeps the caller's session and ends the others", () => {
  for (const audience of ["system", "school"] as const) {
    it(audience, async () => {
      const tenant = audience === "school" ? await makeTenant() : undefined;
      const user = tenant ? await makeSchoolUser(tenant.id, ["Teacher"]) : await makePlatformUser("support");
      const host = tenant?.host;
      const mine = (await login(audience, user.email, PASSWORD, host)).body as Pair;
      const other = (await login(audience, user.email, PASSWORD, host)).body as Pair;
      const res = await post(auth(audience, "password"), { old_password: PASSWORD, new_password: NEW }, { host, token: mine.access });
      assert.equal(res.status, 204, res.text);
      assert.equal((await get(auth(audience, "me"), { host, token: mine.access })).status, 200, "the caller's access works");
      const refreshed = await post(auth(audience, "refresh"), { refresh: mine.refresh }, { host });
      assert.equal(refreshed.status, 200, `the caller's refresh works: ${refreshed.text}`);
      assert.equal((await get(auth(audience, "me"), { host, token: refreshed.body.access })).status, 200);
      assertTokenNotValid(await get(auth(audience, "me"), { host, token: other.access }), "another session's access");
      assertTokenNotValid(await post(auth(audience, "refresh"), { refresh: other.refresh }, { host }), "another session's refresh");
      const families = await familiesOf(user.id);
      const kept = families.filter((f) => f.revoked_at === null).map((f) => f.id);
      assert.deepEqual(kept, [claimsOf(mine.access).sid]);
      assert.equal(families.find((f) => f.id === claimsOf(other.access).sid)?.revoked_reason, "password_change");
    });
  }
});

describe("an admin sets a temporary password", () => {
  for (const c of CASES) {
    it(`${c.name}: sessions end, the next login must change it, and only the three routes answer until then`, async () => {
      const { target, host, clientId, actorId, path, as } = await c.setup();
      const before = await userRow(target.id);
      const sessions = [(await login(c.audience, target.email, PASSWORD, host)).body as Pair];
      sessions.push((await login(c.audience, target.email, PASSWORD, host)).body as Pair);

      const t = traced(TRACE, as);
      const res = await request("PATCH", path, { ...t.options, body: { password: TEMP } });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.id, target.id);
      assert.equal(JSON.stringify(res.body).includes(TEMP), false);

      // Every session ended.
      for (const [i, s] of sessions.entries()) {
        assertTokenNotValid(await get(auth(c.audience, "me"), { host, token: s.access }), `access ${i}`);
        assertTokenNotValid(await post(auth(c.audience, "refresh"), { refresh: s.refresh }, { host }), `refresh ${i}`);
      }
      for (const f of await familiesOf(target.id)) assert.ok(f.revoked_at instanceof Date, `family ${f.id} revoked`);
      // The database: a new hash, the flag, a new epoch; the audit row names no password.
      const after = await userRow(target.id);
      assert.notEqual(after.password_hash, before.password_hash);
      assert.equal(after.password_change_required, true);
      assert.ok(after.session_epoch > before.session_epoch);
      await assertAudit(t, c.action, { actorUserId: actorId, clientId });
      const event = await auditEvent(t, c.action);
      assert.equal(event.target_id, target.id);
      assert.equal(event.metadata?.sessions_revoked, 2);
      assert.equal(JSON.stringify(event.metadata).includes(TEMP), false);
      assert.equal("password" in (event.metadata ?? {}), false);
      // Nothing else was recorded for a PATCH of the password alone.
      const { rows } = await sql().query("SELECT action FROM audit_events WHERE request_id = $1", [t.requestId]);
      assert.deepEqual(
        rows.map((r) => r.action),
        [c.action],
      );

      // The old password is gone; the temporary one signs in, flagged.
      assert.equal((await login(c.audience, target.email, PASSWORD, host)).status, 401);
      const temp = await login(c.audience, target.email, TEMP, host);
      assert.equal(temp.status, 200, temp.text);
      assert.equal(temp.body.password_change_required, true);
      const spare = (await login(c.audience, target.email, TEMP, host)).body as Pair;

      // Gated everywhere but the three, with the login's access and with a refreshed one.
      assertPasswordChangeRequired(await get(GATED[c.audience], { host, token: temp.body.access }), "a gated route (Bearer)");
      const refreshed = await post(auth(c.audience, "refresh"), { refresh: temp.body.refresh }, { host });
      assert.equal(refreshed.status, 200, `refresh works: ${refreshed.text}`);
      assertPasswordChangeRequired(await get(GATED[c.audience], { host, token: refreshed.body.access }), "a gated route (refreshed)");
      if (c.audience === "school") {
        // A write, and a route with a declared read travelling with the authentication.
        assertPasswordChangeRequired(
          await post("/api/v1/school/classes/", { name: "7B" }, { host, token: refreshed.body.access }),
          "a school write",
        );
        assertPasswordChangeRequired(await get("/api/v1/school/users/", { host, token: refreshed.body.access }), "the staff list");
      } else {
        assertPasswordChangeRequired(await get("/api/v1/system/users/", { token: refreshed.body.access }), "the platform users");
      }
      const me = await get(auth(c.audience, "me"), { host, token: refreshed.body.access });
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.password_change_required, true);
      const loggedOut = await post(auth(c.audience, "logout"), { refresh: spare.refresh }, { host, token: spare.access });
      assert.equal(loggedOut.status, 204, loggedOut.text);

      // The user chooses their own password: the flag clears, the session goes on, everything answers.
      const changed = await post(
        auth(c.audience, "password"),
        { old_password: TEMP, new_password: NEW },
        { host, token: refreshed.body.access },
      );
      assert.equal(changed.status, 204, changed.text);
      assert.equal((await userRow(target.id)).password_change_required, false);
      const gated = await get(GATED[c.audience], { host, token: refreshed.body.access });
      assert.notEqual(gated.body?.code, "password_change_required");
      assert.equal(gated.status, 200, gated.text);
      const meAfter = await get(auth(c.audience, "me"), { host, token: refreshed.body.access });
      assert.equal(meAfter.body.password_change_required, false);
      const fresh = await login(c.audience, target.email, NEW, host);
      assert.equal(fresh.status, 200, fresh.text);
      assert.equal(fresh.body.password_change_required, false);
    });

    it(`${c.name}: bad passwords are 400 naming password, and nothing changes`, async () => {
      const { target, path, as } = await c.setup();
      const before = await userRow(target.id);
      for (const [what, password] of [
        ["too short", "short"],
        ["too long", "p".repeat(129)],
        ["not a string", 12345678],
        ["blank", ""],
      ] as const) {
        const res = await request("PATCH", path, { ...as, body: { password } });
        assert.equal(res.status, 400, `${what}: ${res.text}`);
        assert.ok(res.body.errors?.password, `${what}: ${res.text}`);
      }
      assert.deepEqual(await userRow(target.id), before);
    });
  }
});

describe("who may set a temporary password", () => {
  it("/system/users/{id}/: only a superadmin; not their own (400)", async () => {
    const target = await makePlatformUser("support");
    for (const role of ["platform_admin", "support"] as const) {
      const admin = await makePlatformUser(role);
      const { access } = await systemLogin(admin.email);
      const res = await request("PATCH", `/api/v1/system/users/${target.id}/`, { token: access, body: { password: TEMP } });
      assert.equal(res.status, 403, `${role}: ${res.text}`);
    }
    const root = await makePlatformUser("superadmin");
    const { access } = await systemLogin(root.email);
    const own = await request("PATCH", `/api/v1/system/users/${root.id}/`, { token: access, body: { password: TEMP } });
    assert.equal(own.status, 400, own.text);
    assert.ok(own.body.errors.password);
    assert.equal((await userRow(target.id)).password_change_required, false);
    assert.equal((await userRow(root.id)).password_change_required, false);
  });

  it("/system/clients/{id}/users/{uid}/: superadmin and platform_admin; support reads only; another school's user is 404", async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const user = await makeSchoolUser(tenant.id, ["Teacher"]);
    const elsewhere = await makeSchoolUser(other.id, ["Teacher"]);
    const token = async (role: "superadmin" | "platform_admin" | "support") =>
      (await systemLogin((await makePlatformUser(role)).email)).access;
    const support = await token("support");
    const one = await get(`/api/v1/system/clients/${tenant.id}/users/${user.id}/`, { token: support });
    assert.equal(one.status, 200, one.text);
    assert.equal(one.body.id, user.id);
    assert.equal(one.body.client, tenant.id);
    const refused = await request("PATCH", `/api/v1/system/clients/${tenant.id}/users/${user.id}/`, {
      token: support,
      body: { password: TEMP },
    });
    assert.equal(refused.status, 403, refused.text);
    const root = await token("superadmin");
    for (const [what, path] of [
      ["another school's user", `/api/v1/system/clients/${tenant.id}/users/${elsewhere.id}/`],
      ["an unknown school", `/api/v1/system/clients/${randomUUID()}/users/${user.id}/`],
      ["a platform user", `/api/v1/system/clients/${tenant.id}/users/${(await makePlatformUser("support")).id}/`],
      ["a malformed id", `/api/v1/system/clients/${tenant.id}/users/nope/`],
    ]) {
      assert.equal((await get(path, { token: root })).status, 404, `GET ${what}`);
      assert.equal((await request("PATCH", path, { token: root, body: { password: TEMP } })).status, 404, `PATCH ${what}`);
    }
    assert.equal((await userRow(elsewhere.id)).password_change_required, false);
    const set = await request("PATCH", `/api/v1/system/clients/${tenant.id}/users/${user.id}/`, {
      token: root,
      body: { password: TEMP, full_name: "Renamed Teacher" },
    });
    assert.equal(set.status, 200, set.text);
    assert.equal(set.body.full_name, "Renamed Teacher");
    assert.equal((await userRow(user.id)).password_change_required, true);
  });

  it("the console's PATCH changes the other fields too, and keeps the school's full admin", async () => {
    const tenant = await makeTenant();
    const admin = await makeSchoolUser(tenant.id, ["Admin"]);
    const root = (await systemLogin((await makePlatformUser("platform_admin")).email)).access;
    const path = `/api/v1/system/clients/${tenant.id}/users/${admin.id}/`;
    const last = await request("PATCH", path, { token: root, body: { is_active: false } });
    assert.equal(last.status, 400, last.text);
    const t = traced(TRACE, { token: root });
    const renamed = await request("PATCH", path, { ...t.options, body: { full_name: "Ada Admin", phone: null } });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.body.full_name, "Ada Admin");
    const event = await auditEvent(t, "tenant_user.updated");
    assert.deepEqual([...event.metadata.changed].sort(), ["full_name", "phone"]);
    assert.equal((await userRow(admin.id)).password_change_required, false);
  });

  it("/school/users/{id}/: users.change within reach; not over a colleague with more; not own; not another school's", async () => {
    const { tenant, admin, adminToken, manager, managerToken } = await schoolWithStaffManager();
    const teacher = await makeSchoolUser(tenant.id, ["Teacher"]);
    const teacherToken = (await schoolLogin(tenant.host, teacher.email)).access;
    const patch = (token: string, id: string, host = tenant.host) =>
      request("PATCH", `/api/v1/school/users/${id}/`, { host, token, body: { password: TEMP } });

    const noPermission = await patch(teacherToken, manager.id);
    assert.equal(noPermission.status, 403, noPermission.text);
    assert.equal(noPermission.body.code, "permission_denied");
    const escalation = await patch(managerToken, admin.id);
    assert.equal(escalation.status, 403, escalation.text);
    assert.equal(escalation.body.code, "permission_denied");
    const own = await patch(managerToken, manager.id);
    assert.equal(own.status, 400, own.text);
    assert.ok(own.body.errors.password);
    for (const id of [admin.id, manager.id]) assert.equal((await userRow(id)).password_change_required, false);

    const other = await makeTenant();
    const stranger = await makeSchoolUser(other.id, ["Teacher"]);
    assert.equal((await patch(adminToken, stranger.id)).status, 404, "another school's user");
    assert.equal((await userRow(stranger.id)).password_change_required, false);

    // An Admin holds everything: any colleague is within reach.
    const ok = await patch(adminToken, manager.id);
    assert.equal(ok.status, 200, ok.text);
    assert.equal((await userRow(manager.id)).password_change_required, true);
    assertTokenNotValid(await get(auth("school", "me"), { host: tenant.host, token: managerToken }), "the manager's old session");
  });

  it("PUT ignores a password (temporary passwords are PATCH only)", async () => {
    const { tenant, adminToken } = await schoolWithStaffManager();
    const teacher = await makeSchoolUser(tenant.id, ["Teacher"]);
    const before = await userRow(teacher.id);
    const res = await request("PUT", `/api/v1/school/users/${teacher.id}/`, {
      host: tenant.host,
      token: adminToken,
      body: { email: teacher.email, phone: null, full_name: "T", is_active: true, password: TEMP },
    });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(await userRow(teacher.id), before);
  });
});

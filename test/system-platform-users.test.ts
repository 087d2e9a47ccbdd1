// the REST contract §5 "platform users" — /api/v1/system/users/: only a superadmin creates or changes them,
// everyone on the platform reads; deactivation and password resets bite at once; the platform
// keeps one active superadmin (checked on a server and database of this suite's own, where that
// superadmin really is the last one); school users are not found here.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { get, post } from "./helpers/api";
import { ISO_UTC, USER_FIELDS, familiesOf } from "./helpers/auth-assertions";
import { PASSWORD, makePlatformUser, makeSchoolUser, makeTenant, randomPhone, sql, systemLogin, unique } from "./helpers/fixtures";
import {
  BAD_IDS,
  USERS,
  assertError,
  assertInvalidField,
  assertPage,
  del,
  ownDatabase,
  patch,
  platformSession,
  requestTo,
  schoolSession,
  startOwnServer,
  userPath,
  type OwnServer,
  type PlatformRoleName,
} from "./helpers/system-api";

type Session = Awaited<ReturnType<typeof platformSession>>;

const ME = "/api/v1/system/auth/me/";
const REFRESH = "/api/v1/system/auth/refresh/";
const email = () => `${unique("staff")}@example.org`;

async function userRow(id: string) {
  const { rows } = await sql().query(
    "SELECT id, client_id, email, phone, full_name, platform_role, is_active, password_hash FROM users WHERE id = $1",
    [id],
  );
  return rows[0];
}

describe("POST /users/ — a superadmin creates platform users", () => {
  let root: Session;
  before(async () => {
    root = await platformSession("superadmin");
  });

  for (const role of ["superadmin", "platform_admin", "support"] as PlatformRoleName[]) {
    it(`creates a ${role}: 201 with the User of §3; it can sign in`, async () => {
      const e = email();
      const res = await post(USERS, { email: e.toUpperCase(), password: PASSWORD, full_name: " Pat Ops ", platform_role: role }, root.as);
      assert.equal(res.status, 201, res.text);
      const u = res.body;
      assert.deepEqual(Object.keys(u).sort(), USER_FIELDS);
      assert.equal(u.email, e);
      assert.equal(u.phone, null);
      assert.equal(u.full_name, "Pat Ops");
      assert.equal(u.client, null);
      assert.equal(u.platform_role, role);
      assert.equal(u.is_active, true);
      assert.equal(u.last_login, null);
      assert.match(u.date_joined, ISO_UTC);
      assert.ok(!res.text.includes(PASSWORD));
      const row = await userRow(u.id);
      assert.equal(row.client_id, null);
      assert.equal(row.platform_role, role);
      assert.match(row.password_hash, /^\$argon2id\$/);
      const login = await systemLogin(e);
      assert.equal(login.user.id, u.id);
      assert.equal(login.user.platform_role, role);
    });
  }
  it("a phone-only platform user (national format → E.164)", async () => {
    const phone = randomPhone();
    const res = await post(USERS, { phone: phone.national, password: PASSWORD, platform_role: "support" }, root.as);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.email, null);
    assert.equal(res.body.phone, phone.e164);
  });

  const invalid: [string, () => Record<string, unknown>, string][] = [
    ["no platform_role", () => ({ email: email(), password: PASSWORD }), "platform_role"],
    ["an unknown platform_role", () => ({ email: email(), password: PASSWORD, platform_role: "owner" }), "platform_role"],
    ["a short password", () => ({ email: email(), password: "short", platform_role: "support" }), "password"],
    ["neither email nor phone", () => ({ password: PASSWORD, platform_role: "support" }), "non_field_errors"],
    ["an invalid email", () => ({ email: "nope", password: PASSWORD, platform_role: "support" }), "email"],
  ];
  for (const [what, body, field] of invalid) {
    it(`${what} → 400 naming ${field}`, async () => {
      const b = body();
      assertInvalidField(await post(USERS, b, root.as), field);
      if (typeof b.email === "string") assert.equal((await sql().query("SELECT 1 FROM users WHERE email = $1", [b.email])).rowCount, 0);
    });
  }
  it("an email or phone already used (platform or school user, any case or format) → 409 naming it", async () => {
    const existing = await makePlatformUser("support");
    assertError(
      await post(USERS, { email: existing.email.toUpperCase(), password: PASSWORD, platform_role: "support" }, root.as),
      409,
      "conflict",
      "email",
    );
    const tenant = await makeTenant();
    const schoolUser = await makeSchoolUser(tenant.id, []);
    assertError(
      await post(USERS, { email: schoolUser.email, password: PASSWORD, platform_role: "support" }, root.as),
      409,
      "conflict",
      "email",
    );
    const phone = randomPhone();
    await makePlatformUser("support", { phone: phone.e164 });
    assertError(
      await post(USERS, { email: email(), phone: phone.national, password: PASSWORD, platform_role: "support" }, root.as),
      409,
      "conflict",
      "phone",
    );
  });
  it("client and is_superuser in the body are ignored: the user is a platform user", async () => {
    const tenant = await makeTenant();
    const res = await post(
      USERS,
      {
        email: email(),
        password: PASSWORD,
        platform_role: "support",
        client: tenant.id,
        is_superuser: true,
        id: "00000000-0000-4000-8000-0000000000bb",
      },
      root.as,
    );
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.client, null);
    assert.equal(res.body.platform_role, "support");
    assert.notEqual(res.body.id, "00000000-0000-4000-8000-0000000000bb");
    assert.equal((await userRow(res.body.id)).client_id, null);
  });
});

describe("platform_admin and support read platform users but may not change them", () => {
  for (const role of ["platform_admin", "support"] as PlatformRoleName[]) {
    it(`${role}: GET list and one → 200; POST, PATCH, DELETE → 403 and nothing changes`, async () => {
      const actor = await platformSession(role);
      const target = await makePlatformUser("support");
      assertPage(await get(USERS, actor.as));
      const one = await get(userPath(target.id), actor.as);
      assert.equal(one.status, 200);
      assert.equal(one.body.id, target.id);
      const e = email();
      assertError(await post(USERS, { email: e, password: PASSWORD, platform_role: "support" }, actor.as), 403, "permission_denied");
      assertError(await patch(userPath(target.id), { full_name: "Changed", is_active: false }, actor.as), 403, "permission_denied");
      assertError(await patch(userPath(actor.user.id), { platform_role: "superadmin" }, actor.as), 403, "permission_denied");
      assertError(await del(userPath(target.id), actor.as), 403, "permission_denied");
      assert.equal((await sql().query("SELECT 1 FROM users WHERE email = $1", [e])).rowCount, 0);
      const row = await userRow(target.id);
      assert.equal(row.full_name, "Test Admin");
      assert.equal(row.is_active, true);
      assert.equal((await userRow(actor.user.id)).platform_role, role);
    });
  }
});

describe("PATCH and DELETE /users/{id}/ — changes bite at once", () => {
  let root: Session;
  before(async () => {
    root = await platformSession("superadmin");
  });

  it("PATCH full_name and platform_role: a demoted platform_admin's existing token can no longer write", async () => {
    const target = await platformSession("platform_admin");
    assert.equal((await post("/api/v1/system/clients/", { name: "Before demotion", slug: unique("dm-") }, target.as)).status, 201);
    const res = await patch(userPath(target.user.id), { full_name: "Demoted Dana", platform_role: "support" }, root.as);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.full_name, "Demoted Dana");
    assert.equal(res.body.platform_role, "support");
    assertError(
      await post("/api/v1/system/clients/", { name: "After demotion", slug: unique("dm-") }, target.as),
      403,
      "permission_denied",
    );
    assert.equal((await get(ME, target.as)).body.platform_role, "support");
  });
  it("PATCH {is_active: false}: that user's access and refresh tokens are 401 at once, login is 401; reactivation does not revive them", async () => {
    const target = await platformSession("platform_admin");
    const res = await patch(userPath(target.user.id), { is_active: false }, root.as);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.is_active, false);
    assertError(await get(ME, target.as), 401, "token_not_valid");
    assertError(await post(REFRESH, { refresh: target.refresh }), 401, "token_not_valid");
    assertError(
      await post("/api/v1/system/auth/login/", { identifier: target.user.email, password: PASSWORD }),
      401,
      "authentication_failed",
    );
    const families = await familiesOf(target.user.id);
    assert.ok(families.length > 0 && families.every((f) => f.revoked_at !== null), "every session revoked");
    assert.equal((await userRow(target.user.id)).is_active, false);

    assert.equal((await patch(userPath(target.user.id), { is_active: true }, root.as)).status, 200);
    assertError(await get(ME, target.as), 401, "token_not_valid");
    const again = await systemLogin(target.user.email);
    assert.equal((await get(ME, { token: again.access })).status, 200);
  });
  it("PATCH password: every old session is revoked; the new password works, the old one does not", async () => {
    const target = await platformSession("support");
    const second = await systemLogin(target.user.email);
    const hashBefore = (await userRow(target.user.id)).password_hash;
    const res = await patch(userPath(target.user.id), { password: "a brand new passphrase" }, root.as);
    assert.equal(res.status, 200, res.text);
    assert.ok(!res.text.includes("a brand new passphrase"));
    for (const s of [target, second]) {
      assertError(await get(ME, { token: s.access }), 401, "token_not_valid");
      assertError(await post(REFRESH, { refresh: s.refresh }), 401, "token_not_valid");
    }
    assert.notEqual((await userRow(target.user.id)).password_hash, hashBefore);
    assertError(
      await post("/api/v1/system/auth/login/", { identifier: target.user.email, password: PASSWORD }),
      401,
      "authentication_failed",
    );
    await systemLogin(target.user.email, "a brand new passphrase");
  });
  it("PATCH a too-short password or an unknown role → 400; nothing changes", async () => {
    const target = await makePlatformUser("support");
    const hash = (await userRow(target.id)).password_hash;
    assertInvalidField(await patch(userPath(target.id), { password: "short" }, root.as), "password");
    assertInvalidField(await patch(userPath(target.id), { platform_role: "owner" }, root.as), "platform_role");
    const row = await userRow(target.id);
    assert.equal(row.password_hash, hash);
    assert.equal(row.platform_role, "support");
  });
  it("PATCH to an email another user has → 409 errors.email", async () => {
    const a = await makePlatformUser("support");
    const b = await makePlatformUser("support");
    assertError(await patch(userPath(b.id), { email: a.email.toUpperCase() }, root.as), 409, "conflict", "email");
    assert.equal((await userRow(b.id)).email, b.email);
  });
  it("DELETE → 204: the user and their sessions are gone, their token is 401; DELETE again → 404", async () => {
    const target = await platformSession("platform_admin");
    const res = await del(userPath(target.user.id), root.as);
    assert.equal(res.status, 204, res.text);
    assert.equal(await userRow(target.user.id), undefined);
    assert.deepEqual(await familiesOf(target.user.id), []);
    assertError(await get(ME, target.as), 401, "token_not_valid");
    assertError(await get(userPath(target.user.id), root.as), 404, "not_found");
    assertError(await del(userPath(target.user.id), root.as), 404, "not_found");
  });
  it("a school user's id is not a platform user: GET, PATCH, DELETE → 404 and the school user is untouched", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id, ["Admin"]);
    assertError(await get(userPath(staff.id), root.as), 404, "not_found");
    assertError(await patch(userPath(staff.id), { is_active: false, platform_role: "superadmin" }, root.as), 404, "not_found");
    assertError(await del(userPath(staff.id), root.as), 404, "not_found");
    const row = await userRow(staff.id);
    assert.equal(row.is_active, true);
    assert.equal(row.platform_role, null);
    assert.equal(row.client_id, tenant.id);
  });
  for (const [what, id] of BAD_IDS) {
    it(`${what} as id → 404 for GET, PATCH, DELETE`, async () => {
      assertError(await get(userPath(id), root.as), 404, "not_found");
      assertError(await patch(userPath(id), { full_name: "x" }, root.as), 404, "not_found");
      assertError(await del(userPath(id), root.as), 404, "not_found");
    });
  }
});

describe("GET /users/ — platform users only, ?search= and ?platform_role=", () => {
  let root: Session;
  const m = unique("srch");
  const made: Record<string, string> = {};
  before(async () => {
    root = await platformSession("superadmin");
    for (const role of ["superadmin", "platform_admin", "support"] as PlatformRoleName[]) {
      const res = await post(
        USERS,
        { email: `${m}-${role}@example.org`, password: PASSWORD, full_name: `Person ${role}`, platform_role: role },
        root.as,
      );
      assert.equal(res.status, 201, res.text);
      made[role] = res.body.id;
    }
    // A school user with the marker in the email never shows up here.
    const tenant = await makeTenant();
    await post(`/api/v1/system/clients/${tenant.id}/users/`, { email: `${m}-school@example.org`, password: PASSWORD }, root.as);
  });

  it("search by part of the email (any case) finds the platform users only", async () => {
    const page = assertPage(await get(`${USERS}?search=${m.toUpperCase()}`, root.as));
    assert.deepEqual(new Set(page.results.map((u) => u.id)), new Set(Object.values(made)));
    assert.ok(page.results.every((u) => u.client === null && u.platform_role !== null));
    for (const u of page.results) assert.deepEqual(Object.keys(u).sort(), USER_FIELDS);
  });
  it("search by full name and by phone", async () => {
    const phone = randomPhone();
    const p = unique("ph");
    const res = await post(
      USERS,
      { phone: phone.e164, password: PASSWORD, full_name: `Phoebe ${p}Phone`, platform_role: "support" },
      root.as,
    );
    assert.equal(res.status, 201);
    assert.deepEqual(
      assertPage(await get(`${USERS}?search=${p}PHONE`, root.as)).results.map((u) => u.id),
      [res.body.id],
    );
    assert.deepEqual(
      assertPage(await get(`${USERS}?search=${encodeURIComponent(phone.e164)}`, root.as)).results.map((u) => u.id),
      [res.body.id],
    );
  });
  it("?platform_role= filters by role", async () => {
    for (const role of ["superadmin", "platform_admin", "support"]) {
      const page = assertPage(await get(`${USERS}?search=${m}&platform_role=${role}`, root.as));
      assert.deepEqual(
        page.results.map((u) => u.id),
        [made[role]],
        role,
      );
      const everyone = assertPage(await get(`${USERS}?platform_role=${role}&page_size=200`, root.as));
      assert.ok(everyone.results.every((u) => u.platform_role === role));
    }
  });
  it("search text is literal: '_' is not a wildcard", async () => {
    const page = assertPage(await get(`${USERS}?search=${m.slice(0, -1)}_`, root.as));
    assert.equal(page.count, 0, JSON.stringify(page.results.map((u) => u.email)));
  });
  it("the unfiltered list holds no school users", async () => {
    const page = assertPage(await get(`${USERS}?page_size=200`, root.as));
    assert.ok(page.results.every((u) => u.client === null));
  });
  it("a school token → 401; on a tenant host → 404", async () => {
    const tenant = await makeTenant();
    const staff = await schoolSession(tenant, ["Admin"]);
    assertError(await get(USERS, staff.as), 401, "token_not_valid");
    assertError(await post(USERS, { email: email(), password: PASSWORD, platform_role: "superadmin" }, staff.as), 401, "token_not_valid");
    assertError(await get(USERS, { ...root.as, host: tenant.host }), 404, "not_found");
    assertError(
      await post(USERS, { email: email(), password: PASSWORD, platform_role: "support" }, { ...root.as, host: tenant.host }),
      404,
      "not_found",
    );
  });
});

// The rule needs a platform whose superadmins this suite controls: a database and server of its own.
describe("the last active superadmin cannot be demoted, deactivated or deleted", () => {
  const ROOT_EMAIL = "root@own.example.org";
  let db: Awaited<ReturnType<typeof ownDatabase>>;
  let server: OwnServer;
  let dbPool: import("pg").Pool;
  const call = (method: string, path: string, token?: string, body?: unknown) => requestTo(server.port, method, path, { token, body });
  const login = async (identifier: string, password = PASSWORD) => {
    const res = await call("POST", "/api/v1/system/auth/login/", undefined, { identifier, password });
    assert.equal(res.status, 200, res.text);
    return res.body as { access: string; refresh: string; user: any };
  };
  const row = async (id: string) => (await dbPool.query("SELECT platform_role, is_active FROM users WHERE id = $1", [id])).rows[0];
  const activeSuperadmins = async () =>
    (await dbPool.query("SELECT count(*)::int AS n FROM users WHERE platform_role = 'superadmin' AND is_active")).rows[0].n;
  let root: { access: string; user: any };

  before(async () => {
    db = await ownDatabase();
    server = await startOwnServer({ DATABASE_URL: db.url, SMS_SUPERUSER_EMAIL: ROOT_EMAIL, SMS_SUPERUSER_PASSWORD: PASSWORD });
    const pg = (await import("pg")).default;
    dbPool = new pg.Pool({ connectionString: db.url, max: 2 });
    root = await login(ROOT_EMAIL);
  });
  after(async () => {
    await server?.stop();
    await dbPool?.end();
    await db?.drop();
  });

  it("the only superadmin demoting, deactivating or deleting itself → 400; the database and its session are unchanged", async () => {
    assert.equal(await activeSuperadmins(), 1);
    // Other platform roles do not count.
    for (const role of ["platform_admin", "support"]) {
      assert.equal(
        (await call("POST", USERS, root.access, { email: `${role}@own.example.org`, password: PASSWORD, platform_role: role })).status,
        201,
      );
    }
    assertError(await call("PATCH", userPath(root.user.id), root.access, { platform_role: "platform_admin" }), 400, "invalid");
    assertError(await call("PATCH", userPath(root.user.id), root.access, { platform_role: "support" }), 400, "invalid");
    assertError(await call("PATCH", userPath(root.user.id), root.access, { is_active: false }), 400, "invalid");
    assertError(await call("DELETE", userPath(root.user.id), root.access), 400, "invalid");
    assert.deepEqual(await row(root.user.id), { platform_role: "superadmin", is_active: true });
    assert.equal((await call("GET", ME, root.access)).status, 200, "the session was not revoked");
    const families = await dbPool.query("SELECT count(*)::int AS n FROM refresh_families WHERE user_id = $1 AND revoked_at IS NOT NULL", [
      root.user.id,
    ]);
    assert.equal(families.rows[0].n, 0);
  });

  it("an inactive second superadmin does not count; an active one does, and then it is the last", async () => {
    const created = await call("POST", USERS, root.access, {
      email: "second@own.example.org",
      password: PASSWORD,
      platform_role: "superadmin",
    });
    assert.equal(created.status, 201, created.text);
    const second = created.body;
    assert.equal((await call("PATCH", userPath(second.id), root.access, { is_active: false })).status, 200);
    assertError(await call("PATCH", userPath(root.user.id), root.access, { platform_role: "platform_admin" }), 400, "invalid");
    assert.equal((await row(root.user.id)).platform_role, "superadmin");

    assert.equal((await call("PATCH", userPath(second.id), root.access, { is_active: true })).status, 200);
    const demoted = await call("PATCH", userPath(root.user.id), root.access, { platform_role: "platform_admin" });
    assert.equal(demoted.status, 200, demoted.text);
    assert.equal(await activeSuperadmins(), 1);

    const s = await login("second@own.example.org");
    assertError(await call("DELETE", userPath(second.id), s.access), 400, "invalid");
    assertError(await call("PATCH", userPath(second.id), s.access, { is_active: false }), 400, "invalid");
    assert.deepEqual(await row(second.id), { platform_role: "superadmin", is_active: true });
    // Hand the platform back to root for the next test.
    assert.equal((await call("PATCH", userPath(root.user.id), s.access, { platform_role: "superadmin" })).status, 200);
    root = await login(ROOT_EMAIL);
    const deleted = await call("DELETE", userPath(second.id), root.access);
    assert.equal(deleted.status, 204, deleted.text);
    assert.equal(await activeSuperadmins(), 1);
  });

  it("two superadmins demoting each other at the same time: exactly one succeeds", async () => {
    const created = await call("POST", USERS, root.access, {
      email: "third@own.example.org",
      password: PASSWORD,
      platform_role: "superadmin",
    });
    assert.equal(created.status, 201, created.text);
    const third = await login("third@own.example.org");
    const [a, b] = await Promise.all([
      call("PATCH", userPath(created.body.id), root.access, { platform_role: "support" }),
      call("PATCH", userPath(root.user.id), third.access, { platform_role: "support" }),
    ]);
    // The loser is refused by the rule (400) or, if the winner demoted it first, by its new role (403).
    const statuses = [a.status, b.status];
    assert.equal(statuses.filter((s) => s === 200).length, 1, `${a.status} ${a.text} / ${b.status} ${b.text}`);
    assert.ok(
      statuses.some((s) => s === 400 || s === 403),
      `${a.text} / ${b.text}`,
    );
    assert.equal(await activeSuperadmins(), 1);
  });
});

// GET /api/v1/system/audit/ — the audit trail: DRF pages, newest first; filters ?actor=, ?client=,
// ?action= (exact, or a prefix with '*'), ?since= / ?until=; every system write, every login and
// every revocation of a session is there with who, which school, and from where.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { get, post, request, type RequestOptions } from "./helpers/api";
import { ISO_UTC, assertAudit, auditRows, traced } from "./helpers/auth-assertions";
import { PASSWORD, makePlatformUser, makeSchoolUser, makeTenant, schoolLogin, sql, systemLogin, unique } from "./helpers/fixtures";
import {
  API_KEYS,
  AUDIT,
  CLIENTS,
  USERS,
  allPages,
  apiKeyPath,
  assertError,
  assertPage,
  clientPath,
  clientUsersPath,
  createClient,
  createKey,
  del,
  patch,
  platformSession,
  schoolSession,
  userPath,
  withKey,
} from "./helpers/system-api";

type Session = Awaited<ReturnType<typeof platformSession>>;

const AUDIT_FIELDS = [
  "action",
  "actor_key",
  "actor_label",
  "actor_user",
  "at",
  "client",
  "id",
  "ip",
  "metadata",
  "request_id",
  "target_id",
  "target_label",
  "target_type",
  "user_agent",
];
const TRACE = "system-audit";

const audit = (query: string, o: RequestOptions) => get(`${AUDIT}?${query}`, o);

describe("GET /audit/ — shape, order, pages", () => {
  let admin: Session;
  let made: Awaited<ReturnType<typeof createClient>>[];
  before(async () => {
    admin = await platformSession();
    made = [];
    for (let i = 0; i < 3; i++) made.push(await createClient(admin.as));
  });

  it("a DRF page of AuditEvents, newest first", async () => {
    const page = assertPage(await audit(`actor=${admin.user.id}`, admin.as));
    assert.equal(page.count, 4, JSON.stringify(page.results.map((e) => e.action)));
    assert.deepEqual(
      page.results.map((e) => e.action),
      ["client.created", "client.created", "client.created", "system.login.succeeded"],
    );
    assert.deepEqual(
      page.results.slice(0, 3).map((e) => e.target_id),
      made.map((c) => c.id).reverse(),
    );
    for (const e of page.results) {
      assert.deepEqual(Object.keys(e).sort(), AUDIT_FIELDS);
      assert.match(e.at, ISO_UTC);
      assert.equal(e.actor_user, admin.user.id);
      assert.equal(e.actor_label, admin.user.email);
    }
    const at = page.results.map((e) => Date.parse(e.at));
    for (let i = 1; i < at.length; i++) assert.ok(at[i - 1] >= at[i], "newest first");
  });
  it("page_size and next/previous walk the same events", async () => {
    const first = assertPage(await audit(`actor=${admin.user.id}&page_size=1`, admin.as));
    assert.equal(first.count, 4);
    assert.equal(first.results.length, 1);
    assert.ok(first.next);
    const all = await allPages(`${AUDIT}?actor=${admin.user.id}&page_size=1`, admin.as);
    assert.equal(all.length, 4);
    assert.equal(new Set(all.map((e) => e.id)).size, 4);
    assertError(await audit(`actor=${admin.user.id}&page_size=1&page=5`, admin.as), 404, "not_found");
    assertError(await audit(`actor=${admin.user.id}&page=0`, admin.as), 404, "not_found");
  });
  it("support and platform_admin may read it; a school token → 401; no token → 401; a tenant host → 404; POST → 405", async () => {
    for (const role of ["support", "platform_admin"] as const) {
      const reader = await platformSession(role);
      assertPage(await audit(`actor=${admin.user.id}`, reader.as));
    }
    const tenant = await makeTenant();
    const staff = await schoolSession(tenant, ["Admin"]);
    assertError(await get(AUDIT, staff.as), 401, "token_not_valid");
    assertError(await get(AUDIT), 401, "not_authenticated");
    assertError(await get(AUDIT, { ...admin.as, host: tenant.host }), 404, "not_found");
    assertError(await request("POST", AUDIT, { ...admin.as, body: {} }), 405, "method_not_allowed");
  });
});

describe("GET /audit/ — filters", () => {
  let admin: Session;
  let other: Session;
  let tenant: Awaited<ReturnType<typeof createClient>>;
  let events: any[]; // admin's, newest first
  before(async () => {
    admin = await platformSession();
    other = await platformSession();
    tenant = await createClient(admin.as);
    assert.equal((await patch(clientPath(tenant.id), { name: "Renamed" }, admin.as)).status, 200);
    assert.equal((await patch(clientPath(tenant.id), { is_active: false }, admin.as)).status, 200);
    await createClient(other.as);
    events = assertPage(await audit(`actor=${admin.user.id}`, admin.as)).results;
    assert.deepEqual(
      events.map((e) => e.action),
      ["client.suspended", "client.updated", "client.created", "system.login.succeeded"],
    );
  });

  it("?actor= a user id: only that actor's events (any case of the id)", async () => {
    for (const id of [admin.user.id, admin.user.id.toUpperCase()]) {
      const page = assertPage(await audit(`actor=${id}`, admin.as));
      assert.deepEqual(
        page.results.map((e) => e.id),
        events.map((e) => e.id),
      );
    }
  });
  it("?actor= part of the email (any case): that actor's events", async () => {
    const part = admin.user.email.split("@")[0].slice(2).toUpperCase();
    const page = assertPage(await audit(`actor=${part}`, admin.as));
    assert.deepEqual(
      page.results.map((e) => e.id),
      events.map((e) => e.id),
    );
  });
  it("?actor= text is literal: '_' is not a wildcard", async () => {
    const local = admin.user.email.split("@")[0];
    const page = assertPage(await audit(`actor=${local.slice(0, -1)}_`, admin.as));
    assert.equal(page.count, 0, JSON.stringify(page.results.map((e) => e.actor_label)));
  });
  it("?client= only that school's events; an unknown school id → none", async () => {
    const page = assertPage(await audit(`client=${tenant.id}`, admin.as));
    assert.deepEqual(
      page.results.map((e) => e.action),
      ["client.suspended", "client.updated", "client.created"],
    );
    assert.ok(page.results.every((e) => e.client === tenant.id));
    assert.deepEqual(assertPage(await audit(`client=${tenant.id.toUpperCase()}`, admin.as)).results.length, 3);
    assert.equal(assertPage(await audit("client=00000000-0000-4000-8000-000000000000", admin.as)).count, 0);
  });
  it("?action= exact", async () => {
    const page = assertPage(await audit(`actor=${admin.user.id}&action=client.updated`, admin.as));
    assert.deepEqual(
      page.results.map((e) => e.action),
      ["client.updated"],
    );
    assert.equal(assertPage(await audit(`actor=${admin.user.id}&action=client`, admin.as)).count, 0, "not a prefix without '*'");
    assert.equal(assertPage(await audit(`actor=${admin.user.id}&action=client.%25`, admin.as)).count, 0);
  });
  it("?action= a prefix ending in '*'", async () => {
    const page = assertPage(await audit(`actor=${admin.user.id}&action=client.*`, admin.as));
    assert.deepEqual(
      page.results.map((e) => e.action),
      ["client.suspended", "client.updated", "client.created"],
    );
    const logins = assertPage(await audit(`actor=${admin.user.id}&action=system.*`, admin.as));
    assert.deepEqual(
      logins.results.map((e) => e.action),
      ["system.login.succeeded"],
    );
  });
  it("?action= prefix text is literal: '_' and '%' are not wildcards", async () => {
    for (const q of ["_lient.*", "%25.*", "client_*"]) {
      const page = assertPage(await audit(`actor=${admin.user.id}&action=${q}`, admin.as));
      assert.equal(page.count, 0, `action=${decodeURIComponent(q)} matched ${JSON.stringify(page.results.map((e) => e.action))}`);
    }
  });
  it("?since= and ?until= (ISO 8601) bound the events, both inclusive", async () => {
    const middle = events[1]; // client.updated
    const since = assertPage(await audit(`actor=${admin.user.id}&since=${encodeURIComponent(middle.at)}`, admin.as));
    assert.deepEqual(
      since.results.map((e) => e.id),
      events.slice(0, 2).map((e) => e.id),
    );
    const until = assertPage(await audit(`actor=${admin.user.id}&until=${encodeURIComponent(middle.at)}`, admin.as));
    assert.deepEqual(
      until.results.map((e) => e.id),
      events.slice(1).map((e) => e.id),
    );
    const both = assertPage(
      await audit(`actor=${admin.user.id}&since=${encodeURIComponent(middle.at)}&until=${encodeURIComponent(middle.at)}`, admin.as),
    );
    assert.deepEqual(
      both.results.map((e) => e.id),
      [middle.id],
    );
    const offset = new Date(Date.parse(events[0].at) + 1).toISOString().replace("Z", "+00:00");
    assert.equal(assertPage(await audit(`actor=${admin.user.id}&since=${encodeURIComponent(offset)}`, admin.as)).count, 0);
    const inverted = assertPage(
      await audit(`actor=${admin.user.id}&since=${encodeURIComponent(events[0].at)}&until=${encodeURIComponent(events[3].at)}`, admin.as),
    );
    assert.equal(inverted.count, 0);
  });
  it("filters combine (AND)", async () => {
    const page = assertPage(
      await audit(`actor=${admin.user.id}&client=${tenant.id}&action=client.*&since=${encodeURIComponent(events[2].at)}`, admin.as),
    );
    assert.deepEqual(
      page.results.map((e) => e.action),
      ["client.suspended", "client.updated", "client.created"],
    );
  });

  for (const field of ["since", "until"]) {
    it(`?${field}= that is no date at all → 400 errors.${field}`, async () => {
      for (const bad of ["yesterday", "2026-13-45T00:00:00Z", "not-a-date", "x".repeat(41)]) {
        assertError(await audit(`${field}=${encodeURIComponent(bad)}`, admin.as), 400, "invalid", field);
      }
    });
    it(`?${field}= that is not ISO 8601, or an impossible day → 400 errors.${field} (never read as some other instant)`, async () => {
      for (const bad of ["1", "12/31/2026", "2026-02-30T00:00:00Z"]) {
        const res = await audit(`${field}=${encodeURIComponent(bad)}`, admin.as);
        assert.equal(res.status, 400, `${field}=${bad}: got ${res.status} count=${res.body?.count}`);
        assertError(res, 400, "invalid", field);
      }
    });
  }
  it("?client= not an id → 400 errors.client; several bad filters are named together", async () => {
    assertError(await audit("client=abc", admin.as), 400, "invalid", "client");
    const res = await audit("client=1&since=soon&until=later", admin.as);
    assertError(res, 400, "invalid");
    assert.deepEqual(Object.keys(res.body.errors).sort(), ["client", "since", "until"]);
  });
});

describe("every system write is recorded with actor, school, address, user agent and request id", () => {
  let admin: Session;
  before(async () => {
    admin = await platformSession();
  });

  const check = async (t: ReturnType<typeof traced>, action: string, clientId: string | null) => {
    await assertAudit(t, action, { actorUserId: admin.user.id, clientId });
    const row = (await auditRows(t.requestId)).find((r) => r.action === action);
    // The API shows the same row.
    const page = assertPage(await audit(`actor=${admin.user.id}&action=${action}&page_size=200`, admin.as));
    const shown = page.results.find((e) => e.request_id === t.requestId);
    assert.ok(shown, `${action} of ${t.requestId} shown by the API`);
    assert.equal(shown.ip, t.ip);
    assert.equal(shown.user_agent, t.userAgent);
    assert.equal(shown.client, clientId);
    assert.equal(shown.actor_user, admin.user.id);
    assert.equal(shown.actor_label, admin.user.email);
    assert.equal(row.ip, t.ip);
  };

  it("clients: created, updated, suspended, reactivated, deleted (the last without a school)", async () => {
    let t = traced(TRACE, admin.as);
    const res = await post(CLIENTS, { name: "Audited", slug: unique("au-") }, t.options);
    assert.equal(res.status, 201, res.text);
    const id = res.body.id;
    await check(t, "client.created", id);
    t = traced(TRACE, admin.as);
    assert.equal((await patch(clientPath(id), { name: "Audited 2" }, t.options)).status, 200);
    await check(t, "client.updated", id);
    t = traced(TRACE, admin.as);
    assert.equal((await patch(clientPath(id), { is_active: false }, t.options)).status, 200);
    await check(t, "client.suspended", id);
    t = traced(TRACE, admin.as);
    assert.equal((await patch(clientPath(id), { is_active: true }, t.options)).status, 200);
    await check(t, "client.reactivated", id);
    t = traced(TRACE, admin.as);
    assert.equal((await del(clientPath(id), t.options)).status, 204);
    await check(t, "client.deleted", null);
  });
  it("a school's user: tenant_user.created with that school", async () => {
    const tenant = await makeTenant();
    const t = traced(TRACE, admin.as);
    const res = await post(
      clientUsersPath(tenant.id),
      { email: `${unique("au")}@example.org`, password: PASSWORD, roles: ["Teacher"] },
      t.options,
    );
    assert.equal(res.status, 201, res.text);
    await check(t, "tenant_user.created", tenant.id);
    const row = (await auditRows(t.requestId))[0];
    assert.equal(row.action, "tenant_user.created");
  });
  it("platform users: created, updated, deleted (no school)", async () => {
    let t = traced(TRACE, admin.as);
    const res = await post(USERS, { email: `${unique("au")}@example.org`, password: PASSWORD, platform_role: "support" }, t.options);
    assert.equal(res.status, 201, res.text);
    await check(t, "platform_user.created", null);
    t = traced(TRACE, admin.as);
    assert.equal((await patch(userPath(res.body.id), { full_name: "Renamed", password: "another passphrase" }, t.options)).status, 200);
    await check(t, "platform_user.updated", null);
    const { rows } = await sql().query("SELECT metadata::text AS m FROM audit_events WHERE request_id = $1", [t.requestId]);
    assert.ok(!rows[0].m.includes("another passphrase"), "no password in the trail");
    t = traced(TRACE, admin.as);
    assert.equal((await del(userPath(res.body.id), t.options)).status, 204);
    await check(t, "platform_user.deleted", null);
  });
  it("API keys: created, updated, revoked (with the key's school)", async () => {
    const tenant = await makeTenant();
    let t = traced(TRACE, admin.as);
    const res = await post(API_KEYS, { name: "audited", client: tenant.id, scopes: ["*"] }, t.options);
    assert.equal(res.status, 201, res.text);
    await check(t, "api_key.created", tenant.id);
    t = traced(TRACE, admin.as);
    assert.equal((await patch(apiKeyPath(res.body.id), { name: "audited 2" }, t.options)).status, 200);
    await check(t, "api_key.updated", tenant.id);
    t = traced(TRACE, admin.as);
    assert.equal((await del(apiKeyPath(res.body.id), t.options)).status, 204);
    await check(t, "api_key.revoked", tenant.id);
  });
  it("a refused write (support) or a read records nothing", async () => {
    const support = await platformSession("support");
    const t = traced(TRACE, support.as);
    assertError(await post(CLIENTS, { name: "No", slug: unique("no-") }, t.options), 403, "permission_denied");
    assert.deepEqual(await auditRows(t.requestId), []);
    const r = traced(TRACE, admin.as);
    assertPage(await get(CLIENTS, r.options));
    assert.deepEqual(await auditRows(r.requestId), []);
  });
});

describe("logins and session revocations are in the trail", () => {
  let admin: Session;
  before(async () => {
    admin = await platformSession();
  });

  it("system login: succeeded, failed (wrong password; unknown account), refused (a school account)", async () => {
    const user = await makePlatformUser("support");
    let t = traced(TRACE);
    assert.equal((await post("/api/v1/system/auth/login/", { identifier: user.email, password: PASSWORD }, t.options)).status, 200);
    await assertAudit(t, "system.login.succeeded", { actorUserId: user.id, clientId: null });
    t = traced(TRACE);
    assert.equal((await post("/api/v1/system/auth/login/", { identifier: user.email, password: "wrong password" }, t.options)).status, 401);
    await assertAudit(t, "system.login.failed", { actorUserId: user.id, clientId: null });
    t = traced(TRACE);
    const nobody = `${unique("nobody")}@example.org`;
    assert.equal((await post("/api/v1/system/auth/login/", { identifier: nobody, password: "wrong password" }, t.options)).status, 401);
    await assertAudit(t, "system.login.failed", { actorUserId: null, clientId: null });
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id, ["Admin"]);
    t = traced(TRACE);
    assert.equal((await post("/api/v1/system/auth/login/", { identifier: staff.email, password: PASSWORD }, t.options)).status, 403);
    await assertAudit(t, "system.login.refused", { actorUserId: staff.id, clientId: null });

    const page = assertPage(await audit(`actor=${user.id}&action=system.login.*`, admin.as));
    assert.deepEqual(
      page.results.map((e) => e.action),
      ["system.login.failed", "system.login.succeeded"],
    );
    const byLabel = assertPage(await audit(`actor=${nobody}&action=system.login.failed`, admin.as));
    assert.equal(byLabel.count, 1);
    assert.equal(byLabel.results[0].actor_user, null);
  });
  it("school login: succeeded and failed, with the school", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id, ["Teacher"]);
    let t = traced(TRACE, { host: tenant.host });
    assert.equal((await post("/api/v1/school/auth/login/", { identifier: staff.email, password: PASSWORD }, t.options)).status, 200);
    await assertAudit(t, "school.login.succeeded", { actorUserId: staff.id, clientId: tenant.id });
    t = traced(TRACE, { host: tenant.host });
    assert.equal(
      (await post("/api/v1/school/auth/login/", { identifier: staff.email, password: "wrong password" }, t.options)).status,
      401,
    );
    await assertAudit(t, "school.login.failed", { actorUserId: staff.id, clientId: tenant.id });
    const page = assertPage(await audit(`client=${tenant.id}&action=school.login.*`, admin.as));
    assert.deepEqual(
      page.results.map((e) => e.action),
      ["school.login.failed", "school.login.succeeded"],
    );
  });
  it("a replayed refresh token revokes its family: system.session.revoked / school.session.revoked", async () => {
    const user = await makePlatformUser("support");
    const session = await systemLogin(user.email);
    assert.equal((await post("/api/v1/system/auth/refresh/", { refresh: session.refresh })).status, 200);
    const t = traced(TRACE);
    assert.equal((await post("/api/v1/system/auth/refresh/", { refresh: session.refresh }, t.options)).status, 401);
    await assertAudit(t, "system.session.revoked", { actorUserId: user.id, clientId: null });
    assert.equal(assertPage(await audit(`actor=${user.id}&action=system.session.revoked`, admin.as)).count, 1);

    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id, ["Teacher"]);
    const s = await schoolLogin(tenant.host, staff.email);
    assert.equal((await post("/api/v1/school/auth/refresh/", { refresh: s.refresh }, { host: tenant.host })).status, 200);
    const t2 = traced(TRACE, { host: tenant.host });
    assert.equal((await post("/api/v1/school/auth/refresh/", { refresh: s.refresh }, t2.options)).status, 401);
    await assertAudit(t2, "school.session.revoked", { actorUserId: staff.id, clientId: tenant.id });
    assert.equal(assertPage(await audit(`client=${tenant.id}&action=school.session.revoked`, admin.as)).count, 1);
  });
  it("logout, logout of every session, and a password change", async () => {
    const user = await makePlatformUser("support");
    const one = await systemLogin(user.email);
    let t = traced(TRACE);
    assert.equal((await post("/api/v1/system/auth/logout/", { refresh: one.refresh }, t.options)).status, 204);
    await assertAudit(t, "system.logout", { actorUserId: user.id, clientId: null });
    const two = await systemLogin(user.email);
    t = traced(TRACE, { token: two.access });
    assert.equal((await post("/api/v1/system/auth/logout/", { all: true }, t.options)).status, 204);
    await assertAudit(t, "system.logout.all", { actorUserId: user.id, clientId: null });
    const three = await systemLogin(user.email);
    t = traced(TRACE, { token: three.access });
    assert.equal(
      (await post("/api/v1/system/auth/password/", { old_password: PASSWORD, new_password: "a new passphrase" }, t.options)).status,
      204,
    );
    await assertAudit(t, "system.password.changed", { actorUserId: user.id, clientId: null });
    const page = assertPage(await audit(`actor=${user.id}&action=system.*&page_size=200`, admin.as));
    const actions = page.results.map((e) => e.action);
    for (const a of ["system.logout", "system.logout.all", "system.password.changed"]) assert.ok(actions.includes(a), `${a} in ${actions}`);
  });
  it("an API key's use on a school endpoint is not an audited write, and the key cannot read the trail", async () => {
    const tenant = await makeTenant();
    const k = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    const t = traced(TRACE, withKey(k.key, tenant.host));
    assert.equal((await get("/api/v1/school/permissions/", t.options)).status, 200);
    assert.deepEqual(await auditRows(t.requestId), []);
    assertError(await get(AUDIT, withKey(k.key)), 401, "not_authenticated");
  });
});

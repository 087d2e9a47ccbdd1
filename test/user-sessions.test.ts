// Someone else's sessions (an extension of the REST contract §8, documented in the OpenAPI
// document): GET lists a user's live sessions in the shape of …/auth/sessions/, DELETE signs them
// out everywhere at once — every refresh token refused and every access token a 401 straight away,
// the caller's own session untouched, an audit row written. On a school's staff (users.view to
// read, users.change to end, only colleagues within reach), on platform users (any platform role
// reads, a superadmin ends) and on a school's users from the console (superadmin or
// platform_admin ends). Another school's user, a platform user in a school's place, an unknown or
// malformed id: 404 on every one of them.
import { describe, it } from "node:test";
import { randomUUID } from "node:crypto";
import assert from "node:assert/strict";
import { get, post, request, type RequestOptions } from "./helpers/api";
import { assertTokenNotValid, familiesOf, traced } from "./helpers/auth-assertions";
import { makePlatformUser, makeSchoolUser, makeTenant, schoolLogin, sql, systemLogin } from "./helpers/fixtures";
import { assertDenied, assertStatus, makeSchool, makeStaffWith } from "./helpers/school-api";

const SESSION_KEYS = ["created_at", "current", "id", "ip", "last_used_at", "user_agent"];
const TRACE = "user-sessions";
const del = (path: string, o: RequestOptions = {}) => request("DELETE", path, o);

type Audience = "system" | "school";
type Pair = { access: string; refresh: string };

/** Logs `email` in from a given address and browser; a school user on `host`. */
async function loginFrom(audience: Audience, email: string, ip: string, agent: string, host?: string): Promise<Pair> {
  const res = await post(
    `/api/v1/${audience}/auth/login/`,
    { identifier: email, password: "correct horse battery" },
    { host, ip, headers: { "user-agent": agent } },
  );
  assert.equal(res.status, 200, res.text);
  return res.body;
}

/** The pair works: the access token reaches auth/me, and the refresh token turns into a new pair. */
async function assertWorks(audience: Audience, pair: Pair, host: string | undefined, what: string): Promise<Pair> {
  const me = await get(`/api/v1/${audience}/auth/me/`, { token: pair.access, host });
  assert.equal(me.status, 200, `${what}: access ${me.text}`);
  const refreshed = await post(`/api/v1/${audience}/auth/refresh/`, { refresh: pair.refresh }, { host });
  assert.equal(refreshed.status, 200, `${what}: refresh ${refreshed.text}`);
  return refreshed.body;
}

/** The pair is dead at once: its access token is refused, and so is its refresh token. */
async function assertEnded(audience: Audience, pair: Pair, host: string | undefined, what: string) {
  assertTokenNotValid(await get(`/api/v1/${audience}/auth/me/`, { token: pair.access, host }), `${what}: access`);
  assertTokenNotValid(await post(`/api/v1/${audience}/auth/refresh/`, { refresh: pair.refresh }, { host }), `${what}: refresh`);
}

async function auditOf(requestId: string, action: string) {
  const { rows } = await sql().query(
    "SELECT actor_user_id, client_id, target_type, target_id, metadata FROM audit_events WHERE request_id = $1 AND action = $2",
    [requestId, action],
  );
  assert.equal(rows.length, 1, `one ${action} event`);
  return rows[0];
}

function assertNotFound(res: { status: number; body: any; text: string }, what: string) {
  assert.equal(res.status, 404, `${what}: ${res.text}`);
  assert.equal(typeof res.body?.detail, "string", what);
}

const BAD_IDS = ["not-a-uuid", "123", randomUUID()];

describe("school: GET/DELETE /api/v1/school/users/{id}/sessions/", () => {
  const path = (id: string) => `/api/v1/school/users/${id}/sessions/`;

  /** A school with its Admin, and a teacher signed in on a laptop and a phone, plus one session over and one revoked. */
  async function setup() {
    const school = await makeSchool();
    const teacher = await makeSchoolUser(school.id, ["Teacher"]);
    const laptop = await loginFrom("school", teacher.email, "10.9.1.1", "Laptop Browser/1.0", school.host);
    const phone = await loginFrom("school", teacher.email, "10.9.2.2", "Phone Browser/2.0", school.host);
    const gone = await loginFrom("school", teacher.email, "10.9.3.3", "Old Browser/0.1", school.host);
    const out = await post("/api/v1/school/auth/logout/", { refresh: gone.refresh }, { host: school.host, token: gone.access });
    assert.equal(out.status, 204, out.text);
    const over = await loginFrom("school", teacher.email, "10.9.4.4", "Expired Browser/0.2", school.host);
    await sql().query("UPDATE refresh_families SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND user_agent = $2", [
      teacher.id,
      "Expired Browser/0.2",
    ]);
    return { school, teacher, laptop, phone, over };
  }

  it("lists a colleague's live sessions only, most recently used first, none of them current", async () => {
    const { school, teacher, laptop } = await setup();
    // The laptop refreshes: it is now the most recently used.
    await assertWorks("school", laptop, school.host, "laptop");
    const res = await get(path(teacher.id), { host: school.host, token: school.admin.token });
    assertStatus(res, 200, "list");
    assert.ok(Array.isArray(res.body), "a plain list, not paginated");
    assert.equal(res.body.length, 2, "the revoked and the expired sessions are not listed");
    for (const s of res.body) assert.deepEqual(Object.keys(s).sort(), SESSION_KEYS);
    assert.deepEqual(
      res.body.map((s: any) => [s.user_agent, s.ip, s.current]),
      [
        ["Laptop Browser/1.0", "10.9.1.1", false],
        ["Phone Browser/2.0", "10.9.2.2", false],
      ],
    );
    for (const s of res.body) assert.ok(!Number.isNaN(Date.parse(s.created_at)) && !Number.isNaN(Date.parse(s.last_used_at)));
  });

  it("marks the caller's own session current when they look at their own", async () => {
    const school = await makeSchool();
    const res = await get(path(school.admin.id), { host: school.host, token: school.admin.token });
    assertStatus(res, 200, "own list");
    assert.equal(res.body.filter((s: any) => s.current).length, 1);
  });

  it("signs them out everywhere at once, keeps the caller's session, and records it", async () => {
    const { school, teacher, laptop, phone } = await setup();
    const t = traced(TRACE, { host: school.host, token: school.admin.token });
    const res = await del(path(teacher.id), t.options);
    assertStatus(res, 204, "end");
    assert.equal(res.text, "");
    await assertEnded("school", laptop, school.host, "laptop");
    await assertEnded("school", phone, school.host, "phone");
    const families = await familiesOf(teacher.id);
    assert.ok(
      families.every((f) => f.revoked_at !== null),
      "every family revoked",
    );
    const listed = await get(path(teacher.id), { host: school.host, token: school.admin.token });
    assert.deepEqual(listed.body, []);
    const event = await auditOf(t.requestId, "school.user.sessions_ended");
    assert.equal(event.actor_user_id, school.admin.id);
    assert.equal(event.client_id, school.id);
    assert.equal(event.target_type, "user");
    assert.equal(event.target_id, teacher.id);
    assert.equal(event.metadata.sessions_revoked, 2);
    // The admin's own session carries on, and the teacher can sign in again.
    const admin = await get(path(teacher.id), { host: school.host, token: school.admin.token });
    assertStatus(admin, 200, "the caller's session");
    await assertWorks("school", await schoolLogin(school.host, teacher.email), school.host, "a new sign-in");
  });

  it("reading needs users.view, ending needs users.change; 403 without, nothing ended", async () => {
    const { school, teacher, laptop } = await setup();
    const viewer = await makeStaffWith(school, ["users.view"]);
    const nobody = await makeStaffWith(school, ["students.view"]);
    assertStatus(await get(path(teacher.id), viewer.caller), 200, "users.view reads");
    assertDenied(await del(path(teacher.id), viewer.caller), "users.view does not end");
    assertDenied(await get(path(teacher.id), nobody.caller), "without users.view");
    assertDenied(await del(path(teacher.id), nobody.caller), "without users.change");
    await assertWorks("school", laptop, school.host, "untouched");
  });

  it("ends only colleagues within reach: a staff manager signs out a teacher, not an Admin", async () => {
    const { school, teacher, laptop } = await setup();
    const manager = await makeStaffWith(school, ["users.view", "users.change", "classes.view", "students.view"]);
    assertDenied(await del(path(school.admin.id), manager.caller), "an Admin holds more");
    assertStatus(await get(path(school.admin.id), { host: school.host, token: school.admin.token }), 200, "the Admin still in");
    assertStatus(await del(path(teacher.id), manager.caller), 204, "a teacher is within reach");
    await assertEnded("school", laptop, school.host, "the teacher");
  });

  it("another school's user, an unknown or a malformed id: 404, and nothing ended", async () => {
    const mine = await makeSchool();
    const other = await makeTenant();
    const stranger = await makeSchoolUser(other.id, ["Teacher"]);
    const theirs = await schoolLogin(other.host, stranger.email);
    const platform = await makePlatformUser("support");
    for (const id of [stranger.id, platform.id, ...BAD_IDS]) {
      assertNotFound(await get(path(id), { host: mine.host, token: mine.admin.token }), `GET ${id}`);
      assertNotFound(await del(path(id), { host: mine.host, token: mine.admin.token }), `DELETE ${id}`);
    }
    await assertWorks("school", theirs, other.host, "the other school's user");
  });
});

describe("system: GET/DELETE /api/v1/system/users/{id}/sessions/", () => {
  const path = (id: string) => `/api/v1/system/users/${id}/sessions/`;

  async function setup() {
    const target = await makePlatformUser("support");
    const pair = await loginFrom("system", target.email, "10.8.1.1", "Console Browser/3.0");
    const callers = Object.fromEntries(
      await Promise.all(
        (["superadmin", "platform_admin", "support"] as const).map(async (role) => {
          const user = await makePlatformUser(role);
          return [role, { id: user.id, ...(await systemLogin(user.email)) }] as const;
        }),
      ),
    );
    return { target, pair, callers };
  }

  it("every platform role reads; only a superadmin ends them", async () => {
    const { target, pair, callers } = await setup();
    for (const role of ["superadmin", "platform_admin", "support"] as const) {
      const res = await get(path(target.id), { token: callers[role].access });
      assertStatus(res, 200, `${role} reads`);
      assert.equal(res.body.length, 1);
      assert.deepEqual(Object.keys(res.body[0]).sort(), SESSION_KEYS);
      assert.equal(res.body[0].user_agent, "Console Browser/3.0");
      assert.equal(res.body[0].current, false);
    }
    for (const role of ["platform_admin", "support"] as const) {
      assertDenied(await del(path(target.id), { token: callers[role].access }), `${role} may not end`);
    }
    const live = await assertWorks("system", pair, undefined, "untouched");
    const t = traced(TRACE, { token: callers.superadmin.access });
    assertStatus(await del(path(target.id), t.options), 204, "a superadmin ends");
    await assertEnded("system", live, undefined, "the target");
    const event = await auditOf(t.requestId, "platform_user.sessions_ended");
    assert.equal(event.actor_user_id, callers.superadmin.id);
    assert.equal(event.client_id, null);
    assert.equal(event.target_id, target.id);
    assert.equal(event.metadata.sessions_revoked, 1);
    await assertWorks("system", callers.superadmin, undefined, "the superadmin's own session");
  });

  it("a school's user, an unknown or a malformed id: 404", async () => {
    const { callers } = await setup();
    const school = await makeTenant();
    const staff = await makeSchoolUser(school.id, ["Teacher"]);
    for (const id of [staff.id, ...BAD_IDS]) {
      assertNotFound(await get(path(id), { token: callers.superadmin.access }), `GET ${id}`);
      assertNotFound(await del(path(id), { token: callers.superadmin.access }), `DELETE ${id}`);
    }
  });
});

describe("console: GET/DELETE /api/v1/system/clients/{id}/users/{uid}/sessions/", () => {
  const path = (school: string, uid: string) => `/api/v1/system/clients/${school}/users/${uid}/sessions/`;

  it("support reads; superadmin and platform_admin end them, recorded in the school's trail", async () => {
    const school = await makeTenant();
    const teacher = await makeSchoolUser(school.id, ["Teacher"]);
    const support = await systemLogin((await makePlatformUser("support")).email);
    for (const role of ["superadmin", "platform_admin"] as const) {
      const admin = await makePlatformUser(role);
      const token = (await systemLogin(admin.email)).access;
      const pair = await loginFrom("school", teacher.email, "10.7.1.1", "Staffroom Browser/1.0", school.host);
      const listed = await get(path(school.id, teacher.id), { token: support.access });
      assertStatus(listed, 200, "support reads");
      assert.equal(listed.body.length, 1);
      assert.deepEqual(
        listed.body.map((s: any) => [s.user_agent, s.ip, s.current]),
        [["Staffroom Browser/1.0", "10.7.1.1", false]],
      );
      assertDenied(await del(path(school.id, teacher.id), { token: support.access }), "support may not end");
      const live = await assertWorks("school", pair, school.host, "untouched");
      const t = traced(TRACE, { token });
      assertStatus(await del(path(school.id, teacher.id), t.options), 204, `${role} ends`);
      await assertEnded("school", live, school.host, `ended by ${role}`);
      const event = await auditOf(t.requestId, "tenant_user.sessions_ended");
      assert.equal(event.actor_user_id, admin.id);
      assert.equal(event.client_id, school.id);
      assert.equal(event.target_id, teacher.id);
      assert.deepEqual((await get(path(school.id, teacher.id), { token: support.access })).body, []);
    }
  });

  it("a user of another school, a platform user, an unknown school or a malformed id: 404, nothing ended", async () => {
    const school = await makeTenant();
    const other = await makeTenant();
    const stranger = await makeSchoolUser(other.id, ["Teacher"]);
    const theirs = await schoolLogin(other.host, stranger.email);
    const platform = await makePlatformUser("support");
    const token = (await systemLogin((await makePlatformUser("superadmin")).email)).access;
    const cases: [string, string][] = [
      [school.id, stranger.id],
      [school.id, platform.id],
      [randomUUID(), stranger.id],
      ["not-a-uuid", stranger.id],
      ...BAD_IDS.map((id): [string, string] => [school.id, id]),
    ];
    for (const [schoolId, uid] of cases) {
      assertNotFound(await get(path(schoolId, uid), { token }), `GET ${schoolId}/${uid}`);
      assertNotFound(await del(path(schoolId, uid), { token }), `DELETE ${schoolId}/${uid}`);
    }
    await assertWorks("school", theirs, other.host, "the other school's user");
  });
});

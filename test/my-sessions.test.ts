// "My sessions" (REST contract §8, Sessions), for platform users and school staff alike: the list
// of the caller's live sessions with the current one marked, and ending one — its access and
// refresh tokens stop working at once, the others carry on. Another user's session, another
// school's, or one already over is a 404; an API key has no sessions.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { get, post, request } from "./helpers/api";
import { makePlatformUser, makeSchoolUser, makeTenant, schoolLogin, sql, systemLogin } from "./helpers/fixtures";

const SESSION_KEYS = ["created_at", "current", "id", "ip", "last_used_at", "user_agent"];
const del = (path: string, o: Parameters<typeof request>[2] = {}) => request("DELETE", path, o);

for (const audience of ["system", "school"] as const) {
  describe(`${audience}: GET/DELETE /api/v1/${audience}/auth/sessions/`, () => {
    /** A user of this audience, and a way to log them in from a given address and browser. */
    async function setup() {
      if (audience === "system") {
        const user = await makePlatformUser("support");
        const login = async (ip: string, agent: string) => {
          const res = await post(
            "/api/v1/system/auth/login/",
            { identifier: user.email, password: user.password },
            { ip, headers: { "user-agent": agent } },
          );
          assert.equal(res.status, 200, res.text);
          return res.body as { access: string; refresh: string };
        };
        return { user, login, host: undefined as string | undefined };
      }
      const school = await makeTenant();
      const user = await makeSchoolUser(school.id, ["Teacher"]);
      const login = async (ip: string, agent: string) => {
        const res = await post(
          "/api/v1/school/auth/login/",
          { identifier: user.email, password: user.password },
          { host: school.host, ip, headers: { "user-agent": agent } },
        );
        assert.equal(res.status, 200, res.text);
        return res.body as { access: string; refresh: string };
      };
      return { user, login, host: school.host as string | undefined, school };
    }
    const base = `/api/v1/${audience}/auth/sessions/`;

    it("lists my live sessions, most recently used first, this one marked current", async () => {
      const { login, host } = await setup();
      const laptop = await login("10.1.1.1", "Laptop Browser/1.0");
      const phone = await login("10.2.2.2", "Phone Browser/2.0");
      const res = await get(base, { token: phone.access, host });
      assert.equal(res.status, 200, res.text);
      assert.ok(Array.isArray(res.body), "not paginated: a plain list");
      assert.equal(res.body.length, 2);
      for (const s of res.body) assert.deepEqual(Object.keys(s).sort(), SESSION_KEYS);
      const current = res.body.filter((s: any) => s.current);
      assert.equal(current.length, 1);
      assert.equal(current[0].user_agent, "Phone Browser/2.0");
      assert.equal(current[0].ip, "10.2.2.2");
      const other = res.body.find((s: any) => !s.current);
      assert.equal(other.user_agent, "Laptop Browser/1.0");
      assert.ok(!Number.isNaN(Date.parse(other.created_at)) && !Number.isNaN(Date.parse(other.last_used_at)));

      // A refresh moves "last used" on, and puts that session first.
      const refreshed = await post(`/api/v1/${audience}/auth/refresh/`, { refresh: laptop.refresh }, { host });
      assert.equal(refreshed.status, 200, refreshed.text);
      const after = await get(base, { token: phone.access, host });
      assert.equal(after.body[0].user_agent, "Laptop Browser/1.0");
      assert.ok(after.body[0].last_used_at > other.last_used_at, "last_used_at moved on with the refresh");
      // The laptop's new access token sees the same two sessions, its own marked.
      const fromLaptop = await get(base, { token: refreshed.body.access, host });
      assert.equal(fromLaptop.body.find((s: any) => s.current).user_agent, "Laptop Browser/1.0");
    });

    it("ending another session: its tokens stop at once, mine carry on, it leaves the list, the audit has it", async () => {
      const { user, login, host } = await setup();
      const laptop = await login("10.3.3.3", "Laptop");
      const phone = await login("10.4.4.4", "Phone");
      const list = await get(base, { token: phone.access, host });
      const laptopSession = list.body.find((s: any) => !s.current);

      const ended = await del(`${base}${laptopSession.id}/`, { token: phone.access, host });
      assert.equal(ended.status, 204, ended.text);
      assert.equal(ended.text, "");

      assert.equal((await get(`/api/v1/${audience}/auth/me/`, { token: laptop.access, host })).status, 401);
      assert.equal((await post(`/api/v1/${audience}/auth/refresh/`, { refresh: laptop.refresh }, { host })).status, 401);
      assert.equal((await get(`/api/v1/${audience}/auth/me/`, { token: phone.access, host })).status, 200);
      const left = await get(base, { token: phone.access, host });
      assert.deepEqual(
        left.body.map((s: any) => s.user_agent),
        ["Phone"],
      );

      const { rows } = await sql().query("SELECT revoked_at, revoked_reason FROM refresh_families WHERE id = $1", [laptopSession.id]);
      assert.ok(rows[0].revoked_at);
      assert.equal(rows[0].revoked_reason, "session_ended");
      const events = await sql().query(
        "SELECT actor_user_id, target_type, target_id FROM audit_events WHERE action = $1 AND target_id = $2",
        [`${audience}.session.ended`, laptopSession.id],
      );
      assert.equal(events.rowCount, 1);
      assert.equal(events.rows[0].actor_user_id, user.id);
      assert.equal(events.rows[0].target_type, "session");

      // Ending it again: it is over, so there is nothing to end.
      assert.equal((await del(`${base}${laptopSession.id}/`, { token: phone.access, host })).status, 404);
    });

    it("ending my own current session signs me out", async () => {
      const { login, host } = await setup();
      const only = await login("10.5.5.5", "Tablet");
      const list = await get(base, { token: only.access, host });
      assert.equal((await del(`${base}${list.body[0].id}/`, { token: only.access, host })).status, 204);
      assert.equal((await get(`/api/v1/${audience}/auth/me/`, { token: only.access, host })).status, 401);
      assert.equal((await post(`/api/v1/${audience}/auth/refresh/`, { refresh: only.refresh }, { host })).status, 401);
    });

    it("another user's session, an unknown or malformed id: 404, and nothing ends", async () => {
      const a = await setup();
      const b = await setup();
      const aPair = await a.login("10.6.6.6", "A");
      const bPair = await b.login("10.7.7.7", "B");
      const bSession = (await get(base, { token: bPair.access, host: b.host })).body[0];
      // A's token on A's host, naming B's session.
      assert.equal((await del(`${base}${bSession.id}/`, { token: aPair.access, host: a.host })).status, 404);
      assert.equal((await get(`/api/v1/${audience}/auth/me/`, { token: bPair.access, host: b.host })).status, 200);
      assert.equal((await del(`${base}00000000-0000-7000-8000-000000000000/`, { token: aPair.access, host: a.host })).status, 404);
      assert.equal((await del(`${base}not-an-id/`, { token: aPair.access, host: a.host })).status, 404);
      // Sessions of a password change or deactivation (the epoch moved on) are not listed.
      await sql().query("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = $1", [b.user.id]);
      const again = await b.login("10.8.8.8", "B2");
      const listed = await get(base, { token: again.access, host: b.host });
      assert.deepEqual(
        listed.body.map((s: any) => s.user_agent),
        ["B2"],
      );
    });

    it("without a token: 401; other methods: 405", async () => {
      const { host } = await setup();
      assert.equal((await get(base, { host })).status, 401);
      assert.equal((await del(`${base}00000000-0000-7000-8000-000000000000/`, { host })).status, 401);
      const { login } = await setup();
      const pair = await login("10.9.9.9", "C");
      assert.equal((await post(base, {}, { token: pair.access, host })).status, 405);
    });
  });
}

describe("school sessions stay in their school", () => {
  it("a school's token cannot list or end sessions through another school's host", async () => {
    const greenwood = await makeTenant();
    const riverside = await makeTenant();
    const teacher = await makeSchoolUser(greenwood.id, ["Teacher"]);
    const pair = await schoolLogin(greenwood.host, teacher.email);
    const session = (await get("/api/v1/school/auth/sessions/", { token: pair.access, host: greenwood.host })).body[0];
    assert.equal((await get("/api/v1/school/auth/sessions/", { token: pair.access, host: riverside.host })).status, 401);
    assert.equal((await del(`/api/v1/school/auth/sessions/${session.id}/`, { token: pair.access, host: riverside.host })).status, 401);
    assert.equal((await get("/api/v1/school/auth/me/", { token: pair.access, host: greenwood.host })).status, 200);

    // A platform token is not a school session either.
    const admin = await makePlatformUser();
    const system = await systemLogin(admin.email);
    assert.equal((await get("/api/v1/school/auth/sessions/", { token: system.access, host: greenwood.host })).status, 401);
    assert.equal((await get("/api/v1/system/auth/sessions/", { token: pair.access })).status, 401);
  });
});

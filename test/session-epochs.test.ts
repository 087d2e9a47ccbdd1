// Sessions are tied to the credentials they were opened with (hardening issue, item 2): a password
// change (own or by an admin), a deactivation or a deletion ends every session of the user —
// including one whose login was verifying the old password at that very moment. Whatever the
// interleaving, no token pair from a login with the old password outlives the change, and nothing
// brings such a session back (not even reactivating the account).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { get, post, request, tenantHost } from "./helpers/api";
import { PASSWORD, makePlatformUser, makeSchoolUser, makeTenant, schoolLogin, sql, systemLogin } from "./helpers/fixtures";
import { sessionUser } from "@/lib/auth/authenticate";

const NEW_PASSWORD = "a brand new passphrase";

type Pair = { access: string; refresh: string };

/** Fires `n` logins, and `change` once about half of them are on their way; waits for all. */
async function raceLogins(n: number, login: () => Promise<{ status: number; body: any }>, change: () => Promise<void>): Promise<Pair[]> {
  const logins: Promise<{ status: number; body: any }>[] = [];
  let changed: Promise<void> | undefined;
  for (let i = 0; i < n; i++) {
    logins.push(login());
    if (i === Math.floor(n / 2)) changed = change();
    await new Promise((r) => setImmediate(r));
  }
  const answers = await Promise.all(logins);
  await changed;
  for (const a of answers) assert.ok(a.status === 200 || a.status === 401, `a login answered ${a.status}: ${JSON.stringify(a.body)}`);
  return answers.filter((a) => a.status === 200).map((a) => ({ access: a.body.access, refresh: a.body.refresh }));
}

/** Every pair is dead: its access token and its refresh token are refused. */
async function assertAllDead(pairs: Pair[], audience: "system" | "school", host?: string) {
  for (const pair of pairs) {
    const me = await get(`/api/v1/${audience}/auth/me/`, { token: pair.access, host });
    assert.equal(me.status, 401, `an access token from a login that raced with the change still works: ${me.text}`);
    const refreshed = await post(`/api/v1/${audience}/auth/refresh/`, { refresh: pair.refresh }, { host });
    assert.equal(refreshed.status, 401, `a refresh token from a login that raced with the change still works: ${refreshed.text}`);
  }
}

describe("a password change ends every session, including logins in flight", () => {
  it("own password change (system): no login with the old password keeps tokens", async () => {
    for (let round = 0; round < 3; round++) {
      const admin = await makePlatformUser("support");
      const { access } = await systemLogin(admin.email);
      const pairs = await raceLogins(
        16,
        () => post("/api/v1/system/auth/login/", { identifier: admin.email, password: PASSWORD }),
        async () => {
          const res = await post(
            "/api/v1/system/auth/password/",
            { old_password: PASSWORD, new_password: NEW_PASSWORD },
            { token: access },
          );
          assert.equal(res.status, 204, res.text);
        },
      );
      await assertAllDead(pairs, "system");
      await systemLogin(admin.email, NEW_PASSWORD); // the new password works
    }
  });

  it("an admin's temporary password (PATCH /system/users/{id}/ with a password): the same", async () => {
    const root = await makePlatformUser("superadmin");
    const { access: rootToken } = await systemLogin(root.email);
    for (let round = 0; round < 3; round++) {
      const admin = await makePlatformUser("platform_admin");
      const pairs = await raceLogins(
        16,
        () => post("/api/v1/system/auth/login/", { identifier: admin.email, password: PASSWORD }),
        async () => {
          const res = await request("PATCH", `/api/v1/system/users/${admin.id}/`, { token: rootToken, body: { password: NEW_PASSWORD } });
          assert.equal(res.status, 200, res.text);
        },
      );
      await assertAllDead(pairs, "system");
    }
  });

  it("a school deactivation, then reactivation: no raced session comes back", async () => {
    const tenant = await makeTenant();
    const head = await makeSchoolUser(tenant.id, ["Admin"]);
    const { access: headToken } = await schoolLogin(tenant.host, head.email);
    for (let round = 0; round < 3; round++) {
      const teacher = await makeSchoolUser(tenant.id, ["Teacher"]);
      const pairs = await raceLogins(
        16,
        () => post("/api/v1/school/auth/login/", { identifier: teacher.email, password: PASSWORD }, { host: tenant.host }),
        async () => {
          const res = await request("PATCH", `/api/v1/school/users/${teacher.id}/`, {
            host: tenant.host,
            token: headToken,
            body: { is_active: false },
          });
          assert.equal(res.status, 200, res.text);
        },
      );
      const back = await request("PATCH", `/api/v1/school/users/${teacher.id}/`, {
        host: tenant.host,
        token: headToken,
        body: { is_active: true },
      });
      assert.equal(back.status, 200, back.text);
      await assertAllDead(pairs, "school", tenantHost(tenant.slug));
      await schoolLogin(tenant.host, teacher.email); // a new login works again
    }
  });
});

describe("a session opened in an earlier epoch is dead everywhere it is checked", () => {
  // The deterministic form of the race above: a session whose row was written after the change
  // moved the user's epoch on (and so was not among the sessions it revoked).
  it("Bearer (system and school), refresh, and the console's and portal's cookie sessions", async () => {
    const admin = await makePlatformUser("support");
    const system = await systemLogin(admin.email);
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id, ["Teacher"]);
    const school = await schoolLogin(tenant.host, staff.email);
    await sql().query("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ANY($1::uuid[])", [[admin.id, staff.id]]);
    // Nothing was revoked: only the epoch moved.
    const { rows } = await sql().query(
      "SELECT count(*)::int AS n FROM refresh_families WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL",
      [[admin.id, staff.id]],
    );
    assert.equal(rows[0].n, 2);

    await assertAllDead([system], "system");
    await assertAllDead([school], "school", tenant.host);
    const sid = (token: string) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()).sid as string;
    // The console's and the portal's cookies name a session and are checked by sessionUser.
    await assert.rejects(sessionUser(sid(system.access), admin.id, null), /Token is invalid or expired/);
    await assert.rejects(sessionUser(sid(school.access), staff.id, tenant.id), /Token is invalid or expired/);
  });

  it("a login that loses the race answers 401 and writes nothing", async () => {
    // Simulated at the database: the epoch moves between the password check and the session's write.
    const admin = await makePlatformUser("support");
    const before = await sql().query("SELECT count(*)::int AS n FROM refresh_families WHERE user_id = $1", [admin.id]);
    // Take the user's row lock, start the login (it verifies the password, then waits on the lock
    // in its write), move the epoch on and let go.
    const client = await sql().connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", [admin.id]);
      const pending = post("/api/v1/system/auth/login/", { identifier: admin.email, password: PASSWORD });
      // Until the login's write is queued behind our lock (bounded).
      for (let waited = 0; ; waited += 20) {
        const { rows } = await sql().query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        if (rows[0].n > 0) break;
        if (waited > 10_000) assert.fail("the login never reached its write");
        await new Promise((r) => setTimeout(r, 20));
      }
      await client.query("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = $1", [admin.id]);
      await client.query("COMMIT");
      const res = await pending;
      assert.equal(res.status, 401, res.text);
      assert.equal(res.body.code, "authentication_failed");
    } finally {
      client.release();
    }
    const after = await sql().query("SELECT count(*)::int AS n FROM refresh_families WHERE user_id = $1", [admin.id]);
    assert.equal(after.rows[0].n, before.rows[0].n, "no session row was written");
    const user = await sql().query("SELECT last_login FROM users WHERE id = $1", [admin.id]);
    assert.equal(user.rows[0].last_login, null, "last_login was not touched either (one transaction)");
  });
});

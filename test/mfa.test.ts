// Two-factor sign-in (the REST contract §8 "Two-factor sign-in"), for both audiences: enrolment and
// its confirmation with ten recovery codes; a login that answers an mfa_token instead of tokens; the
// code that completes it — accepted once, a recovery code once, wrong codes counted as failed
// logins; turning it off with the password; an admin's reset on the three paths of temporary
// passwords; and SMS_MFA_REQUIRED_PLATFORM on an instance started with it. Codes are computed here
// from the secret the enrolment answered, with the same library an authenticator app would be.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";
import { get, post, request, type ApiResponse, type RequestOptions } from "./helpers/api";
import { assertAudit, assertTokenNotValid, familiesOf, traced } from "./helpers/auth-assertions";
import { PASSWORD, makePlatformUser, makeSchoolUser, makeTenant, schoolLogin, sql, systemLogin, unique } from "./helpers/fixtures";
import { startSecondServer, type SecondServer } from "./helpers/second-server";

type Audience = "system" | "school";
const TRACE = "mfa";

const auth = (audience: Audience, what: string) => `/api/v1/${audience}/auth/${what}/`;
const del = (path: string, o: RequestOptions = {}) => request("DELETE", path, o);
const step = () => Math.floor(Date.now() / 30_000);

/** The code an authenticator app shows for `secret` at time-step `at`. */
function codeAt(secret: string, at: number): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: at * 30_000,
  });
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

interface Account {
  audience: Audience;
  id: string;
  email: string;
  host?: string;
  clientId: string | null;
}

/** A fresh user of the audience: a platform_admin, or a Teacher of a new school. */
async function account(audience: Audience): Promise<Account> {
  if (audience === "system") {
    const user = await makePlatformUser("platform_admin");
    return { audience, id: user.id, email: user.email, clientId: null };
  }
  const tenant = await makeTenant();
  const user = await makeSchoolUser(tenant.id, ["Teacher"]);
  return { audience, id: user.id, email: user.email, host: tenant.host, clientId: tenant.id };
}

function login(a: Account, password = PASSWORD, o: RequestOptions = {}) {
  return post(auth(a.audience, "login"), { identifier: a.email, password }, { host: a.host, ...o });
}

function verify(a: Account, mfaToken: string, code: string, o: RequestOptions = {}) {
  return post(auth(a.audience, "mfa/verify"), { mfa_token: mfaToken, code }, { host: a.host, ...o });
}

async function accessOf(a: Account): Promise<string> {
  const res = await login(a);
  assert.equal(res.status, 200, res.text);
  assert.ok(res.body.access, `tokens: ${res.text}`);
  return res.body.access;
}

/** Enrols and confirms: the secret, the recovery codes and the step the confirmation used. */
async function turnOn(a: Account, token: string, o: RequestOptions = {}) {
  const started = await post(auth(a.audience, "mfa/totp"), undefined, { host: a.host, token, ...o });
  assert.equal(started.status, 200, started.text);
  const at = step();
  const confirmed = await post(
    auth(a.audience, "mfa/totp/confirm"),
    { code: codeAt(started.body.secret, at) },
    { host: a.host, token, ...o },
  );
  assert.equal(confirmed.status, 200, confirmed.text);
  return { secret: started.body.secret as string, recoveryCodes: confirmed.body.recovery_codes as string[], at };
}

/** A login's first step: it must answer an mfa_token and nothing else. */
async function mfaToken(a: Account, o: RequestOptions = {}): Promise<string> {
  const res = await login(a, PASSWORD, o);
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(Object.keys(res.body).sort(), ["mfa_required", "mfa_token"]);
  assert.equal(res.body.mfa_required, true);
  assert.equal(typeof res.body.mfa_token, "string");
  return res.body.mfa_token;
}

async function userRow(id: string) {
  const { rows } = await sql().query("SELECT mfa_enabled, totp_secret, totp_last_step, session_epoch FROM users WHERE id = $1", [id]);
  return rows[0] as { mfa_enabled: boolean; totp_secret: string | null; totp_last_step: number | null; session_epoch: number };
}

async function recoveryRows(userId: string) {
  const { rows } = await sql().query("SELECT code_hash, used_at, client_id FROM mfa_recovery_codes WHERE user_id = $1", [userId]);
  return rows as { code_hash: string; used_at: Date | null; client_id: string | null }[];
}

function assertError(res: ApiResponse, status: number, code: string, what: string) {
  assert.equal(res.status, status, `${what}: ${res.text}`);
  assert.equal(res.body.code, code, what);
  assert.equal(typeof res.body.detail, "string", what);
}

function assertFieldError(res: ApiResponse, field: string, what: string) {
  assertError(res, 400, "invalid", what);
  assert.ok(Array.isArray(res.body.errors?.[field]) && res.body.errors[field].length > 0, `${what}: errors.${field} in ${res.text}`);
}

/** Tokens of a login's answer, and that they work. */
async function assertSignedIn(a: Account, res: ApiResponse, what: string) {
  assert.equal(res.status, 200, `${what}: ${res.text}`);
  assert.equal(typeof res.body.access, "string", what);
  assert.equal(typeof res.body.refresh, "string", what);
  assert.equal(res.headers["cache-control"], "no-store", what);
  const me = await get(auth(a.audience, "me"), { host: a.host, token: res.body.access });
  assert.equal(me.status, 200, `${what}: me with the new access token: ${me.text}`);
  assert.equal(me.body.mfa_enabled, true, what);
  assert.equal(res.body.user.id, a.id, what);
}

for (const audience of ["system", "school"] as const) {
  describe(`${audience}: enrolment`, () => {
    it("POST …/auth/mfa/totp/ answers a secret and its otpauth URL; confirm takes the app's code and answers ten recovery codes once", async () => {
      const a = await account(audience);
      const token = await accessOf(a);
      const o = { host: a.host, token };

      // Confirming before enrolling says what to do first.
      assertFieldError(await post(auth(audience, "mfa/totp/confirm"), { code: "123456" }, o), "code", "confirm before enrolling");

      const t = traced(TRACE, o);
      const started = await post(auth(audience, "mfa/totp"), undefined, t.options);
      assert.equal(started.status, 200, started.text);
      assert.deepEqual(Object.keys(started.body).sort(), ["otpauth_url", "secret"]);
      const { secret, otpauth_url } = started.body;
      assert.match(secret, /^[A-Z2-7]{32}$/, "160 bits of base32");
      const parsed = OTPAuth.URI.parse(otpauth_url);
      assert.ok(parsed instanceof OTPAuth.TOTP, "a TOTP URL");
      assert.equal(parsed.secret.base32, secret);
      assert.equal(parsed.algorithm, "SHA1");
      assert.equal(parsed.digits, 6);
      assert.equal(parsed.period, 30);
      assert.equal(parsed.label, a.email);
      await assertAudit(t, `${audience}.mfa.enrolment_started`, { actorUserId: a.id, clientId: a.clientId });

      // Kept sealed, not active: a login still answers tokens.
      let row = await userRow(a.id);
      assert.equal(row.mfa_enabled, false);
      assert.ok(row.totp_secret && !row.totp_secret.includes(secret), "the secret is not stored in the clear");
      assert.ok((await login(a)).body.access, "pending enrolment: the login still answers tokens");

      // Wrong and hostile codes: 400 naming code, nothing turned on.
      for (const code of [codeAt(secret, step() - 5), "000000x", "'; DROP TABLE users; --", "1".repeat(65), ""]) {
        assertFieldError(await post(auth(audience, "mfa/totp/confirm"), { code }, o), "code", `confirm with ${JSON.stringify(code)}`);
      }
      assertFieldError(await post(auth(audience, "mfa/totp/confirm"), {}, o), "code", "confirm without a code");
      assert.equal((await userRow(a.id)).mfa_enabled, false);

      // A code of another secret is wrong too.
      const other = new OTPAuth.Secret({ size: 20 }).base32;
      assertFieldError(await post(auth(audience, "mfa/totp/confirm"), { code: codeAt(other, step()) }, o), "code", "another secret's code");

      const at = step();
      const c = traced(TRACE, o);
      const confirmed = await post(auth(audience, "mfa/totp/confirm"), { code: codeAt(secret, at) }, c.options);
      assert.equal(confirmed.status, 200, confirmed.text);
      assert.deepEqual(Object.keys(confirmed.body), ["recovery_codes"]);
      const codes: string[] = confirmed.body.recovery_codes;
      assert.equal(codes.length, 10);
      assert.equal(new Set(codes).size, 10, "all different");
      for (const code of codes) assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await assertAudit(c, `${audience}.mfa.enabled`, { actorUserId: a.id, clientId: a.clientId });

      // On; the codes kept hashed, never in the clear, in the user's school.
      row = await userRow(a.id);
      assert.equal(row.mfa_enabled, true);
      const stored = await recoveryRows(a.id);
      assert.equal(stored.length, 10);
      assert.deepEqual(stored.map((r) => r.code_hash).sort(), codes.map((code) => sha256(code.replace(/-/g, ""))).sort());
      for (const r of stored) {
        assert.equal(r.used_at, null);
        assert.equal(r.client_id, a.clientId);
      }
      const { rows: dump } = await sql().query("SELECT row_to_json(c)::text AS j FROM mfa_recovery_codes c WHERE user_id = $1", [a.id]);
      for (const code of codes)
        assert.equal(
          dump.some((d) => d.j.includes(code) || d.j.includes(code.replace(/-/g, ""))),
          false,
        );

      // Shown once: a second confirmation, or a new enrolment while on, is refused.
      assertFieldError(await post(auth(audience, "mfa/totp/confirm"), { code: codeAt(secret, at + 1) }, o), "code", "confirm again");
      assertFieldError(await post(auth(audience, "mfa/totp"), undefined, o), "non_field_errors", "enrol while on");
      assert.equal((await recoveryRows(a.id)).length, 10);
      const me = await get(auth(audience, "me"), o);
      assert.equal(me.body.mfa_enabled, true);
    });

    it("the enrolment routes need a Bearer token of this audience", async () => {
      const a = await account(audience);
      assertError(await post(auth(audience, "mfa/totp"), undefined, { host: a.host }), 401, "not_authenticated", "no token");
      assertError(
        await post(auth(audience, "mfa/totp/confirm"), { code: "123456" }, { host: a.host, token: "not.a.token" }),
        401,
        "token_not_valid",
        "a forged token",
      );
    });
  });

  describe(`${audience}: signing in with two-factor on`, () => {
    it("a right password answers an mfa_token (no tokens); a right code answers the login; the token and the code work once", async () => {
      const a = await account(audience);
      const { secret, at } = await turnOn(a, await accessOf(a));

      const first = traced(TRACE, { host: a.host });
      const res = await login(a, PASSWORD, first.options);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(Object.keys(res.body).sort(), ["mfa_required", "mfa_token"]);
      assert.equal(res.headers["cache-control"], "no-store");
      const token = res.body.mfa_token as string;
      await assertAudit(first, `${audience}.login.mfa_required`, { actorUserId: a.id, clientId: a.clientId });
      assert.equal((await familiesOf(a.id)).length, 1, "no session opened by the password alone (only the enrolling one)");

      // The mfa_token grants nothing by itself.
      assertTokenNotValid(await get(auth(audience, "me"), { host: a.host, token }), "the mfa_token as a Bearer token");

      // A wrong code: 401, and the token may still be used.
      assertError(await verify(a, token, codeAt(secret, at - 5)), 401, "authentication_failed", "a wrong code");
      assert.ok((await verify(a, token, codeAt(secret, at - 5))).headers["www-authenticate"], "WWW-Authenticate");

      const v = traced(TRACE, { host: a.host });
      const code = codeAt(secret, at + 1); // the confirmation spent `at`
      const done = await verify(a, token, code, v.options);
      await assertSignedIn(a, done, "the right code");
      await assertAudit(v, `${audience}.login.succeeded`, { actorUserId: a.id, clientId: a.clientId });

      // The token is spent; the code is spent (a new token, the same code: replay refused).
      assertTokenNotValid(await verify(a, token, codeAt(secret, at + 1)), "a spent mfa_token");
      const again = await mfaToken(a);
      assertError(await verify(a, again, code), 401, "authentication_failed", "the same code again (replay)");
      assertError(await verify(a, again, codeAt(secret, at)), 401, "authentication_failed", "an older step's code");
      assert.equal((await userRow(a.id)).totp_last_step, at + 1);
    });

    it("a recovery code signs in once, in any case and without its dashes", async () => {
      const a = await account(audience);
      const { recoveryCodes } = await turnOn(a, await accessOf(a));
      const [code] = recoveryCodes;

      const v = traced(TRACE, { host: a.host });
      const typed = code.replace(/-/g, "").toLowerCase();
      await assertSignedIn(a, await verify(a, await mfaToken(a), ` ${typed} `, v.options), "a recovery code");
      await assertAudit(v, `${audience}.mfa.recovery_code_used`, { actorUserId: a.id, clientId: a.clientId });
      const used = (await recoveryRows(a.id)).filter((r) => r.used_at !== null);
      assert.deepEqual(
        used.map((r) => r.code_hash),
        [sha256(code.replace(/-/g, ""))],
      );

      assertError(await verify(a, await mfaToken(a), code), 401, "authentication_failed", "the same recovery code again");
      await assertSignedIn(a, await verify(a, await mfaToken(a), recoveryCodes[1]), "another recovery code");
      // Another user's recovery code is no code of this one.
      const b = await account(audience);
      const theirs = await turnOn(b, await accessOf(b));
      assertError(
        await verify(a, await mfaToken(a), theirs.recoveryCodes[0]),
        401,
        "authentication_failed",
        "another user's recovery code",
      );
    });

    it("an expired, forged or foreign mfa_token is 401 token_not_valid, even with the right code", async () => {
      const a = await account(audience);
      const { secret, at } = await turnOn(a, await accessOf(a));

      const expired = await mfaToken(a);
      const { rowCount } = await sql().query("UPDATE mfa_challenges SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [
        sha256(expired),
      ]);
      assert.equal(rowCount, 1, "the challenge is kept by the hash of its token");
      assertTokenNotValid(await verify(a, expired, codeAt(secret, at + 1)), "an expired mfa_token");

      for (const forged of [randomBytes(32).toString("base64url"), "x", "' OR 1=1 --", `${expired}x`]) {
        assertTokenNotValid(await verify(a, forged, codeAt(secret, at + 1)), `a forged mfa_token ${JSON.stringify(forged)}`);
      }
      const bad = await post(auth(audience, "mfa/verify"), { mfa_token: "x".repeat(201), code: "123456" }, { host: a.host });
      assertFieldError(bad, "mfa_token", "an over-long mfa_token");
      assertFieldError(await post(auth(audience, "mfa/verify"), { mfa_token: "x" }, { host: a.host }), "code", "no code");

      // A school's mfa_token is for that school's host only; a platform one for the platform only.
      const live = await mfaToken(a);
      if (audience === "school") {
        const elsewhere = await makeTenant();
        assertTokenNotValid(
          await post(auth("school", "mfa/verify"), { mfa_token: live, code: codeAt(secret, at + 1) }, { host: elsewhere.host }),
          "on another school",
        );
        assertTokenNotValid(await post(auth("system", "mfa/verify"), { mfa_token: live, code: codeAt(secret, at + 1) }), "on the platform");
      } else {
        const tenant = await makeTenant();
        assertTokenNotValid(
          await post(auth("school", "mfa/verify"), { mfa_token: live, code: codeAt(secret, at + 1) }, { host: tenant.host }),
          "on a school",
        );
      }
      // Still good where it belongs.
      await assertSignedIn(a, await verify(a, live, codeAt(secret, at + 1)), "the token where it belongs");
    });

    it("wrong codes count as failed logins (account and address), and a right password awaiting its code resets nothing", async () => {
      const a = await account(audience);
      const { secret, at } = await turnOn(a, await accessOf(a));
      const ip = `10.${Math.floor(Math.random() * 200) + 1}.77.${Math.floor(Math.random() * 200) + 1}`;

      // Four wrong passwords, then the right one (a code still to come), then one wrong code: five failures.
      for (let i = 0; i < 4; i++)
        assertError(await login(a, "wrong password", { ip }), 401, "authentication_failed", `wrong password ${i}`);
      const token = await mfaToken(a, { ip });
      const w = traced(TRACE, { host: a.host });
      assertError(await verify(a, token, codeAt(secret, at - 5), { ...w.options, ip }), 401, "authentication_failed", "a wrong code");
      const { rows: events } = await sql().query("SELECT action, actor_user_id FROM audit_events WHERE request_id = $1", [w.requestId]);
      assert.deepEqual(events, [{ action: `${audience}.mfa.failed`, actor_user_id: a.id }]);

      const { rows } = await sql().query("SELECT key, failures FROM login_throttles WHERE key IN ($1, $2)", [
        `login:acct:user:${a.id}`,
        `login:ip:${ip}`,
      ]);
      const failures = Object.fromEntries(rows.map((r) => [r.key, r.failures]));
      assert.equal(failures[`login:acct:user:${a.id}`], 5, "the account's counter: 4 passwords + 1 code");
      assert.equal(failures[`login:ip:${ip}`], 5, "the address's counter too");

      // The limit (5) is reached: the right code and the right password are refused until the window passes.
      const refused = await verify(a, token, codeAt(secret, at + 1), { ip: "10.250.250.250" });
      assertError(refused, 429, "throttled", "the right code past the limit");
      assert.ok(Number(refused.headers["retry-after"]) > 0, "Retry-After");
      assertError(await login(a, PASSWORD, { ip: "10.250.250.251" }), 429, "throttled", "the right password past the limit");
    });

    it("wrong codes alone reach the limit: 429 after SMS_LOGIN_MAX_FAILURES", async () => {
      const a = await account(audience);
      const { secret, at } = await turnOn(a, await accessOf(a));
      const token = await mfaToken(a);
      for (let i = 0; i < 5; i++) {
        assertError(await verify(a, token, codeAt(secret, at - 5 - i)), 401, "authentication_failed", `wrong code ${i}`);
      }
      assertError(await verify(a, token, codeAt(secret, at + 1)), 429, "throttled", "the sixth try, right code and all");
      assert.equal((await userRow(a.id)).totp_last_step, at, "the refused code was not spent");
    });

    it("DELETE …/auth/mfa/totp/ turns it off with the password; a wrong one is a 400 naming password", async () => {
      const a = await account(audience);
      const { secret, at } = await turnOn(a, await accessOf(a));
      const session = await verify(a, await mfaToken(a), codeAt(secret, at + 1));
      const o = { host: a.host, token: session.body.access };

      assertFieldError(
        await del(auth(audience, "mfa/totp"), { ...o, body: { password: "not my password" } }),
        "password",
        "a wrong password",
      );
      assertFieldError(await del(auth(audience, "mfa/totp"), { ...o, body: {} }), "password", "no password");
      assertFieldError(
        await del(auth(audience, "mfa/totp"), { ...o, body: { password: "x".repeat(129) } }),
        "password",
        "an over-long password",
      );
      assert.equal((await userRow(a.id)).mfa_enabled, true, "still on");
      const toldOf = async () =>
        (await sql().query("SELECT subject FROM outbox_messages WHERE recipient = $1 AND kind = 'mfa_disabled'", [a.email])).rows;
      assert.deepEqual(await toldOf(), [], "nothing told while it stays on");
      assertError(
        await del(auth(audience, "mfa/totp"), { host: a.host, body: { password: PASSWORD } }),
        401,
        "not_authenticated",
        "no token",
      );

      const t = traced(TRACE, o);
      const res = await del(auth(audience, "mfa/totp"), { ...t.options, body: { password: PASSWORD } });
      assert.equal(res.status, 204, res.text);
      await assertAudit(t, `${audience}.mfa.disabled`, { actorUserId: a.id, clientId: a.clientId });
      assert.equal((await toldOf()).length, 1, "they are told, through the outbox");
      const row = await userRow(a.id);
      assert.equal(row.mfa_enabled, false);
      assert.equal(row.totp_secret, null);
      assert.deepEqual(await recoveryRows(a.id), []);
      const { rows } = await sql().query("SELECT count(*)::int AS n FROM mfa_challenges WHERE user_id = $1", [a.id]);
      assert.equal(rows[0].n, 0, "no pending sign-ins left");
      // A password alone signs in again.
      assert.ok((await login(a)).body.access);
      assert.equal((await get(auth(audience, "me"), o)).body.mfa_enabled, false);
    });
  });
}

describe("an admin turns someone's two-factor off", () => {
  /** A school with a staff manager (users.view, users.change and a Teacher's permissions). */
  async function schoolWithManager() {
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
    return { tenant, admin, manager, managerToken: (await schoolLogin(tenant.host, manager.email)).access };
  }

  async function enrolled(a: Account) {
    const { secret, at } = await turnOn(a, await accessOf(a));
    const session = await verify(a, await mfaToken(a), codeAt(secret, at + 1));
    assert.equal(session.status, 200, session.text);
    return session.body as { access: string; refresh: string };
  }

  const CASES: {
    name: string;
    action: string;
    setup: () => Promise<{ target: Account; actorId: string; path: string; as: RequestOptions }>;
  }[] = [
    {
      name: "a superadmin on /system/users/{id}/mfa/",
      action: "platform_user.mfa_reset",
      setup: async () => {
        const root = await makePlatformUser("superadmin");
        const target = await account("system");
        return {
          target,
          actorId: root.id,
          path: `/api/v1/system/users/${target.id}/mfa/`,
          as: { token: (await systemLogin(root.email)).access },
        };
      },
    },
    {
      name: "a platform_admin on /system/clients/{id}/users/{uid}/mfa/",
      action: "tenant_user.mfa_reset",
      setup: async () => {
        const admin = await makePlatformUser("platform_admin");
        const target = await account("school");
        return {
          target,
          actorId: admin.id,
          path: `/api/v1/system/clients/${target.clientId}/users/${target.id}/mfa/`,
          as: { token: (await systemLogin(admin.email)).access },
        };
      },
    },
    {
      name: "a school user holding users.change on /school/users/{id}/mfa/",
      action: "school.user.mfa_reset",
      setup: async () => {
        const { tenant, manager, managerToken } = await schoolWithManager();
        const user = await makeSchoolUser(tenant.id, ["Teacher"]);
        const target: Account = { audience: "school", id: user.id, email: user.email, host: tenant.host, clientId: tenant.id };
        return {
          target,
          actorId: manager.id,
          path: `/api/v1/school/users/${user.id}/mfa/`,
          as: { host: tenant.host, token: managerToken },
        };
      },
    },
  ];

  for (const c of CASES) {
    it(`${c.name}: off, every session ended, audited; a password alone signs in again`, async () => {
      const { target, actorId, path, as } = await c.setup();
      const session = await enrolled(target);
      const before = await userRow(target.id);

      const t = traced(TRACE, as);
      const res = await del(path, t.options);
      assert.equal(res.status, 204, res.text);
      await assertAudit(t, c.action, { actorUserId: actorId, clientId: target.clientId });
      const { rows } = await sql().query("SELECT target_id, metadata FROM audit_events WHERE request_id = $1 AND action = $2", [
        t.requestId,
        c.action,
      ]);
      assert.equal(rows[0].target_id, target.id);
      assert.equal(rows[0].metadata.was_enabled, true);
      // They are told, through the outbox, in the same transaction.
      const told = await sql().query("SELECT channel, subject FROM outbox_messages WHERE recipient = $1 AND kind = 'mfa_disabled'", [
        target.email,
      ]);
      assert.equal(told.rows.length, 1, "one message to them");
      assert.equal(told.rows[0].channel, "email");
      assert.match(told.rows[0].subject, /Two-factor sign-in was turned off/);

      assertTokenNotValid(await get(auth(target.audience, "me"), { host: target.host, token: session.access }), "their access token");
      assertTokenNotValid(
        await post(auth(target.audience, "refresh"), { refresh: session.refresh }, { host: target.host }),
        "their refresh token",
      );
      const after = await userRow(target.id);
      assert.equal(after.mfa_enabled, false);
      assert.equal(after.totp_secret, null);
      assert.ok(after.session_epoch > before.session_epoch);
      assert.deepEqual(await recoveryRows(target.id), []);
      for (const f of await familiesOf(target.id)) assert.ok(f.revoked_at instanceof Date, `family ${f.id} revoked`);
      assert.ok((await login(target)).body.access, "a password alone signs in");
    });
  }

  it("who may not: other platform roles, users without users.change or out of reach, other schools (404), one's own (400)", async () => {
    const root = await makePlatformUser("superadmin");
    const rootToken = (await systemLogin(root.email)).access;
    const support = (await systemLogin((await makePlatformUser("support")).email)).access;
    const platformAdmin = (await systemLogin((await makePlatformUser("platform_admin")).email)).access;
    const platformTarget = await account("system");
    await enrolled(platformTarget);

    // Platform users: a superadmin only.
    for (const [who, token] of [
      ["support", support],
      ["platform_admin", platformAdmin],
    ] as const) {
      assertError(await del(`/api/v1/system/users/${platformTarget.id}/mfa/`, { token }), 403, "permission_denied", who);
    }
    // A school's users: superadmin or platform_admin, not support.
    const { tenant, admin, manager, managerToken } = await schoolWithManager();
    const teacher: Account = {
      audience: "school",
      ...(await makeSchoolUser(tenant.id, ["Teacher"])),
      host: tenant.host,
      clientId: tenant.id,
    };
    await enrolled(teacher);
    assertError(
      await del(`/api/v1/system/clients/${tenant.id}/users/${teacher.id}/mfa/`, { token: support }),
      403,
      "permission_denied",
      "support",
    );

    // In the school: users.change, and within reach (a manager cannot reset an Admin).
    const teacherToken = (await schoolLogin(tenant.host, (await makeSchoolUser(tenant.id, ["Teacher"])).email)).access;
    assertError(
      await del(`/api/v1/school/users/${teacher.id}/mfa/`, { host: tenant.host, token: teacherToken }),
      403,
      "permission_denied",
      "a Teacher",
    );
    assertError(
      await del(`/api/v1/school/users/${admin.id}/mfa/`, { host: tenant.host, token: managerToken }),
      403,
      "permission_denied",
      "an Admin, out of reach",
    );

    // Other schools' users do not exist here; nor do school users on the platform users' path.
    const other = await makeTenant();
    const stranger = await makeSchoolUser(other.id, ["Teacher"]);
    assertError(
      await del(`/api/v1/school/users/${stranger.id}/mfa/`, { host: tenant.host, token: managerToken }),
      404,
      "not_found",
      "another school's user",
    );
    assertError(
      await del(`/api/v1/system/clients/${tenant.id}/users/${stranger.id}/mfa/`, { token: rootToken }),
      404,
      "not_found",
      "school and user apart",
    );
    assertError(
      await del(`/api/v1/system/users/${teacher.id}/mfa/`, { token: rootToken }),
      404,
      "not_found",
      "a school user as a platform one",
    );
    assertError(
      await del(`/api/v1/system/users/${randomBytes(4).toString("hex")}/mfa/`, { token: rootToken }),
      404,
      "not_found",
      "a bad id",
    );

    // One's own goes through …/auth/mfa/totp/ with the password.
    assertFieldError(await del(`/api/v1/system/users/${root.id}/mfa/`, { token: rootToken }), "non_field_errors", "one's own (platform)");
    assertFieldError(
      await del(`/api/v1/school/users/${manager.id}/mfa/`, { host: tenant.host, token: managerToken }),
      "non_field_errors",
      "one's own (school)",
    );

    // None of that changed anything.
    assert.equal((await userRow(platformTarget.id)).mfa_enabled, true);
    assert.equal((await userRow(teacher.id)).mfa_enabled, true);
  });
});

describe("SMS_MFA_REQUIRED_PLATFORM=1", () => {
  let server: SecondServer;
  before(async () => {
    server = await startSecondServer({ SMS_MFA_REQUIRED_PLATFORM: "1" });
  });
  after(async () => {
    await server?.stop();
  });

  it("a platform user without two-factor may only enrol (403 mfa_enrolment_required elsewhere) until they do", async () => {
    const port = server.port;
    const a = await account("system");
    const res = await login(a, PASSWORD, { port });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.mfa_enrolment_required, true);
    const o = { port, token: res.body.access as string };

    for (const path of ["/api/v1/system/clients/", "/api/v1/system/users/", "/api/v1/system/auth/sessions/"]) {
      assertError(await get(path, o), 403, "mfa_enrolment_required", path);
    }
    assertError(
      await request("PATCH", auth("system", "me"), { ...o, body: { full_name: "X" } }),
      403,
      "mfa_enrolment_required",
      "PATCH me",
    );
    const me = await get(auth("system", "me"), o);
    assert.equal(me.status, 200, me.text);
    assert.equal(me.body.mfa_enabled, false);

    // The enrolment routes answer; once confirmed, the same token reaches everything.
    const { secret, at } = await turnOn(a, o.token, { port });
    assert.equal((await get("/api/v1/system/clients/", o)).status, 200, "the same token, now enrolled");
    // Signing in again takes the code, and then the policy is met.
    const token = await mfaToken(a, { port });
    const done = await verify(a, token, codeAt(secret, at + 1), { port });
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.mfa_enrolment_required, false);
    assert.equal((await get("/api/v1/system/users/", { port, token: done.body.access })).status, 200);

    // Logging out is allowed before enrolling too.
    const b = await account("system");
    const bTokens = (await login(b, PASSWORD, { port })).body;
    assert.equal((await post(auth("system", "logout"), { refresh: bTokens.refresh }, { port, token: bTokens.access })).status, 204);
  });

  it("school staff are not held to it, and an instance without it holds nobody", async () => {
    const s = await account("school");
    const res = await login(s, PASSWORD, { port: server.port });
    assert.equal(res.status, 200, res.text);
    const students = await get("/api/v1/school/students/", { host: s.host, token: res.body.access, port: server.port });
    assert.equal(students.status, 200, students.text);

    const p = await account("system");
    const here = await login(p);
    assert.equal(here.status, 200, here.text);
    assert.equal(here.body.mfa_enrolment_required, false);
    assert.equal((await get("/api/v1/system/clients/", { token: here.body.access })).status, 200);
  });
});

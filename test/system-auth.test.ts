// the REST contract §3–§4 — system authentication (platform host): login, me, refresh rotation and replay,
// logout, password change, immediate revocation, token separation, audit trail.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { claimsOf, get, post, type RequestOptions } from "./helpers/api";
import {
  ISO_UTC,
  USER_FIELDS,
  UUID,
  assertAudit,
  assertTokenNotValid,
  auditRows,
  familiesOf,
  familyOf,
  traced,
} from "./helpers/auth-assertions";
import { PASSWORD, makePlatformUser, makeSchoolUser, makeTenant, randomPhone, schoolLogin, sql, systemLogin } from "./helpers/fixtures";

const S = "/api/v1/system/auth";
const LOGIN = `${S}/login/`;
const ME = `${S}/me/`;
const REFRESH = `${S}/refresh/`;
const LOGOUT = `${S}/logout/`;
const PASSWORD_URL = `${S}/password/`;
const TRACE = "system-auth";

const me = (access: string) => get(ME, { token: access });
const refresh = (token: string, o?: RequestOptions) => post(REFRESH, { refresh: token }, o);

async function assertAlive(session: { access: string; refresh: string }, what: string) {
  const m = await me(session.access);
  assert.equal(m.status, 200, `${what}: access still works`);
  const r = await refresh(session.refresh);
  assert.equal(r.status, 200, `${what}: refresh still works`);
}

function assertUserShape(user: any) {
  assert.deepEqual(Object.keys(user).sort(), USER_FIELDS);
  assert.match(user.id, /\S/);
  assert.equal(user.client, null);
  assert.equal(user.is_active, true);
  assert.match(user.date_joined, ISO_UTC);
}

describe("system login", () => {
  it("with an email answers access, refresh and exactly the user fields of §3", async () => {
    const admin = await makePlatformUser("platform_admin");
    const res = await post(LOGIN, { identifier: admin.email, password: PASSWORD });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body).sort(), ["access", "mfa_enrolment_required", "password_change_required", "refresh", "user"]);
    assert.equal(res.body.password_change_required, false);
    assert.equal(res.body.mfa_enrolment_required, false);
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal(typeof res.body.access, "string");
    assert.equal(typeof res.body.refresh, "string");
    const { user } = res.body;
    assertUserShape(user);
    assert.equal(user.id, admin.id);
    assert.equal(user.email, admin.email);
    assert.equal(user.phone, null);
    assert.equal(user.full_name, "Test Admin");
    assert.equal(user.platform_role, "platform_admin");
    assert.match(user.last_login, ISO_UTC);
  });

  it("sets last_login in the database", async () => {
    const admin = await makePlatformUser();
    const before = await sql().query("SELECT last_login FROM users WHERE id = $1", [admin.id]);
    assert.equal(before.rows[0].last_login, null);
    const { user } = await systemLogin(admin.email);
    const after = await sql().query("SELECT last_login FROM users WHERE id = $1", [admin.id]);
    assert.ok(after.rows[0].last_login instanceof Date);
    assert.equal(after.rows[0].last_login.toISOString(), user.last_login);
  });

  it("with an upper-cased email works (emails compare case-insensitively)", async () => {
    const admin = await makePlatformUser();
    const res = await post(LOGIN, { identifier: admin.email.toUpperCase(), password: PASSWORD });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.user.id, admin.id);
    assert.equal(res.body.user.email, admin.email);
  });

  it("with a phone in E.164 and in national format", async () => {
    const phone = randomPhone();
    const admin = await makePlatformUser("support", { phone: phone.e164 });
    for (const identifier of [phone.e164, phone.national]) {
      const res = await post(LOGIN, { identifier, password: PASSWORD });
      assert.equal(res.status, 200, `${identifier}: ${res.text}`);
      assert.equal(res.body.user.id, admin.id);
      assert.equal(res.body.user.phone, phone.e164);
      assert.equal(res.body.user.platform_role, "support");
    }
  });

  it("accepts `email` or `phone` in place of `identifier`", async () => {
    const phone = randomPhone();
    const admin = await makePlatformUser("superadmin", { phone: phone.e164 });
    for (const body of [
      { email: admin.email, password: PASSWORD },
      { email: admin.email.toUpperCase(), password: PASSWORD },
      { phone: phone.e164, password: PASSWORD },
      { phone: phone.national, password: PASSWORD },
    ]) {
      const res = await post(LOGIN, body);
      assert.equal(res.status, 200, `${JSON.stringify(body)}: ${res.text}`);
      assert.equal(res.body.user.id, admin.id);
    }
  });

  it("wrong password and unknown user are the same 401 authentication_failed", async () => {
    const admin = await makePlatformUser();
    const wrong = await post(LOGIN, { identifier: admin.email, password: "not the password" });
    const unknown = await post(LOGIN, { identifier: `nobody-${randomUUID()}@example.org`, password: "not the password" });
    const unknownPhone = await post(LOGIN, { identifier: randomPhone().e164, password: PASSWORD });
    for (const res of [wrong, unknown, unknownPhone]) {
      assert.equal(res.status, 401, res.text);
      assert.equal(res.body.code, "authentication_failed");
      assert.equal(typeof res.body.detail, "string");
      assert.ok(res.headers["www-authenticate"]);
    }
    assert.deepEqual(unknown.body, wrong.body);
    assert.deepEqual(unknownPhone.body, wrong.body);
  });

  it("an inactive user with the right password gets the same 401", async () => {
    const admin = await makePlatformUser();
    await sql().query("UPDATE users SET is_active = false WHERE id = $1", [admin.id]);
    const inactive = await post(LOGIN, { identifier: admin.email, password: PASSWORD });
    const unknown = await post(LOGIN, { identifier: `nobody-${randomUUID()}@example.org`, password: PASSWORD });
    assert.equal(inactive.status, 401, inactive.text);
    assert.equal(inactive.body.code, "authentication_failed");
    assert.deepEqual(inactive.body, unknown.body);
  });

  it("a school user with the right password is 403 permission_denied", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const res = await post(LOGIN, { identifier: staff.email, password: PASSWORD });
    assert.equal(res.status, 403, res.text);
    assert.equal(res.body.code, "permission_denied");
    assert.equal(res.body.access, undefined);
    assert.equal(res.body.refresh, undefined);
    const families = await familiesOf(staff.id);
    assert.equal(families.length, 0, "no session was opened");
  });

  it("a school user with a wrong password is the plain 401", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const wrong = await post(LOGIN, { identifier: staff.email, password: "not the password" });
    const unknown = await post(LOGIN, { identifier: `nobody-${randomUUID()}@example.org`, password: "not the password" });
    assert.equal(wrong.status, 401, wrong.text);
    assert.deepEqual(wrong.body, unknown.body);
  });

  it("does not exist on a tenant host (404)", async () => {
    const tenant = await makeTenant();
    const admin = await makePlatformUser();
    const res = await post(LOGIN, { identifier: admin.email, password: PASSWORD }, { host: tenant.host });
    assert.equal(res.status, 404, res.text);
  });
});

describe("system me and token claims", () => {
  it("me answers the signed-in user", async () => {
    const phone = randomPhone();
    const admin = await makePlatformUser("platform_admin", { phone: phone.e164 });
    const login = await systemLogin(admin.email);
    const res = await me(login.access);
    assert.equal(res.status, 200, res.text);
    const { password_change_required, mfa_enabled, ...user } = res.body;
    assert.equal(password_change_required, false);
    assert.equal(mfa_enabled, false);
    assertUserShape(user);
    assert.deepEqual(user, login.user);
    assert.equal(res.body.phone, phone.e164);
  });

  it("me without a token is 401 not_authenticated", async () => {
    const res = await get(ME);
    assert.equal(res.status, 401);
    assert.equal(res.body.code, "not_authenticated");
    assert.ok(res.headers["www-authenticate"]);
  });

  it("tokens carry sub, token_type, aud, jti, iat, exp and no tid; access lives SMS_ACCESS_TTL (300 s)", async () => {
    const admin = await makePlatformUser();
    const { access, refresh: rt } = await systemLogin(admin.email);
    const a = claimsOf(access);
    const r = claimsOf(rt);
    for (const [c, type] of [
      [a, "access"],
      [r, "refresh"],
    ] as const) {
      assert.equal(c.sub, admin.id);
      assert.equal(c.token_type, type);
      assert.ok(c.aud === "system" || (Array.isArray(c.aud) && c.aud.length === 1 && c.aud[0] === "system"), `aud ${c.aud}`);
      assert.equal(c.tid, undefined, "system tokens have no tid");
      assert.match(c.jti, UUID);
      assert.equal(typeof c.iat, "number");
      assert.equal(typeof c.exp, "number");
    }
    assert.notEqual(a.jti, r.jti);
    assert.equal(a.exp - a.iat, 300);
    // Refresh: SMS_REFRESH_TTL (86400) from the login (the family's start may precede iat by a few ms).
    assert.ok(r.exp - r.iat <= 86_400 && r.exp - r.iat >= 86_399, `refresh lifetime ${r.exp - r.iat}`);
    const header = JSON.parse(Buffer.from(access.split(".")[0], "base64url").toString("utf8"));
    assert.ok(["ES256", "EdDSA"].includes(header.alg), header.alg);
    assert.equal(typeof header.kid, "string");
  });
});

describe("system refresh", () => {
  it("rotates: a new access and a new, different refresh; the old refresh is spent", async () => {
    const admin = await makePlatformUser();
    const login = await systemLogin(admin.email);
    const res = await refresh(login.refresh);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body).sort(), ["access", "refresh"]);
    assert.equal(res.headers["cache-control"], "no-store");
    assert.notEqual(res.body.refresh, login.refresh);
    assert.notEqual(res.body.access, login.access);
    const a = claimsOf(res.body.access);
    assert.equal(a.sub, admin.id);
    assert.equal(a.token_type, "access");
    assert.equal(a.exp - a.iat, 300);
    assert.equal(claimsOf(res.body.refresh).token_type, "refresh");
    assert.equal((await me(res.body.access)).status, 200);

    const t = traced(TRACE);
    const again = await refresh(login.refresh, t.options);
    assertTokenNotValid(again, "old refresh");
    const rows = await auditRows(t.requestId);
    const row = rows.find((x) => x.action === "system.token.refresh_refused");
    assert.ok(row, JSON.stringify(rows));
    assert.equal(row.ip, t.ip);
  });

  it("presenting a spent refresh again revokes the whole family; other sessions live", async () => {
    const admin = await makePlatformUser();
    const first = await systemLogin(admin.email);
    const other = await systemLogin(admin.email);
    const rotated = await refresh(first.refresh);
    assert.equal(rotated.status, 200, rotated.text);

    assertTokenNotValid(await refresh(first.refresh), "replayed refresh");

    const family = await familyOf(first.refresh);
    assert.ok(family.revoked_at instanceof Date, "refresh_families.revoked_at is set");
    assert.equal(family.id, claimsOf(rotated.body.refresh).sid);
    assertTokenNotValid(await refresh(rotated.body.refresh), "new refresh of the revoked family");
    assertTokenNotValid(await me(rotated.body.access), "new access of the revoked family");
    assertTokenNotValid(await me(first.access), "first access of the revoked family");

    assert.equal((await familyOf(other.refresh)).revoked_at, null);
    await assertAlive(other, "second login");
  });

  it("an unknown or garbage refresh is 401 token_not_valid", async () => {
    for (const token of ["garbage", "a.b.c"]) {
      assertTokenNotValid(await refresh(token), token);
    }
  });

  it("a body without refresh is 400", async () => {
    const res = await post(REFRESH, {});
    assert.equal(res.status, 400);
    assert.equal(res.body.code, "invalid");
    assert.ok(res.body.errors.refresh);
  });
});

describe("system logout", () => {
  it('{"refresh"} → 204: that family dies, other sessions live', async () => {
    const admin = await makePlatformUser();
    const one = await systemLogin(admin.email);
    const two = await systemLogin(admin.email);
    const t = traced(TRACE);
    const res = await post(LOGOUT, { refresh: one.refresh }, t.options);
    assert.equal(res.status, 204, res.text);
    assert.equal(res.text, "");
    assertTokenNotValid(await refresh(one.refresh), "logged-out refresh");
    assertTokenNotValid(await me(one.access), "logged-out access");
    assert.ok((await familyOf(one.refresh)).revoked_at instanceof Date);
    assert.equal((await familyOf(two.refresh)).revoked_at, null);
    await assertAlive(two, "other session");
    await assertAudit(t, "system.logout", { actorUserId: admin.id, clientId: null });
  });

  it('{"refresh"} also works with the Bearer access token of the same user', async () => {
    const admin = await makePlatformUser();
    const one = await systemLogin(admin.email);
    const res = await post(LOGOUT, { refresh: one.refresh }, { token: one.access });
    assert.equal(res.status, 204, res.text);
    assertTokenNotValid(await me(one.access), "logged-out access");
  });

  it('{"all": true} with a Bearer token → 204: every family of the user is revoked', async () => {
    const admin = await makePlatformUser();
    const sessions = [await systemLogin(admin.email), await systemLogin(admin.email), await systemLogin(admin.email)];
    const bystander = await makePlatformUser();
    const theirs = await systemLogin(bystander.email);
    const t = traced(TRACE, { token: sessions[0].access });
    const res = await post(LOGOUT, { all: true }, t.options);
    assert.equal(res.status, 204, res.text);
    const families = await familiesOf(admin.id);
    assert.equal(families.length, 3);
    for (const f of families) assert.ok(f.revoked_at instanceof Date, `family ${f.id} revoked`);
    for (const [i, s] of sessions.entries()) {
      assertTokenNotValid(await me(s.access), `access ${i}`);
      assertTokenNotValid(await refresh(s.refresh), `refresh ${i}`);
    }
    await assertAlive(theirs, "another user's session");
    await assertAudit(t, "system.logout.all", { actorUserId: admin.id, clientId: null });
  });

  it('{"all": true} without a Bearer token is 401 not_authenticated', async () => {
    const res = await post(LOGOUT, { all: true });
    assert.equal(res.status, 401, res.text);
    assert.equal(res.body.code, "not_authenticated");
    assert.ok(res.headers["www-authenticate"]);
  });

  it("{} is 400 invalid", async () => {
    const res = await post(LOGOUT, {});
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.code, "invalid");
    assert.ok(res.body.errors, JSON.stringify(res.body));
  });

  it("a refresh of the school audience is 401 token_not_valid, and stays alive", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const school = await schoolLogin(tenant.host, staff.email);
    assertTokenNotValid(await post(LOGOUT, { refresh: school.refresh }), "school refresh on system logout");
    assert.equal((await familyOf(school.refresh)).revoked_at, null);
  });

  it("an access token in place of the refresh is 401 token_not_valid", async () => {
    const admin = await makePlatformUser();
    const s = await systemLogin(admin.email);
    assertTokenNotValid(await post(LOGOUT, { refresh: s.access }), "access as refresh on logout");
    await assertAlive(s, "session");
  });
});

describe("system password change", () => {
  const NEW = "a brand new passphrase";

  it("204; every other session ends, the caller's goes on; the new password works and the old one does not", async () => {
    const admin = await makePlatformUser();
    const one = await systemLogin(admin.email);
    const two = await systemLogin(admin.email);
    const t = traced(TRACE, { token: one.access });
    const res = await post(PASSWORD_URL, { old_password: PASSWORD, new_password: NEW }, t.options);
    assert.equal(res.status, 204, res.text);
    assert.equal(res.text, "");
    const families = await familiesOf(admin.id);
    const caller = claimsOf(one.access).sid;
    for (const f of families) assert.equal(f.revoked_at instanceof Date, f.id !== caller, `family ${f.id}`);
    assertTokenNotValid(await me(two.access), "the other access");
    assertTokenNotValid(await refresh(two.refresh), "the other refresh");
    await assertAlive(one, "the caller's session");
    const old = await post(LOGIN, { identifier: admin.email, password: PASSWORD });
    assert.equal(old.status, 401);
    assert.equal(old.body.code, "authentication_failed");
    const fresh = await post(LOGIN, { identifier: admin.email, password: NEW });
    assert.equal(fresh.status, 200, fresh.text);
    assert.equal((await me(fresh.body.access)).status, 200);
    await assertAudit(t, "system.password.changed", { actorUserId: admin.id, clientId: null });
  });

  it("a wrong old_password is 400 naming old_password; nothing changes", async () => {
    const admin = await makePlatformUser();
    const s = await systemLogin(admin.email);
    const res = await post(PASSWORD_URL, { old_password: "not the password", new_password: NEW }, { token: s.access });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.code, "invalid");
    assert.ok(Array.isArray(res.body.errors.old_password), JSON.stringify(res.body));
    assert.equal((await me(s.access)).status, 200);
    const login = await post(LOGIN, { identifier: admin.email, password: PASSWORD });
    assert.equal(login.status, 200);
  });

  it("a new_password of 7 or of 129 characters is 400 naming new_password", async () => {
    const admin = await makePlatformUser();
    const s = await systemLogin(admin.email);
    for (const new_password of ["x".repeat(7), "x".repeat(129)]) {
      const res = await post(PASSWORD_URL, { old_password: PASSWORD, new_password }, { token: s.access });
      assert.equal(res.status, 400, `${new_password.length}: ${res.text}`);
      assert.equal(res.body.code, "invalid");
      assert.ok(Array.isArray(res.body.errors.new_password), JSON.stringify(res.body));
    }
    const ok8 = await post(PASSWORD_URL, { old_password: PASSWORD, new_password: "x".repeat(8) }, { token: s.access });
    assert.equal(ok8.status, 204, ok8.text);
  });

  it("requires authentication", async () => {
    const res = await post(PASSWORD_URL, { old_password: PASSWORD, new_password: NEW });
    assert.equal(res.status, 401);
    assert.equal(res.body.code, "not_authenticated");
  });
});

describe("system: changes take effect at once", () => {
  it("deactivating the user kills its access and refresh tokens", async () => {
    const admin = await makePlatformUser();
    const s = await systemLogin(admin.email);
    assert.equal((await me(s.access)).status, 200);
    await sql().query("UPDATE users SET is_active = false WHERE id = $1", [admin.id]);
    assertTokenNotValid(await me(s.access), "access of a deactivated user");
    assertTokenNotValid(await refresh(s.refresh), "refresh of a deactivated user");
  });
});

describe("system: tokens are never interchangeable", () => {
  it("a refresh token as Bearer is 401 token_not_valid", async () => {
    const admin = await makePlatformUser();
    const s = await systemLogin(admin.email);
    assertTokenNotValid(await me(s.refresh), "refresh as access");
  });

  it("an access token in the refresh body is 401 token_not_valid", async () => {
    const admin = await makePlatformUser();
    const s = await systemLogin(admin.email);
    assertTokenNotValid(await refresh(s.access), "access as refresh");
    await assertAlive(s, "session");
  });

  it("a school access token on system me is 401 token_not_valid", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const school = await schoolLogin(tenant.host, staff.email);
    assertTokenNotValid(await me(school.access), "school access on system me");
  });

  it("a school refresh token on system refresh is 401 token_not_valid", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const school = await schoolLogin(tenant.host, staff.email);
    assertTokenNotValid(await refresh(school.refresh), "school refresh on system refresh");
    const still = await post("/api/v1/school/auth/refresh/", { refresh: school.refresh }, { host: tenant.host });
    assert.equal(still.status, 200, "the school session is untouched");
  });

  it("a tampered token is 401 token_not_valid", async () => {
    const admin = await makePlatformUser();
    const other = await makePlatformUser();
    const s = await systemLogin(admin.email);
    const [h, p, sig] = s.access.split(".");
    const payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
    payload.sub = other.id;
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${sig}`;
    assertTokenNotValid(await me(forged), "edited payload");
  });
});

describe("system auth audit trail", () => {
  it("login success, failure (wrong password and unknown user) and refusal are recorded with the client address", async () => {
    const admin = await makePlatformUser();
    const ok = traced(TRACE);
    assert.equal((await post(LOGIN, { identifier: admin.email, password: PASSWORD }, ok.options)).status, 200);
    await assertAudit(ok, "system.login.succeeded", { actorUserId: admin.id, clientId: null });

    const wrong = traced(TRACE);
    assert.equal((await post(LOGIN, { identifier: admin.email, password: "not the password" }, wrong.options)).status, 401);
    await assertAudit(wrong, "system.login.failed", { actorUserId: admin.id, clientId: null });

    const unknown = traced(TRACE);
    assert.equal(
      (await post(LOGIN, { identifier: `nobody-${randomUUID()}@example.org`, password: PASSWORD }, unknown.options)).status,
      401,
    );
    await assertAudit(unknown, "system.login.failed", { actorUserId: null, clientId: null });

    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const refused = traced(TRACE);
    assert.equal((await post(LOGIN, { identifier: staff.email, password: PASSWORD }, refused.options)).status, 403);
    await assertAudit(refused, "system.login.refused", { actorUserId: staff.id, clientId: null });
  });
});

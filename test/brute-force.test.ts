// API.md §4 "Brute force": after SMS_LOGIN_MAX_FAILURES (5) failed logins for one identifier
// within SMS_LOGIN_WINDOW (900 s), further logins for it — right password included — get
// `429 throttled` with Retry-After. One account has one counter across identifier forms and
// login endpoints; a success resets it. More than SMS_LOGIN_IP_MAX_FAILURES (100) failures from
// one client address → 429 for that address.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { post, randomIp, type ApiResponse } from "./helpers/api";
import { makePlatformUser, makeSchoolUser, makeTenant, PASSWORD, randomPhone, sql, unique } from "./helpers/fixtures";

const SYSTEM_LOGIN = "/api/v1/system/auth/login/";
const SCHOOL_LOGIN = "/api/v1/school/auth/login/";
const WRONG = "wrong-password-1";
const MAX_FAILURES = 5;
const WINDOW = 900;
const IP_MAX_FAILURES = 100;

const systemLogin = (body: Record<string, string>, ip?: string) => post(SYSTEM_LOGIN, body, { ip });
const schoolLogin = (host: string, body: Record<string, string>, ip?: string) => post(SCHOOL_LOGIN, body, { host, ip });

function assertFailed(res: ApiResponse, what: string) {
  assert.equal(res.status, 401, `${what}: ${res.status} ${res.text}`);
  assert.equal(res.body.code, "authentication_failed", what);
}

function assertThrottled(res: ApiResponse, what: string) {
  assert.equal(res.status, 429, `${what}: expected 429, got ${res.status} ${res.text}`);
  assert.equal(res.body.code, "throttled", what);
  const retry = String(res.headers["retry-after"]);
  assert.match(retry, /^\d+$/, `${what}: numeric Retry-After, got ${retry}`);
  // The sentence a person reads: minutes from a minute on, never "892 seconds".
  const seconds = Number(retry);
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds} seconds` : minutes === 1 ? "1 minute" : `${minutes} minutes`;
  assert.equal(res.body.detail, `Too many failed sign-in attempts. Try again in ${wait}.`, what);
  assert.ok(Number(retry) >= 1 && Number(retry) <= WINDOW, `${what}: Retry-After ${retry} within 1..${WINDOW}`);
  assert.equal(res.body.access, undefined, `${what}: no token`);
}

async function throttleRows(fragment: string) {
  const { rows } = await sql().query("SELECT key, failures FROM login_throttles WHERE key LIKE $1", [`%${fragment}%`]);
  return rows as { key: string; failures: number }[];
}

describe("per-account throttling", () => {
  it("after 5 wrong passwords the 6th attempt — right password — is 429 with Retry-After", async () => {
    const admin = await makePlatformUser();
    for (let i = 1; i <= MAX_FAILURES; i++) assertFailed(await systemLogin({ identifier: admin.email, password: WRONG }), `failure ${i}`);
    assertThrottled(await systemLogin({ identifier: admin.email, password: admin.password }), "right password after 5 failures");
    assertThrottled(await systemLogin({ identifier: admin.email, password: WRONG }), "wrong password after 5 failures");
    assertThrottled(
      await systemLogin({ identifier: admin.email, password: admin.password }, randomIp()),
      "right password from yet another address",
    );
    // The counter lives in the database (shared by every instance).
    const rows = await throttleRows(admin.id);
    assert.ok(rows.length >= 1, "a login_throttles row for the account");
    assert.ok(
      rows.some((r) => r.failures >= MAX_FAILURES),
      JSON.stringify(rows),
    );
  });

  it("4 failures do not lock (the limit is 5)", async () => {
    const admin = await makePlatformUser();
    for (let i = 1; i < MAX_FAILURES; i++) assertFailed(await systemLogin({ identifier: admin.email, password: WRONG }), `failure ${i}`);
    const ok = await systemLogin({ identifier: admin.email, password: admin.password });
    assert.equal(ok.status, 200, ok.text);
  });

  it("school login is throttled the same way (tenant host)", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    for (let i = 1; i <= MAX_FAILURES; i++)
      assertFailed(await schoolLogin(tenant.host, { identifier: staff.email, password: WRONG }), `failure ${i}`);
    assertThrottled(await schoolLogin(tenant.host, { identifier: staff.email, password: staff.password }), "school login after 5 failures");
  });

  it("other accounts are unaffected, also from the same address", async () => {
    const victim = await makePlatformUser();
    const bystander = await makePlatformUser();
    const ip = randomIp();
    for (let i = 1; i <= MAX_FAILURES; i++)
      assertFailed(await systemLogin({ identifier: victim.email, password: WRONG }, ip), `failure ${i}`);
    assertThrottled(await systemLogin({ identifier: victim.email, password: victim.password }, ip), "victim");
    const ok = await systemLogin({ identifier: bystander.email, password: bystander.password }, ip);
    assert.equal(ok.status, 200, `bystander from the same address: ${ok.text}`);
    const ok2 = await systemLogin({ identifier: bystander.email, password: bystander.password });
    assert.equal(ok2.status, 200, `bystander from elsewhere: ${ok2.text}`);
  });

  it("one counter across identifier forms: email, upper-cased email, national phone", async () => {
    const phone = randomPhone();
    const admin = await makePlatformUser("superadmin", { phone: phone.e164 });
    const fail = async (identifier: string, what: string) => assertFailed(await systemLogin({ identifier, password: WRONG }), what);
    await fail(admin.email, "email 1");
    await fail(admin.email, "email 2");
    await fail(admin.email.toUpperCase(), "EMAIL 1");
    await fail(admin.email.toUpperCase(), "EMAIL 2");
    await fail(phone.national, "national phone");
    assertThrottled(await systemLogin({ identifier: admin.email, password: admin.password }), "email, right password");
    assertThrottled(await systemLogin({ identifier: phone.e164, password: admin.password }), "E.164 phone, right password");
    assertThrottled(
      await systemLogin({ identifier: `  ${admin.email.toUpperCase()}  `, password: admin.password }),
      "padded upper-case email",
    );
    assertThrottled(await systemLogin({ email: admin.email, password: admin.password }), "`email` field");
    assertThrottled(await systemLogin({ phone: phone.national, password: admin.password }), "`phone` field");
  });

  it("one counter across endpoints: school and system login failures of one school user add up", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    for (let i = 1; i <= 3; i++)
      assertFailed(await schoolLogin(tenant.host, { identifier: staff.email, password: WRONG }), `school failure ${i}`);
    for (let i = 1; i <= 2; i++) assertFailed(await systemLogin({ identifier: staff.email, password: WRONG }), `system failure ${i}`);
    assertThrottled(await schoolLogin(tenant.host, { identifier: staff.email, password: staff.password }), "school login, right password");
    // On system auth the right password would be a 403 (school account); locked, it is a 429.
    assertThrottled(await systemLogin({ identifier: staff.email, password: staff.password }), "system login, right password");
  });

  it("one counter across endpoints, the other way round: system failures lock school login", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    for (let i = 1; i <= 4; i++) assertFailed(await systemLogin({ identifier: staff.email, password: WRONG }), `system failure ${i}`);
    assertFailed(await schoolLogin(tenant.host, { identifier: staff.email, password: WRONG }), "school failure");
    assertThrottled(await schoolLogin(tenant.host, { identifier: staff.email, password: staff.password }), "school login, right password");
  });

  it("a concurrent burst of 30 wrong passwords gets no more than 5 guesses evaluated", async () => {
    // Firing guesses in parallel must not buy more than SMS_LOGIN_MAX_FAILURES guesses per
    // window: every answer past the 5th failure is a 429, never a 401 (which would mean the
    // password was checked again).
    const admin = await makePlatformUser();
    const answers = await Promise.all(Array.from({ length: 30 }, () => systemLogin({ identifier: admin.email, password: WRONG })));
    const statuses = answers.map((r) => r.status);
    const evaluated = statuses.filter((s) => s === 401).length;
    assert.ok(
      statuses.every((s) => s === 401 || s === 429),
      JSON.stringify(statuses),
    );
    assert.ok(
      evaluated <= MAX_FAILURES,
      `passwords checked in a burst of 30: ${evaluated} (401s), at most ${MAX_FAILURES} allowed; statuses ${JSON.stringify(statuses)}`,
    );
    assert.ok(evaluated >= 1, "the burst was evaluated at all");
    assertThrottled(await systemLogin({ identifier: admin.email, password: admin.password }), "right password after the burst");
  });

  it("30 simultaneous logins with the right password all succeed (attempts wait, they are not refused)", async () => {
    const admin = await makePlatformUser();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => systemLogin({ identifier: admin.email, password: admin.password }, randomIp())),
    );
    assert.deepEqual(
      answers.map((r) => r.status),
      Array(30).fill(200),
      answers.find((r) => r.status !== 200)?.text,
    );
  });

  it("a burst mixing 5 wrong and 25 right passwords: the wrong ones fail, the right ones get in", async () => {
    const admin = await makePlatformUser();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => systemLogin({ identifier: admin.email, password: i % 6 === 0 ? WRONG : admin.password })),
    );
    for (const [i, r] of answers.entries()) assert.equal(r.status, i % 6 === 0 ? 401 : 200, `attempt ${i}: ${r.text}`);
  });

  it("a success before the limit resets the counter", async () => {
    const admin = await makePlatformUser();
    for (let i = 1; i <= 4; i++) assertFailed(await systemLogin({ identifier: admin.email, password: WRONG }), `first series ${i}`);
    const first = await systemLogin({ identifier: admin.email, password: admin.password });
    assert.equal(first.status, 200, first.text);
    for (let i = 1; i <= 4; i++) assertFailed(await systemLogin({ identifier: admin.email, password: WRONG }), `second series ${i}`);
    const second = await systemLogin({ identifier: admin.email, password: admin.password });
    assert.equal(second.status, 200, `success after 4+success+4 failures: ${second.text}`);
  });

  it("unknown identifiers are throttled too — no enumeration difference", async () => {
    const known = await makePlatformUser();
    const unknownEmail = `${unique("ghost")}@example.org`;
    const unknownPhone = randomPhone();
    const knownFailures: ApiResponse[] = [];
    const unknownFailures: ApiResponse[] = [];
    for (let i = 1; i <= MAX_FAILURES; i++) {
      knownFailures.push(await systemLogin({ identifier: known.email, password: WRONG }));
      unknownFailures.push(await systemLogin({ identifier: unknownEmail, password: WRONG }));
      assertFailed(await systemLogin({ identifier: unknownPhone.national, password: WRONG }), `unknown phone ${i}`);
    }
    for (let i = 0; i < MAX_FAILURES; i++) {
      assertFailed(unknownFailures[i], `unknown email ${i + 1}`);
      assert.deepEqual(unknownFailures[i].body, knownFailures[i].body, "same 401 body for a known and an unknown identifier");
    }
    const lockedKnown = await systemLogin({ identifier: known.email, password: PASSWORD });
    const lockedUnknown = await systemLogin({ identifier: unknownEmail, password: PASSWORD });
    assertThrottled(lockedKnown, "known account");
    assertThrottled(lockedUnknown, "unknown email");
    assertThrottled(await systemLogin({ identifier: unknownEmail.toUpperCase(), password: PASSWORD }), "unknown email, upper-cased");
    assertThrottled(await systemLogin({ identifier: unknownPhone.e164, password: PASSWORD }), "unknown phone, E.164");
    assert.equal(lockedUnknown.body.code, lockedKnown.body.code);
    assert.deepEqual(Object.keys(lockedUnknown.body).sort(), Object.keys(lockedKnown.body).sort());
    assert.ok((await throttleRows(unknownEmail)).length >= 1, "a login_throttles row for the unknown identifier");
  });
});

describe("per-address throttling (credential stuffing)", () => {
  it("more than 100 failures from one address → 429 there, even for a valid account; other addresses are fine", async () => {
    const victim = await makePlatformUser();
    const ip = randomIp();
    const failFrom = async (n: number) => {
      for (let done = 0; done < n; done += 10) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(10, n - done) }, () =>
            systemLogin({ identifier: `${unique("stuff")}@example.org`, password: WRONG }, ip),
          ),
        );
        for (const [i, r] of batch.entries()) assertFailed(r, `stuffing attempt ${done + i + 1}`);
      }
    };
    await failFrom(IP_MAX_FAILURES);
    // Exactly 100 failures is not "more than 100".
    const atLimit = await systemLogin({ identifier: victim.email, password: victim.password }, ip);
    assert.equal(atLimit.status, 200, `valid login after exactly ${IP_MAX_FAILURES} failures: ${atLimit.text}`);
    await failFrom(1);
    assertThrottled(
      await systemLogin({ identifier: victim.email, password: victim.password }, ip),
      "valid account from the stuffing address",
    );
    assertThrottled(
      await systemLogin({ identifier: `${unique("stuff")}@example.org`, password: WRONG }, ip),
      "yet another identifier from the stuffing address",
    );
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    assertThrottled(
      await schoolLogin(tenant.host, { identifier: staff.email, password: staff.password }, ip),
      "school login from the stuffing address",
    );

    const elsewhere = await systemLogin({ identifier: victim.email, password: victim.password }, randomIp());
    assert.equal(elsewhere.status, 200, `same account from another address: ${elsewhere.text}`);
    const schoolElsewhere = await schoolLogin(tenant.host, { identifier: staff.email, password: staff.password }, randomIp());
    assert.equal(schoolElsewhere.status, 200, schoolElsewhere.text);

    const rows = await throttleRows(ip);
    assert.ok(rows.length >= 1, "a login_throttles row for the address");
    assert.ok(
      rows.some((r) => r.failures > IP_MAX_FAILURES),
      JSON.stringify(rows),
    );
  });

  it("near the address's limit, simultaneous right passwords from it still get in", async () => {
    // A school's NAT at 8 am: many colleagues at once, behind one address that already saw failures.
    const ip = randomIp();
    for (let done = 0; done < IP_MAX_FAILURES - 5; done += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, () => systemLogin({ identifier: `${unique("near")}@example.org`, password: WRONG }, ip)),
      );
      for (const r of batch) assertFailed(r, "failure from the shared address");
    }
    const colleagues = await Promise.all(Array.from({ length: 20 }, () => makePlatformUser("support")));
    const answers = await Promise.all(colleagues.map((c) => systemLogin({ identifier: c.email, password: c.password }, ip)));
    assert.deepEqual(
      answers.map((r) => r.status),
      Array(20).fill(200),
      answers.find((r) => r.status !== 200)?.text,
    );
  });

  it("IPv6 clients are counted per /64: other addresses of the prefix share the counter, other prefixes do not", async () => {
    const group = () => (1 + Math.floor(Math.random() * 0xfffe)).toString(16);
    const prefix = `2001:db8:${group()}:${group()}`;
    for (let done = 0; done <= IP_MAX_FAILURES; done += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, IP_MAX_FAILURES + 1 - done) }, (_, i) =>
          systemLogin({ identifier: `${unique("v6")}@example.org`, password: WRONG }, `${prefix}::${(done + i + 1).toString(16)}`),
        ),
      );
      for (const r of batch) assertFailed(r, "failure from the /64");
    }
    const victim = await makePlatformUser();
    assertThrottled(
      await systemLogin({ identifier: victim.email, password: victim.password }, `${prefix}:ffff:ffff:ffff:fffe`),
      "another address of the /64",
    );
    const other = await systemLogin({ identifier: victim.email, password: victim.password }, `2001:db8:ffff:ffff::1`);
    assert.equal(other.status, 200, `another /64: ${other.text}`);
    const rows = await throttleRows(`${prefix}::/64`);
    assert.equal(rows.length, 1, JSON.stringify(rows));
  });

  it("the address counter cannot be dodged through the other login endpoint", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const ip = randomIp();
    for (let done = 0; done <= IP_MAX_FAILURES; done += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, IP_MAX_FAILURES + 1 - done) }, (_, i) =>
          i % 2
            ? schoolLogin(tenant.host, { identifier: `${unique("stuff")}@example.org`, password: WRONG }, ip)
            : systemLogin({ identifier: `${unique("stuff")}@example.org`, password: WRONG }, ip),
        ),
      );
      for (const r of batch) assertFailed(r, "stuffing attempt");
    }
    assertThrottled(await schoolLogin(tenant.host, { identifier: staff.email, password: staff.password }, ip), "school login");
    assertThrottled(await systemLogin({ identifier: staff.email, password: staff.password }, ip), "system login");
  });
});

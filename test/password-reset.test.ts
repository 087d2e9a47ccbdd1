// Forgotten passwords (the REST contract §8 "Passwords"), for both audiences: the request answers
// 202 with the same body whether or not the account exists, and sends a single-use link to the
// account's email (or by SMS to a phone-only account) only for an active account at home on that
// host; the link sets a new password once and ends every session; a newer link, a password change
// or the hour passing kills it. Requests have counters of their own with the login limits — 429
// for unknown identifiers exactly as for known ones. Links are read from the outbox (the main test
// server has no transport); test/outbox.test.ts follows a reset link through a real SMTP server.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { get, post, randomIp, type RequestOptions } from "./helpers/api";
import { assertAudit, familiesOf, traced } from "./helpers/auth-assertions";
import { PASSWORD, makePlatformUser, makeSchoolUser, makeTenant, randomPhone, schoolLogin, sql, unique } from "./helpers/fixtures";
import { eventually, linkIn } from "./helpers/mail";
import { startSecondServer, type SecondServer } from "./helpers/second-server";

type Audience = "system" | "school";
const NEW = "a fresh new passphrase";
const MAX = 5; // SMS_LOGIN_MAX_FAILURES of the test server (the default)

interface Account {
  audience: Audience;
  id: string;
  email: string;
  host?: string;
  clientId: string | null;
}

async function account(audience: Audience, phoneOnly = false): Promise<Account & { phone?: string }> {
  if (audience === "system") {
    const user = await makePlatformUser("platform_admin");
    return { audience, id: user.id, email: user.email, clientId: null };
  }
  const tenant = await makeTenant();
  const phone = randomPhone();
  const user = await makeSchoolUser(tenant.id, ["Teacher"], phoneOnly ? { phone: phone.e164 } : {});
  if (phoneOnly) await sql().query("UPDATE users SET email = NULL WHERE id = $1", [user.id]);
  return { audience, id: user.id, email: user.email, host: tenant.host, clientId: tenant.id, phone: phone.e164 };
}

/**
 * Asks for a reset link. The answer does not wait for the request's writes (lib/auth/password-reset.ts),
 * so a 202 is followed by waiting for the request's audit row: with it, its link and message
 * committed (one transaction), or — no account — nothing else was to be written.
 */
async function ask(a: { audience: Audience; host?: string }, identifier: string, o: RequestOptions = {}) {
  const requestId = o.headers?.["x-request-id"] ?? unique("reset-req-");
  const res = await post(
    `/api/v1/${a.audience}/auth/password-reset/`,
    { identifier },
    { host: a.host, ...o, headers: { ...o.headers, "x-request-id": requestId } },
  );
  if (res.status === 202) {
    await eventually(`the audit row of reset request ${requestId}`, async () => {
      const { rows } = await sql().query("SELECT 1 FROM audit_events WHERE request_id = $1 AND action LIKE '%.password_reset.requested'", [
        requestId,
      ]);
      return rows.length > 0;
    });
  }
  return res;
}

const confirm = (a: { audience: Audience; host?: string }, token: string, newPassword = NEW, o: RequestOptions = {}) =>
  post(`/api/v1/${a.audience}/auth/password-reset/confirm/`, { token, new_password: newPassword }, { host: a.host, ...o });

async function resetMessages(recipient: string) {
  const { rows } = await sql().query<{ text: string; channel: string; client_id: string | null; html: string | null }>(
    "SELECT text, channel, client_id, html FROM outbox_messages WHERE recipient = $1 AND kind = 'password_reset' ORDER BY created_at, id",
    [recipient],
  );
  return rows;
}

async function newestToken(a: Account, recipient = a.email): Promise<string> {
  const messages = await resetMessages(recipient);
  assert.ok(messages.length > 0, `a reset link to ${recipient} is in the outbox`);
  return linkIn(messages.at(-1)!.text, a.audience === "system" ? "/console/reset-password" : "/reset-password").token;
}

function login(a: Account, password: string) {
  return post(`/api/v1/${a.audience}/auth/login/`, { identifier: a.email, password }, { host: a.host });
}

for (const audience of ["system", "school"] as const) {
  describe(`password reset (${audience})`, () => {
    it("answers 202 with the same body for a known and an unknown address; only the known one gets a link to its own host", async () => {
      const a = await account(audience);
      const t = traced(`reset-${audience}`, { host: a.host });
      const known = await ask(a, a.email.toUpperCase(), t.options);
      const nobody = `${unique("nobody")}@example.org`;
      const unknown = await ask(a, nobody);
      const garbage = await ask(a, "not an address at all");
      for (const res of [known, unknown, garbage]) {
        assert.equal(res.status, 202, res.text);
        assert.deepEqual(res.body, known.body);
      }
      assert.deepEqual(Object.keys(known.body), ["detail"]);
      const [message] = await resetMessages(a.email);
      assert.equal(message.channel, "email");
      assert.equal(message.client_id, a.clientId);
      const { url } = linkIn(message.text, audience === "system" ? "/console/reset-password" : "/reset-password");
      const host = audience === "system" ? "localhost" : a.host!.replace(/\./g, "\\.");
      assert.match(url, new RegExp(`^http://${host}:\\d+/${audience === "system" ? "console/" : ""}reset-password\\?token=`));
      assert.equal((await resetMessages(nobody)).length, 0);
      await assertAudit(t, `${audience}.password_reset.requested`, { actorUserId: a.id, clientId: a.clientId });
    });

    it("the link sets the new password once, ends every session, and tells the owner", async () => {
      const a = await account(audience);
      const before1 = await login(a, PASSWORD);
      const before2 = await login(a, PASSWORD);
      assert.equal(before1.status, 200);
      await ask(a, a.email);
      const token = await newestToken(a);
      const t = traced(`reset-confirm-${audience}`, { host: a.host });
      const res = await confirm(a, token, NEW, t.options);
      assert.equal(res.status, 204, res.text);
      await assertAudit(t, `${audience}.password_reset.used`, { actorUserId: a.id, clientId: a.clientId });
      assert.equal((await login(a, PASSWORD)).status, 401, "the old password is gone");
      assert.equal((await login(a, NEW)).status, 200, "the new one works");
      for (const old of [before1, before2]) {
        const me = await get(`/api/v1/${audience}/auth/me/`, { host: a.host, token: old.body.access });
        assert.equal(me.status, 401, "every earlier session ended at once");
        const refreshed = await post(`/api/v1/${audience}/auth/refresh/`, { refresh: old.body.refresh }, { host: a.host });
        assert.equal(refreshed.status, 401);
      }
      const families = await familiesOf(a.id);
      assert.ok(families.slice(0, 2).every((f) => f.revoked_reason === "password_reset"));
      const { rows } = await sql().query(
        "SELECT count(*)::int AS n FROM outbox_messages WHERE recipient = $1 AND kind = 'password_changed'",
        [a.email],
      );
      assert.equal(rows[0].n, 1, "the owner is told their password changed");
      const again = await confirm(a, token, "yet another passphrase");
      assert.equal(again.status, 400);
      assert.equal(again.body.code, "token_not_valid");
      assert.equal((await login(a, NEW)).status, 200, "the refused second use changed nothing");
    });

    it("a newer link, a password change, an hour passing, or deactivation kill a link", async () => {
      const a = await account(audience);
      await ask(a, a.email);
      const first = await newestToken(a);
      await ask(a, a.email);
      const second = await newestToken(a);
      assert.equal((await confirm(a, first)).body.code, "token_not_valid", "replaced by the newer link");

      await sql().query(
        "UPDATE account_links SET expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256($1::bytea), 'hex')",
        [second],
      );
      assert.equal((await confirm(a, second)).body.code, "token_not_valid", "expired");

      await ask(a, a.email);
      const third = await newestToken(a);
      const { access } = (await login(a, PASSWORD)).body;
      const changed = await post(
        `/api/v1/${audience}/auth/password/`,
        { old_password: PASSWORD, new_password: NEW },
        { host: a.host, token: access },
      );
      assert.equal(changed.status, 204);
      assert.equal((await confirm(a, third, "some other passphrase")).body.code, "token_not_valid", "the password changed since");

      await ask(a, a.email);
      const fourth = await newestToken(a);
      await sql().query("UPDATE users SET is_active = false, session_epoch = session_epoch + 1 WHERE id = $1", [a.id]);
      assert.equal((await confirm(a, fourth)).body.code, "token_not_valid", "deactivated since");
      const count = (await resetMessages(a.email)).length;
      assert.equal((await ask(a, a.email)).status, 202);
      assert.equal((await resetMessages(a.email)).length, count, "an inactive account is sent nothing");
    });

    it("bad bodies name their fields; unknown and malformed tokens are 400 token_not_valid", async () => {
      const a = await account(audience);
      for (const body of [{}, { identifier: "" }, { identifier: "x".repeat(255) }, { identifier: 5 }]) {
        const res = await post(`/api/v1/${audience}/auth/password-reset/`, body, { host: a.host });
        assert.equal(res.status, 400, res.text);
        assert.ok(res.body.errors.identifier, res.text);
      }
      await ask(a, a.email);
      const token = await newestToken(a);
      const short = await confirm(a, token, "short");
      assert.ok(short.body.errors.new_password, short.text);
      const missing = await post(`/api/v1/${audience}/auth/password-reset/confirm/`, { new_password: NEW }, { host: a.host });
      assert.ok(missing.body.errors.token, missing.text);
      assert.equal((await confirm(a, "A".repeat(43))).body.code, "token_not_valid");
      assert.equal((await confirm(a, token)).status, 204, "the refused attempts spent nothing");
    });
  });
}

describe("password reset across hosts", () => {
  it("a school's link works only on its school's host; a platform account asking on a school's host gets nothing", async () => {
    const a = await account("school");
    await ask(a, a.email);
    const token = await newestToken(a);
    const other = await makeTenant();
    assert.equal((await confirm({ audience: "school", host: other.host }, token)).body.code, "token_not_valid");
    assert.equal((await confirm({ audience: "system" }, token)).body.code, "token_not_valid");
    assert.equal((await confirm(a, token)).status, 204);

    const platform = await makePlatformUser("platform_admin");
    const res = await ask({ audience: "school", host: other.host }, platform.email);
    assert.equal(res.status, 202);
    assert.equal((await resetMessages(platform.email)).length, 0);
    const staff = await account("school");
    assert.equal((await ask({ audience: "school", host: other.host }, staff.email)).status, 202);
    assert.equal((await ask({ audience: "system" }, staff.email)).status, 202);
    assert.equal((await resetMessages(staff.email)).length, 0, "another school's staff, and staff on the platform host: nothing sent");
  });

  it("a phone-only colleague gets the link by SMS", async () => {
    const a = await account("school", true);
    assert.equal((await ask(a, a.phone!)).status, 202);
    const [message] = await resetMessages(a.phone!);
    assert.equal(message.channel, "sms");
    assert.equal(message.html, null);
    const { token } = linkIn(message.text, "/reset-password");
    assert.equal((await confirm(a, token)).status, 204);
    assert.equal((await post("/api/v1/school/auth/login/", { identifier: a.phone, password: NEW }, { host: a.host })).status, 200);
  });

  it("an invited colleague who resets instead of accepting becomes active", async () => {
    const tenant = await makeTenant();
    const admin = await makeSchoolUser(tenant.id, ["Admin"]);
    const { access } = await schoolLogin(tenant.host, admin.email);
    const address = `${unique("inv")}@example.org`;
    const created = await post("/api/v1/school/users/", { email: address }, { host: tenant.host, token: access });
    const a: Account = { audience: "school", id: created.body.id, email: address, host: tenant.host, clientId: tenant.id };
    await ask(a, address);
    assert.equal((await confirm(a, await newestToken(a))).status, 204);
    const ok = await login(a, NEW);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.user.status, "active");
  });
});

describe("password reset limits", () => {
  for (const audience of ["system", "school"] as const) {
    it(`${audience}: ${MAX} requests per account, then 429 — the same for an unknown identifier — and sign-in is not locked`, async () => {
      const a = await account(audience);
      const nobody = `${unique("nobody")}@example.org`;
      for (const identifier of [a.email, nobody]) {
        for (let i = 0; i < MAX; i++) assert.equal((await ask(a, identifier)).status, 202, `request ${i + 1} for ${identifier}`);
        const refused = await ask(a, identifier);
        assert.equal(refused.status, 429, refused.text);
        assert.equal(refused.body.code, "throttled");
        assert.match(refused.body.detail, /password reset requests/);
        assert.ok(Number(refused.headers["retry-after"]) > 0);
      }
      assert.equal((await resetMessages(a.email)).length, MAX, "nothing was sent past the limit");
      assert.equal((await login(a, PASSWORD)).status, 200, "reset requests do not count against sign-in");
    });
  }

  it("the account's counter holds whichever of its identifiers is typed", async () => {
    const a = await account("school");
    const phone = randomPhone();
    await sql().query("UPDATE users SET phone = $2 WHERE id = $1", [a.id, phone.e164]);
    for (let i = 0; i < MAX; i++) await ask(a, i % 2 ? a.email : phone.national);
    assert.equal((await ask(a, phone.e164)).status, 429);
  });

  describe("per address", () => {
    let server: SecondServer;
    before(async () => {
      server = await startSecondServer({ SMS_LOGIN_IP_MAX_FAILURES: "3" });
    });
    after(async () => {
      await server?.stop();
    });
    it("more than the address's limit of requests from one address is a 429, whoever they are for", async () => {
      const ip = randomIp();
      const tenant = await makeTenant();
      const at = { audience: "school" as const, host: tenant.host };
      for (let i = 0; i < 4; i++) {
        assert.equal((await ask(at, `${unique("who")}@example.org`, { ip, port: server.port })).status, 202, `request ${i + 1}`);
      }
      const refused = await ask(at, `${unique("who")}@example.org`, { ip, port: server.port });
      assert.equal(refused.status, 429);
      assert.equal(
        (await ask(at, `${unique("who")}@example.org`, { ip: randomIp(), port: server.port })).status,
        202,
        "another address is not held",
      );
    });
  });
});

// the REST contract §4 "Brute force" across instances: two servers of this suite's own on the test database
// (short window, low limits, no trusted proxies) share one failure counter per account and one
// per client address, and — with no trusted proxy — the client address is the socket's, whatever
// X-Forwarded-For claims.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { PASSWORD, makePlatformUser, sql, unique } from "./helpers/fixtures";
import { privateLoopback, requestTo, startOwnServer, type OwnServer } from "./helpers/system-api";

const LOGIN = "/api/v1/system/auth/login/";
const WINDOW_SECONDS = 3;
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

const SERVER_ENV = {
  SMS_SKIP_BUILD: "1",
  NODE_ENV: "production",
  DATABASE_URL: process.env.DATABASE_URL!,
  SMS_DATA_DIR: process.env.SMS_DATA_DIR!,
  SMS_DEMO: "0",
  SMS_LOGIN_WINDOW: String(WINDOW_SECONDS),
  SMS_LOGIN_MAX_FAILURES: "3",
  SMS_LOGIN_IP_MAX_FAILURES: "5",
  SMS_KEY_RING_TTL: "2",
};

let a: OwnServer;
let b: OwnServer;

type Options = { localAddress?: string; headers?: Record<string, string> };
const login = (server: OwnServer, identifier: string, password: string, o: Options = {}) =>
  requestTo(server.port, "POST", LOGIN, { body: { identifier, password }, localAddress: o.localAddress, headers: o.headers });

function assertFailed(res: Awaited<ReturnType<typeof login>>, what: string) {
  assert.equal(res.status, 401, `${what}: ${res.text}`);
  assert.equal(res.body.code, "authentication_failed", what);
}
function assertThrottled(res: Awaited<ReturnType<typeof login>>, what: string) {
  assert.equal(res.status, 429, `${what}: ${res.status} ${res.text}`);
  assert.equal(res.body.code, "throttled", what);
  const retry = Number(res.headers["retry-after"]);
  assert.ok(Number.isInteger(retry) && retry >= 1 && retry <= WINDOW_SECONDS, `${what}: Retry-After ${res.headers["retry-after"]}`);
}

/** Waits (bounded) until the address has no live failure counter, so a test starts from zero. */
async function addressCounterIdle(address: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { rows } = await sql().query("SELECT window_ends FROM login_throttles WHERE key = $1", [`login:ip:${address}`]);
    if (rows.length === 0 || rows[0].window_ends === null || rows[0].window_ends.getTime() <= Date.now()) return;
    if (Date.now() > deadline) throw new Error(`the counter of ${address} did not expire`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("login throttling shared by two instances, with no trusted proxies", () => {
  before(async () => {
    [a, b] = await Promise.all([startOwnServer(SERVER_ENV), startOwnServer(SERVER_ENV)]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("both instances are up on the same database", async () => {
    for (const s of [a, b]) {
      const res = await requestTo(s.port, "GET", "/api/health");
      assert.equal(res.status, 200);
      assert.equal(res.body.status, "ok");
    }
    assert.notEqual(a.port, b.port);
  });

  it("2 failures on instance A + 1 on instance B are one counter: the next attempt on either, right password included, is 429 with Retry-After; after the window the right password works again", async () => {
    const user = await makePlatformUser("support");
    const localAddress = await privateLoopback();
    await addressCounterIdle(localAddress);
    const o = { localAddress };
    assertFailed(await login(a, user.email, "wrong password 1", o), "1st failure on A");
    assertFailed(await login(a, user.email, "wrong password 2", o), "2nd failure on A");
    assertFailed(await login(b, user.email.toUpperCase(), "wrong password 3", o), "3rd failure on B");
    assertThrottled(await login(a, user.email, PASSWORD, o), "right password on A");
    assertThrottled(await login(b, user.email, PASSWORD, o), "right password on B");

    // The window passes (3 s): poll, bounded, until the right password is let through.
    const deadline = Date.now() + 15_000;
    let last: Awaited<ReturnType<typeof login>>;
    let turn = 0;
    for (;;) {
      last = await login(turn++ % 2 ? a : b, user.email, PASSWORD, o);
      if (last.status !== 429 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.equal(last.status, 200, `after the window: ${last.status} ${last.text}`);
    assert.ok(last.body.access);
    // A success starts the account's counter over.
    assertFailed(await login(a, user.email, "wrong again", o), "a failure after the success is counted afresh");
  });

  it("a burst split over both instances: at most 3 wrong passwords are verified (limit 3), and right passwords all get in", async () => {
    const user = await makePlatformUser("support");
    const wrong = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => login(i % 2 ? a : b, user.email, `wrong ${i}`, { localAddress: await privateLoopback() })),
    );
    const statuses = wrong.map((r) => r.status);
    assert.ok(
      statuses.every((st) => st === 401 || st === 429),
      JSON.stringify(statuses),
    );
    const verified = statuses.filter((st) => st === 401).length;
    assert.ok(verified >= 1 && verified <= 3, `wrong passwords verified across instances: ${verified}; ${JSON.stringify(statuses)}`);

    const other = await makePlatformUser("support");
    const right = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => login(i % 2 ? a : b, other.email, PASSWORD, { localAddress: await privateLoopback() })),
    );
    assert.deepEqual(
      right.map((r) => r.status),
      Array(12).fill(200),
      right.find((r) => r.status !== 200)?.text,
    );
  });

  it("X-Forwarded-For is ignored: the audit row of a failed login and the session of a good one record the socket address, not the forged one", async () => {
    const requestId = `throttle-${randomUUID()}`;
    const forged = "203.0.113.77";
    const nobody = `${unique("nobody")}@example.org`;
    const res = await login(a, nobody, "wrong password", { headers: { "x-forwarded-for": forged, "x-request-id": requestId } });
    assertFailed(res, "unknown account");
    const { rows } = await sql().query("SELECT action, ip FROM audit_events WHERE request_id = $1", [requestId]);
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.equal(rows[0].action, "system.login.failed");
    assert.ok(LOOPBACK.has(rows[0].ip), `recorded ${rows[0].ip}, expected the loopback socket address (not ${forged})`);

    const user = await makePlatformUser("support");
    const ok = await login(b, user.email, PASSWORD, { headers: { "x-forwarded-for": "198.51.100.9" } });
    assert.equal(ok.status, 200, ok.text);
    const family = await sql().query("SELECT ip FROM refresh_families WHERE user_id = $1", [user.id]);
    assert.equal(family.rows.length, 1);
    assert.ok(LOOPBACK.has(family.rows[0].ip), `session recorded ${family.rows[0].ip}`);
  });

  it("failures for different accounts with different forged X-Forwarded-For all count against the one real address: the 7th is 429 (limit 5)", async () => {
    const localAddress = await privateLoopback();
    await addressCounterIdle(localAddress);
    const forged = ["198.51.100.1", "198.51.100.2", "203.0.113.3", "2001:db8::4"];
    const accounts = await Promise.all(Array.from({ length: 7 }, () => makePlatformUser("support")));
    for (let i = 0; i < 4; i++) {
      const res = await login(i % 2 ? b : a, accounts[i].email, "wrong password", {
        localAddress,
        headers: { "x-forwarded-for": forged[i] },
      });
      assertFailed(res, `failure ${i + 1} (forged ${forged[i]})`);
    }
    // No counter was opened for any forged address; the real one holds all four.
    const { rows: forgedRows } = await sql().query("SELECT key FROM login_throttles WHERE key = ANY($1::text[])", [
      forged.map((f) => `login:ip:${f}`),
    ]);
    assert.deepEqual(forgedRows, []);
    const { rows: real } = await sql().query("SELECT failures FROM login_throttles WHERE key = $1", [`login:ip:${localAddress}`]);
    assert.equal(real.length, 1, `a counter for ${localAddress}`);
    assert.equal(real[0].failures, 4);

    assertFailed(
      await login(a, accounts[4].email, "wrong password", { localAddress, headers: { "x-forwarded-for": "192.0.2.5" } }),
      "failure 5",
    );
    assertFailed(await login(b, accounts[5].email, "wrong password", { localAddress }), "failure 6");
    assertThrottled(
      await login(a, accounts[6].email, "wrong password", { localAddress, headers: { "x-forwarded-for": "192.0.2.7" } }),
      "failure 7",
    );
    // The address is refused whichever instance, account or password; the account itself is not locked.
    const untouched = await makePlatformUser("support");
    assertThrottled(
      await login(b, untouched.email, PASSWORD, { localAddress, headers: { "x-forwarded-for": "192.0.2.8" } }),
      "right password from that address",
    );
    const elsewhere = localAddress === "127.0.0.1" ? undefined : "127.0.0.1";
    if (elsewhere) {
      const res = await login(a, untouched.email, PASSWORD, { localAddress: elsewhere });
      assert.equal(res.status, 200, `the same account from another address: ${res.text}`);
    }
  });
});

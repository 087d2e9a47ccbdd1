// the REST contract §4 "Credential stuffing": the client address is the socket's, or the X-Forwarded-For hop
// named by SMS_TRUSTED_PROXIES when that is set — never a header the client can forge.
// Unit tests of lib/http/client-address.ts, plus what the running server records.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { resolveClientAddress, trustedProxyList } from "@/lib/http/client-address";
import { post, randomIp } from "./helpers/api";
import { makePlatformUser, sql, unique } from "./helpers/fixtures";

const LOGIN = "/api/v1/system/auth/login/";

describe("resolveClientAddress (unit)", () => {
  const loopback = () => trustedProxyList(["127.0.0.1", "::1"]);

  it("without trusted proxies the socket address wins, whatever X-Forwarded-For says", () => {
    const none = trustedProxyList([]);
    assert.equal(resolveClientAddress("203.0.113.7", "1.2.3.4", none), "203.0.113.7");
    assert.equal(resolveClientAddress("127.0.0.1", "1.2.3.4", none), "127.0.0.1");
    assert.equal(resolveClientAddress("203.0.113.7", undefined, none), "203.0.113.7");
  });

  it("an untrusted peer is the client even if it sends X-Forwarded-For", () => {
    assert.equal(resolveClientAddress("203.0.113.7", "1.2.3.4", loopback()), "203.0.113.7");
    assert.equal(resolveClientAddress("203.0.113.7", ["1.2.3.4", "5.6.7.8"], loopback()), "203.0.113.7");
    assert.equal(resolveClientAddress("2001:db8::5", "1.2.3.4", loopback()), "2001:db8::5");
  });

  it("no socket address → null", () => {
    assert.equal(resolveClientAddress(undefined, "1.2.3.4", loopback()), null);
  });

  it("a trusted peer: the right-most untrusted hop is the client (left hops are forgeable)", () => {
    assert.equal(resolveClientAddress("127.0.0.1", "1.2.3.4", loopback()), "1.2.3.4");
    // The client wrote "6.6.6.6" itself; the proxy appended the address it saw.
    assert.equal(resolveClientAddress("127.0.0.1", "6.6.6.6, 1.2.3.4", loopback()), "1.2.3.4");
    assert.equal(resolveClientAddress("::1", " 6.6.6.6 ,  1.2.3.4 ", loopback()), "1.2.3.4");
    // Several X-Forwarded-For headers read as one list, in order.
    assert.equal(resolveClientAddress("127.0.0.1", ["6.6.6.6", "1.2.3.4"], loopback()), "1.2.3.4");
    // IPv6 hop.
    assert.equal(resolveClientAddress("127.0.0.1", "2001:db8::1", loopback()), "2001:db8::1");
  });

  it("a trusted peer without X-Forwarded-For is itself the client", () => {
    assert.equal(resolveClientAddress("127.0.0.1", undefined, loopback()), "127.0.0.1");
    assert.equal(resolveClientAddress("127.0.0.1", "", loopback()), "127.0.0.1");
    assert.equal(resolveClientAddress("127.0.0.1", " , ", loopback()), "127.0.0.1");
  });

  it("a chain of trusted proxies is skipped", () => {
    const list = trustedProxyList(["127.0.0.1", "10.0.0.0/8", "192.168.1.1"]);
    assert.equal(resolveClientAddress("127.0.0.1", "6.6.6.6, 1.2.3.4, 192.168.1.1, 10.1.2.3", list), "1.2.3.4");
    assert.equal(resolveClientAddress("10.9.9.9", "1.2.3.4, 10.0.0.1", list), "1.2.3.4");
    // Every hop trusted: the farthest one is as close to the client as we can tell.
    const all = resolveClientAddress("127.0.0.1", "10.0.0.2, 10.0.0.1", list);
    assert.equal(all, "10.0.0.2");
  });

  it("a garbage hop stops the walk: it is never returned as the address", () => {
    const list = trustedProxyList(["127.0.0.1", "10.0.0.0/8"]);
    for (const garbage of ["garbage", "1.2.3.4.5", "<script>", "unknown", "999.1.1.1", "1.2.3.4:5678"]) {
      const got = resolveClientAddress("127.0.0.1", `8.8.8.8, ${garbage}`, list);
      assert.equal(got, "127.0.0.1", garbage);
      const deeper = resolveClientAddress("127.0.0.1", `8.8.8.8, ${garbage}, 10.0.0.1`, list);
      assert.equal(deeper, "10.0.0.1", garbage);
    }
    // Garbage left of the first untrusted hop is never reached.
    assert.equal(resolveClientAddress("127.0.0.1", "garbage, 1.2.3.4", list), "1.2.3.4");
  });

  it("IPv4-mapped IPv6 addresses are read as IPv4", () => {
    const list = trustedProxyList(["127.0.0.1"]);
    assert.equal(resolveClientAddress("::ffff:127.0.0.1", "1.2.3.4", list), "1.2.3.4");
    assert.equal(resolveClientAddress("::ffff:203.0.113.9", "1.2.3.4", list), "203.0.113.9");
    assert.equal(resolveClientAddress("127.0.0.1", "::ffff:1.2.3.4", list), "1.2.3.4");
    // A mapped hop of a trusted proxy is skipped like the plain one.
    assert.equal(resolveClientAddress("127.0.0.1", "1.2.3.4, ::ffff:127.0.0.1", list), "1.2.3.4");
  });

  it("CIDR entries, IPv4 and IPv6", () => {
    const list = trustedProxyList(["10.0.0.0/8", "fd00::/8", "192.168.0.0/16"]);
    assert.equal(resolveClientAddress("10.200.3.4", "1.2.3.4", list), "1.2.3.4");
    assert.equal(resolveClientAddress("192.168.77.1", "1.2.3.4", list), "1.2.3.4");
    assert.equal(resolveClientAddress("fd12:3456::1", "1.2.3.4", list), "1.2.3.4");
    assert.equal(resolveClientAddress("11.0.0.1", "1.2.3.4", list), "11.0.0.1");
    assert.equal(resolveClientAddress("fe80::1", "1.2.3.4", list), "fe80::1");
    assert.equal(resolveClientAddress("192.169.0.1", "1.2.3.4", list), "192.169.0.1");
  });

  it("an empty list trusts nobody", () => {
    const list = trustedProxyList([]);
    assert.equal(list.check("127.0.0.1", "ipv4"), false);
  });

  for (const entry of [
    "not-an-ip",
    "localhost",
    "10.0.0.0/33",
    "10.0.0.0/abc",
    "::1/129",
    "10.0.0.0/-1",
    "1.2.3",
    "10.0.0.0/",
    "10.0.0.0/8/16",
  ]) {
    it(`an invalid SMS_TRUSTED_PROXIES entry throws: ${JSON.stringify(entry)}`, () => {
      assert.throws(() => trustedProxyList(["127.0.0.1", entry]));
    });
  }
});

describe("the server records the resolved client address", () => {
  async function failedLoginIp(headers: Record<string, string>) {
    const label = `${unique("nobody")}@example.org`;
    const res = await post(LOGIN, { identifier: label, password: "wrong-password" }, { headers });
    assert.equal(res.status, 401);
    const { rows } = await sql().query("SELECT ip FROM audit_events WHERE actor_label = $1 AND action LIKE '%login.failed'", [label]);
    assert.equal(rows.length, 1, `one audit event for ${label}`);
    return rows[0].ip as string | null;
  }

  it("audit_events.ip of a failed login is the address sent", async () => {
    const ip = randomIp();
    const label = `${unique("nobody")}@example.org`;
    const res = await post(LOGIN, { identifier: label, password: "wrong-password" }, { ip });
    assert.equal(res.status, 401);
    const { rows } = await sql().query("SELECT ip FROM audit_events WHERE actor_label = $1", [label]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].ip, ip);
  });

  it("an IPv6 client address is recorded as sent", async () => {
    assert.equal(await failedLoginIp({ "x-forwarded-for": "2001:db8::42" }), "2001:db8::42");
  });

  it("a hop the client forged left of the real one is ignored", async () => {
    const real = randomIp();
    assert.equal(await failedLoginIp({ "x-forwarded-for": `6.6.6.6, ${real}` }), real);
  });

  it("a client-sent internal address header is dropped", async () => {
    const real = randomIp();
    assert.equal(await failedLoginIp({ "x-forwarded-for": real, "x-sms-client-ip": "6.6.6.6" }), real);
  });

  it("a successful login records the address too (session and audit)", async () => {
    const admin = await makePlatformUser();
    const ip = randomIp();
    const res = await post(LOGIN, { identifier: admin.email, password: admin.password }, { ip });
    assert.equal(res.status, 200);
    const { rows } = await sql().query("SELECT ip FROM audit_events WHERE actor_user_id = $1 AND action LIKE '%login.succeeded'", [
      admin.id,
    ]);
    assert.deepEqual(
      rows.map((r) => r.ip),
      [ip],
    );
    const families = await sql().query("SELECT ip FROM refresh_families WHERE user_id = $1", [admin.id]);
    assert.deepEqual(
      families.rows.map((r) => r.ip),
      [ip],
    );
  });
});

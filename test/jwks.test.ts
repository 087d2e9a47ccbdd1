// the REST contract §4 "Tokens": JWTs are signed with an asymmetric key carrying a `kid`; the public keys
// are served as a JWK Set at GET /.well-known/jwks.json so other services can verify tokens.
// Key rotation: a rotated-out key keeps verifying the tokens it signed, and stays published.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JWK } from "jose";
import { rotateSigningKey } from "@/lib/auth/signing-keys";
import { signToken } from "@/lib/auth/tokens";
import { claimsOf, get, post } from "./helpers/api";
import { makePlatformUser, makeSchoolUser, makeTenant, schoolLogin, systemLogin } from "./helpers/fixtures";

const JWKS = "/.well-known/jwks.json";
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchJwks(): Promise<{ keys: JWK[] }> {
  const res = await get(JWKS);
  assert.equal(res.status, 200, res.text);
  assert.match(String(res.headers["content-type"]), /^application\/(jwk-set\+)?json/);
  assert.ok(Array.isArray(res.body?.keys), res.text);
  return res.body;
}

/** Retries `attempt` until it returns a value (not undefined), for at most `limitMs`. Not a timing assertion. */
async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, limitMs = 70_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not reached within ${limitMs / 1000}s${last ? ` (${(last as Error).message})` : ""}`);
    await sleep(1000);
  }
}

describe("the JWK Set", () => {
  it("GET /.well-known/jwks.json → 200 {keys}: EC P-256 ES256 public keys with kids, no private members", async () => {
    const { keys } = await fetchJwks();
    assert.ok(keys.length >= 1);
    const kids = new Set<string>();
    for (const key of keys) {
      assert.equal(typeof key.kid, "string", JSON.stringify(key));
      assert.ok(key.kid!.length > 0);
      kids.add(key.kid!);
      assert.equal(key.kty, "EC");
      assert.equal(key.crv, "P-256");
      assert.equal(key.alg, "ES256");
      assert.equal(typeof key.x, "string");
      assert.equal(typeof key.y, "string");
      if (key.use !== undefined) assert.equal(key.use, "sig");
      for (const member of PRIVATE_MEMBERS)
        assert.equal((key as Record<string, unknown>)[member], undefined, `private member "${member}" published`);
    }
    assert.equal(kids.size, keys.length, "kids are unique");
  });

  it("real system and school tokens verify against the JWK Set", async () => {
    const admin = await makePlatformUser();
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const sys = await systemLogin(admin.email);
    const sch = await schoolLogin(tenant.host, staff.email);
    const keySet = createLocalJWKSet(await fetchJwks());
    for (const [name, token, aud] of [
      ["system access", sys.access, "system"],
      ["system refresh", sys.refresh, "system"],
      ["school access", sch.access, "school"],
      ["school refresh", sch.refresh, "school"],
    ] as const) {
      const header = decodeProtectedHeader(token);
      assert.equal(header.alg, "ES256", name);
      assert.equal(typeof header.kid, "string", name);
      const { payload } = await jwtVerify(token, keySet, { algorithms: ["ES256"], audience: aud });
      assert.equal(payload.sub, aud === "system" ? admin.id : staff.id, name);
      assert.equal(typeof payload.jti, "string", name);
      assert.equal(typeof payload.iat, "number", name);
      assert.equal(typeof payload.exp, "number", name);
      if (aud === "school") assert.equal(payload.tid, tenant.id, name);
      else assert.equal(payload.tid, undefined, name);
    }
  });

  it("a token whose kid is not published does not verify (sanity of the set)", async () => {
    const admin = await makePlatformUser();
    const { access } = await systemLogin(admin.email);
    const { keys } = await fetchJwks();
    const kid = decodeProtectedHeader(access).kid;
    const others = keys.filter((k) => k.kid !== kid);
    await assert.rejects(jwtVerify(access, createLocalJWKSet({ keys: others }), { algorithms: ["ES256"] }));
  });
});

describe("signing key rotation", () => {
  // One `it`: rotation changes server-wide state. Other test files run against servers and
  // databases of their own, and old tokens stay valid, so nothing else is disturbed.
  it("after rotateSigningKey(): old tokens keep working, new logins use the new kid, JWKS has both", async () => {
    const admin = await makePlatformUser();
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const oldSys = await systemLogin(admin.email);
    const oldSch = await schoolLogin(tenant.host, staff.email);
    const oldKid = decodeProtectedHeader(oldSys.access).kid!;
    assert.equal(decodeProtectedHeader(oldSch.access).kid, oldKid);

    const { kid: newKid, signsFrom } = await rotateSigningKey();
    assert.notEqual(newKid, oldKid);

    // Published before it signs: the JWK Set lists the new kid (within the server's key-ring
    // cache, SMS_KEY_RING_TTL=2 in tests) while logins are still signed with the old key.
    await eventually(
      "JWKS listing the new kid",
      async () => ((await fetchJwks()).keys.some((k) => k.kid === newKid) ? true : undefined),
      30_000,
    );
    const early = await systemLogin(admin.email);
    if (Date.now() < signsFrom.getTime() - 1000)
      assert.equal(decodeProtectedHeader(early.access).kid, oldKid, "a new key must not sign before its lead time");

    // (a) Tokens signed by the outgoing key still work.
    assert.equal((await get("/api/v1/system/auth/me/", { token: oldSys.access })).status, 200);
    assert.equal((await get("/api/v1/school/auth/me/", { host: tenant.host, token: oldSch.access })).status, 200);

    // (b) Once the lead time has passed, new logins are signed with the new key.
    const newSys = await eventually("a system login signed with the new kid", async () => {
      const login = await systemLogin(admin.email);
      return decodeProtectedHeader(login.access).kid === newKid ? login : undefined;
    });
    assert.equal(decodeProtectedHeader(newSys.refresh).kid, newKid);
    const newSch = await eventually("a school login signed with the new kid", async () => {
      const login = await schoolLogin(tenant.host, staff.email);
      return decodeProtectedHeader(login.access).kid === newKid ? login : undefined;
    });
    assert.equal((await get("/api/v1/system/auth/me/", { token: newSys.access })).status, 200);
    assert.equal((await get("/api/v1/school/auth/me/", { host: tenant.host, token: newSch.access })).status, 200);

    // A token signed with the new key by another process (as another instance would) is accepted.
    const { sub, sid } = claimsOf(oldSys.access);
    const { token: newKeyToken } = await signToken({ sub, sid, aud: "system", type: "access", expiresAt: new Date(Date.now() + 300_000) });
    assert.equal(decodeProtectedHeader(newKeyToken).kid, newKid);
    assert.equal((await get("/api/v1/system/auth/me/", { token: newKeyToken })).status, 200);

    // (c) The JWK Set publishes both keys, and verifies old and new tokens.
    const jwks = await eventually("JWKS with both kids", async () => {
      const set = await fetchJwks();
      const kids = set.keys.map((k) => k.kid);
      return kids.includes(oldKid) && kids.includes(newKid) ? set : undefined;
    });
    for (const key of jwks.keys) for (const member of PRIVATE_MEMBERS) assert.equal((key as Record<string, unknown>)[member], undefined);
    const keySet = createLocalJWKSet(jwks);
    for (const token of [oldSys.access, oldSys.refresh, oldSch.access, newSys.access, newSys.refresh, newSch.access]) {
      await jwtVerify(token, keySet, { algorithms: ["ES256"] });
    }

    // After the server has switched keys, the old tokens still work — and old refresh tokens
    // still rotate (into the new key).
    assert.equal((await get("/api/v1/system/auth/me/", { token: oldSys.access })).status, 200);
    assert.equal((await get("/api/v1/school/auth/me/", { host: tenant.host, token: oldSch.access })).status, 200);
    const rotated = await post("/api/v1/system/auth/refresh/", { refresh: oldSys.refresh });
    assert.equal(rotated.status, 200, rotated.text);
    assert.equal(decodeProtectedHeader(rotated.body.refresh).kid, newKid);
  });
});

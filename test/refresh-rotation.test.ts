// the REST contract §4 "Tokens": refresh rotates; a spent refresh token presented again revokes its whole
// family; of several concurrent refreshes with one token exactly one succeeds; rotation never
// extends a family past login time + SMS_REFRESH_TTL (absolute lifetime).
// Everything runs for system auth (platform host) and school auth (tenant host).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { claimsOf, get, PLATFORM, post, type ApiResponse } from "./helpers/api";
import { makePlatformUser, makeSchoolUser, makeTenant, schoolLogin, sql, systemLogin } from "./helpers/fixtures";

type Aud = "system" | "school";

interface Api {
  aud: Aud;
  host: string;
  login: () => Promise<{ access: string; refresh: string }>;
  refresh: (token: string) => Promise<ApiResponse>;
  me: (access: string) => Promise<ApiResponse>;
}

async function api(aud: Aud): Promise<Api> {
  if (aud === "system") {
    const admin = await makePlatformUser();
    return {
      aud,
      host: PLATFORM,
      login: () => systemLogin(admin.email),
      refresh: (refresh) => post("/api/v1/system/auth/refresh/", { refresh }),
      me: (access) => get("/api/v1/system/auth/me/", { token: access }),
    };
  }
  const tenant = await makeTenant();
  const staff = await makeSchoolUser(tenant.id);
  return {
    aud,
    host: tenant.host,
    login: () => schoolLogin(tenant.host, staff.email),
    refresh: (refresh) => post("/api/v1/school/auth/refresh/", { refresh }, { host: tenant.host }),
    me: (access) => get("/api/v1/school/auth/me/", { host: tenant.host, token: access }),
  };
}

function assertTokenNotValid(res: { status: number; body: any; headers: any; text: string }, what: string) {
  assert.equal(res.status, 401, `${what}: ${res.status} ${res.text}`);
  assert.equal(res.body?.code, "token_not_valid", `${what}: ${res.text}`);
  assert.ok(res.headers["www-authenticate"], `${what}: WWW-Authenticate`);
}

async function family(sid: string) {
  const { rows } = await sql().query("SELECT revoked_at, expires_at FROM refresh_families WHERE id = $1", [sid]);
  assert.equal(rows.length, 1, `family ${sid} exists`);
  return rows[0] as { revoked_at: Date | null; expires_at: Date };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const aud of ["system", "school"] as Aud[]) {
  describe(`${aud} refresh rotation`, () => {
    it("refresh answers a new pair and spends the old refresh token", async () => {
      const a = await api(aud);
      const first = await a.login();
      const res = await a.refresh(first.refresh);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers["cache-control"], "no-store");
      assert.equal(typeof res.body.access, "string");
      assert.equal(typeof res.body.refresh, "string");
      assert.notEqual(res.body.refresh, first.refresh);
      const claims = claimsOf(res.body.refresh);
      assert.equal(claims.token_type, "refresh");
      assert.equal(claims.aud, aud);
      assert.equal(claimsOf(res.body.access).token_type, "access");
      assert.equal((await a.me(res.body.access)).status, 200);
      const { rows } = await sql().query("SELECT used_at FROM refresh_tokens WHERE id = $1", [claimsOf(first.refresh).jti]);
      assert.equal(rows.length, 1);
      assert.ok(rows[0].used_at, "the presented refresh token is marked used");
    });

    it("an access token is not a refresh token", async () => {
      const a = await api(aud);
      const first = await a.login();
      assertTokenNotValid(await a.refresh(first.access), "access as refresh");
      // …and the failed attempt did not spend or revoke anything.
      assert.equal((await a.refresh(first.refresh)).status, 200);
    });

    it("10 concurrent refreshes with one token: exactly one 200, the rest 401; the family ends revoked", async () => {
      const a = await api(aud);
      // Many rounds, since a race shows only sometimes (REFRESH_RACE_ROUNDS overrides the count).
      for (let round = 0; round < Number(process.env.REFRESH_RACE_ROUNDS || 20); round++) {
        const first = await a.login();
        const { sid, jti } = claimsOf(first.refresh);
        const answers = await Promise.all(Array.from({ length: 10 }, () => a.refresh(first.refresh)));
        const statuses = answers.map((r) => r.status).sort();
        const winners = answers.filter((r) => r.status === 200);
        assert.equal(winners.length, 1, `round ${round}: exactly one winner, got statuses ${JSON.stringify(statuses)}`);
        for (const loser of answers.filter((r) => r.status !== 200)) assertTokenNotValid(loser, `round ${round} loser`);

        const spent = await sql().query("SELECT used_at FROM refresh_tokens WHERE id = $1", [jti]);
        assert.ok(spent.rows[0]?.used_at, "the original refresh token is spent (used_at set)");

        // What the contract implies: every loser presented a token that was (by then) spent — a
        // replay — and "presenting a spent refresh token again revokes its whole family". So the
        // family is revoked, and the winner's fresh refresh (same family) is dead as well. A
        // legitimate client that double-fires a refresh thus loses its session; the contract
        // chooses safety over convenience here.
        const fam = await family(sid);
        assert.ok(fam.revoked_at, "the family is revoked after the replays");
        const winner = winners[0].body;
        assert.equal(claimsOf(winner.refresh).sid, sid, "the winner's refresh is of the same family");
        assertTokenNotValid(await a.refresh(winner.refresh), "the winner's new refresh after the replays");
        assertTokenNotValid(await a.me(winner.access), "the winner's new access after the family was revoked");
      }
    });

    it("the chain A→B→C works; presenting A again revokes the family: B and C die, other sessions live", async () => {
      const a = await api(aud);
      const A = await a.login();
      const other = await a.login(); // another login of the same user: another family
      const B = (await a.refresh(A.refresh)).body;
      assert.ok(B?.refresh);
      const Cres = await a.refresh(B.refresh);
      assert.equal(Cres.status, 200, Cres.text);
      const C = Cres.body;
      assert.equal((await a.me(C.access)).status, 200);
      const sid = claimsOf(A.refresh).sid;
      assert.equal(claimsOf(C.refresh).sid, sid);

      assertTokenNotValid(await a.refresh(A.refresh), "replayed A");
      const fam = await family(sid);
      assert.ok(fam.revoked_at, "family revoked by the replay");
      assertTokenNotValid(await a.refresh(C.refresh), "C after A's replay");
      assertTokenNotValid(await a.refresh(B.refresh), "B after A's replay");
      // Revoking a family stops its access tokens at once (§4: revocation takes effect at once).
      assertTokenNotValid(await a.me(C.access), "C's access after the family was revoked");

      // The user's other session is a different family and is unaffected.
      assert.equal((await a.me(other.access)).status, 200);
      const rotated = await a.refresh(other.refresh);
      assert.equal(rotated.status, 200, rotated.text);
      assert.equal((await family(claimsOf(other.refresh).sid)).revoked_at, null);
    });

    it("replaying the middle token B also revokes the family", async () => {
      const a = await api(aud);
      const A = await a.login();
      const B = (await a.refresh(A.refresh)).body;
      const C = (await a.refresh(B.refresh)).body;
      assert.ok(C?.refresh);
      assertTokenNotValid(await a.refresh(B.refresh), "replayed B");
      assertTokenNotValid(await a.refresh(C.refresh), "C after B's replay");
    });

    it("absolute lifetime: rotation never extends the refresh token's exp", async () => {
      const a = await api(aud);
      const first = await a.login();
      const c0 = claimsOf(first.refresh);
      const ttl = Number(process.env.SMS_REFRESH_TTL || 86400);
      assert.ok(c0.exp - c0.iat <= ttl, `first refresh lives at most SMS_REFRESH_TTL (${c0.exp - c0.iat}s)`);
      const fam = await family(c0.sid);
      assert.equal(Math.floor(fam.expires_at.getTime() / 1000), c0.exp, "the family ends when the first refresh token does");

      let current = first.refresh;
      for (let i = 1; i <= 3; i++) {
        // Let the clock move past a second boundary so that a sliding expiry would show.
        await sleep(1100);
        const res = await a.refresh(current);
        assert.equal(res.status, 200, res.text);
        current = res.body.refresh;
        const ci = claimsOf(current);
        assert.ok(ci.iat > c0.iat, "a later token");
        assert.equal(ci.exp, c0.exp, `rotation ${i}: exp stays the first token's exp`);
        assert.ok(claimsOf(res.body.access).exp <= c0.exp, `rotation ${i}: access never outlives the family`);
      }
      const after = await family(c0.sid);
      assert.equal(after.expires_at.getTime(), fam.expires_at.getTime(), "the family's end is unchanged");
    });

    it("a family past its absolute end cannot refresh", async () => {
      const a = await api(aud);
      const first = await a.login();
      const rotated = await a.refresh(first.refresh);
      assert.equal(rotated.status, 200);
      const sid = claimsOf(first.refresh).sid;
      await sql().query("UPDATE refresh_families SET expires_at = now() - interval '1 second' WHERE id = $1", [sid]);
      assertTokenNotValid(await a.refresh(rotated.body.refresh), "refresh in an expired family");
    });
  });
}

describe("refresh tokens are bound to their API and tenant", () => {
  it("a system refresh token on school refresh, and a school one on system refresh → 401", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const admin = await makePlatformUser();
    const sys = await systemLogin(admin.email);
    const sch = await schoolLogin(tenant.host, staff.email);
    assertTokenNotValid(
      await post("/api/v1/school/auth/refresh/", { refresh: sys.refresh }, { host: tenant.host }),
      "system refresh on school",
    );
    assertTokenNotValid(await post("/api/v1/system/auth/refresh/", { refresh: sch.refresh }), "school refresh on system");
  });

  it("a school refresh token on another tenant's host → 401", async () => {
    const tenant = await makeTenant();
    const otherTenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    const sch = await schoolLogin(tenant.host, staff.email);
    assertTokenNotValid(
      await post("/api/v1/school/auth/refresh/", { refresh: sch.refresh }, { host: otherTenant.host }),
      "tenant A refresh on tenant B",
    );
  });

  it("a tampered refresh token → 401, and it does not spend the real one", async () => {
    const admin = await makePlatformUser();
    const sys = await systemLogin(admin.email);
    const [h, p, s] = sys.refresh.split(".");
    const claims = JSON.parse(Buffer.from(p, "base64url").toString());
    const edited = `${h}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 1000 })).toString("base64url")}.${s}`;
    assertTokenNotValid(await post("/api/v1/system/auth/refresh/", { refresh: edited }), "edited refresh");
    assertTokenNotValid(await post("/api/v1/system/auth/refresh/", { refresh: "garbage" }), "garbage refresh");
    const ok = await post("/api/v1/system/auth/refresh/", { refresh: sys.refresh });
    assert.equal(ok.status, 200, ok.text);
  });
});

// the REST contract §4 "Tokens": every forged, tampered, expired or misused JWT on a protected endpoint is
// `401 token_not_valid` with a WWW-Authenticate challenge — never a 500, never a 200.
// Each case is sent to both GET /api/v1/system/auth/me/ (platform host) and
// GET /api/v1/school/auth/me/ (tenant host), against a real session of the right kind.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import { signToken } from "@/lib/auth/tokens";
import { claimsOf, get, PLATFORM } from "./helpers/api";
import { makePlatformUser, makeSchoolUser, makeTenant, schoolLogin, systemLogin } from "./helpers/fixtures";

type Aud = "system" | "school";

const ME: Record<Aud, string> = { system: "/api/v1/system/auth/me/", school: "/api/v1/school/auth/me/" };

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const parts = (token: string) => token.split(".") as [string, string, string];
const headerOf = (token: string) => JSON.parse(Buffer.from(parts(token)[0], "base64url").toString("utf8"));
const future = () => new Date(Date.now() + 300_000);

interface Session {
  access: string;
  refresh: string;
  claims: Record<string, any>;
}
interface Ctx {
  host: Record<Aud, string>;
  tenantId: string;
  otherTenantHost: string;
  session: Record<Aud, Session>;
  /** Another user of each kind, to swap `sub`. */
  otherUserId: Record<Aud, string>;
  publicJwk: JWK;
}

async function setup(): Promise<Ctx> {
  const tenant = await makeTenant();
  const otherTenant = await makeTenant();
  const [admin, otherAdmin, staff, otherStaff] = await Promise.all([
    makePlatformUser(),
    makePlatformUser(),
    makeSchoolUser(tenant.id),
    makeSchoolUser(tenant.id),
  ]);
  const [sys, sch] = await Promise.all([systemLogin(admin.email), schoolLogin(tenant.host, staff.email)]);
  const jwks = await get("/.well-known/jwks.json");
  assert.equal(jwks.status, 200);
  const kid = headerOf(sys.access).kid;
  const publicJwk = (jwks.body.keys as JWK[]).find((k) => k.kid === kid);
  assert.ok(publicJwk, "the signing key is published");
  return {
    host: { system: PLATFORM, school: tenant.host },
    tenantId: tenant.id,
    otherTenantHost: otherTenant.host,
    session: {
      system: { access: sys.access, refresh: sys.refresh, claims: claimsOf(sys.access) },
      school: { access: sch.access, refresh: sch.refresh, claims: claimsOf(sch.access) },
    },
    otherUserId: { system: otherAdmin.id, school: otherStaff.id },
    publicJwk,
  };
}

async function assertRejected(ctx: Ctx, aud: Aud, token: string, label: string, host = ctx.host[aud]) {
  const res = await get(ME[aud], { host, token });
  const where = `${label} on ${aud} me (${token.length} chars): ${res.status} ${res.text.slice(0, 200)}`;
  assert.equal(res.status, 401, where);
  assert.equal(res.body?.code, "token_not_valid", where);
  assert.equal(typeof res.body?.detail, "string", where);
  assert.ok(res.headers["www-authenticate"], `WWW-Authenticate missing: ${where}`);
}

/** Replaces the payload of a real token, keeping its header and signature. */
function withPayload(token: string, edit: (claims: Record<string, any>) => Record<string, any>): string {
  const [h, p, s] = parts(token);
  const claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
  return `${h}.${b64(edit({ ...claims }))}.${s}`;
}

async function attackerKey() {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  return { privateKey, publicJwk: await exportJWK(publicKey) };
}

/** A well-formed ES256 JWT with the real claims, signed by a key that is not the platform's. */
async function signedByAttacker(claims: Record<string, any>, header: Record<string, any>) {
  const { privateKey } = await attackerKey();
  return new SignJWT(claims).setProtectedHeader({ alg: "ES256", ...header } as any).sign(privateKey);
}

async function hs256(claims: Record<string, any>, kid: string, secret: string | Uint8Array) {
  const key = typeof secret === "string" ? new TextEncoder().encode(secret) : secret;
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT", kid }).sign(key);
}

type Forge = (ctx: Ctx, aud: Aud) => Promise<string | { token: string; host?: string }> | string | { token: string; host?: string };

const otherAud = (aud: Aud): Aud => (aud === "system" ? "school" : "system");

const cases: [string, Forge][] = [
  ["garbage", () => "garbage"],
  ["garbage with dots", () => "a.b.c"],
  ["four segments", (c, a) => `${c.session[a].access}.extra`],
  ["two segments (no signature part)", (c, a) => parts(c.session[a].access).slice(0, 2).join(".")],
  [
    "empty signature",
    (c, a) => {
      const [h, p] = parts(c.session[a].access);
      return `${h}.${p}.`;
    },
  ],
  [
    "signature of another real token",
    (c, a) => {
      const [h, p] = parts(c.session[a].access);
      return `${h}.${p}.${parts(c.session[a].refresh)[2]}`;
    },
  ],
  [
    "header that is not JSON",
    (c, a) => {
      const [, p, s] = parts(c.session[a].access);
      return `${b64("not json")}.${p}.${s}`;
    },
  ],
  [
    "payload that is not JSON",
    (c, a) => {
      const [h, , s] = parts(c.session[a].access);
      return `${h}.${b64("not json")}.${s}`;
    },
  ],
  [
    "payload that is a JSON array",
    (c, a) => {
      const [h, , s] = parts(c.session[a].access);
      return `${h}.${b64([1, 2])}.${s}`;
    },
  ],
  ['alg "none", unsigned', (c, a) => `${b64({ alg: "none" })}.${parts(c.session[a].access)[1]}.`],
  [
    'alg "none" with the real kid',
    (c, a) => `${b64({ alg: "none", typ: "JWT", kid: headerOf(c.session[a].access).kid })}.${parts(c.session[a].access)[1]}.`,
  ],
  ['alg "None" / "NONE"', (c, a) => `${b64({ alg: "NONE", kid: headerOf(c.session[a].access).kid })}.${parts(c.session[a].access)[1]}.`],
  [
    "HS256 signed with the public key's SPKI PEM as secret",
    async (c, a) => {
      const pem = await exportSPKI((await importJWK(c.publicJwk, "ES256")) as any);
      return hs256(c.session[a].claims, c.publicJwk.kid!, pem);
    },
  ],
  [
    "HS256 signed with the public JWK's JSON as secret",
    (c, a) => hs256(c.session[a].claims, c.publicJwk.kid!, JSON.stringify(c.publicJwk)),
  ],
  [
    "HS256 signed with the JWKS document as secret",
    async (c, a) => {
      const jwks = await get("/.well-known/jwks.json");
      return hs256(c.session[a].claims, c.publicJwk.kid!, jwks.text);
    },
  ],
  ["edited payload: sub of another user", (c, a) => withPayload(c.session[a].access, (p) => ({ ...p, sub: c.otherUserId[a] }))],
  ["edited payload: exp pushed a day later", (c, a) => withPayload(c.session[a].access, (p) => ({ ...p, exp: p.exp + 86_400 }))],
  [
    "edited payload: token_type refresh→access on a refresh token",
    (c, a) => withPayload(c.session[a].refresh, (p) => ({ ...p, token_type: "access" })),
  ],
  [
    "edited payload: aud of the other API",
    (c, a) => {
      // A real token of the other audience, relabelled for this one (tid added or removed to fit).
      const src = c.session[otherAud(a)].access;
      return withPayload(src, (p) => {
        const q: Record<string, any> = { ...p, aud: a };
        if (a === "school") q.tid = c.tenantId;
        else delete q.tid;
        return q;
      });
    },
  ],
  ["edited payload: padded to 5000 characters", (c, a) => withPayload(c.session[a].access, (p) => ({ ...p, pad: "x".repeat(3700) }))],
  ["5000 characters of garbage", () => "A".repeat(5000)],
  [
    "5000-character well-formed token",
    (c, a) => {
      const [h, p, s] = parts(c.session[a].access);
      return `${h}.${p}.${s}${"A".repeat(5000 - h.length - p.length - s.length - 2)}`;
    },
  ],
  ["unknown kid, fresh ES256 key", (c, a) => signedByAttacker(c.session[a].claims, { typ: "JWT", kid: "made-up-kid-0001" })],
  [
    "a real kid, but signed by another key",
    (c, a) => signedByAttacker(c.session[a].claims, { typ: "JWT", kid: headerOf(c.session[a].access).kid }),
  ],
  [
    "a real kid, another key embedded as the header's jwk",
    async (c, a) => {
      const { privateKey, publicJwk } = await attackerKey();
      return new SignJWT(c.session[a].claims)
        .setProtectedHeader({ alg: "ES256", kid: headerOf(c.session[a].access).kid, jwk: publicJwk })
        .sign(privateKey);
    },
  ],
  ["no kid", (c, a) => signedByAttacker(c.session[a].claims, { typ: "JWT" })],
  ["kid that looks like a path", (c, a) => signedByAttacker(c.session[a].claims, { kid: "../../../../../../etc/passwd" })],
  ["kid that looks like SQL", (c, a) => signedByAttacker(c.session[a].claims, { kid: "' OR '1'='1' --" })],
  ["a 1000-character kid", (c, a) => signedByAttacker(c.session[a].claims, { kid: "k".repeat(1000) })],
  ["a numeric kid", (c, a) => signedByAttacker(c.session[a].claims, { kid: 12345 })],
  [
    "alg ES384 header with the real kid",
    async (c, a) => {
      const { privateKey } = await generateKeyPair("ES384");
      return new SignJWT(c.session[a].claims).setProtectedHeader({ alg: "ES384", kid: headerOf(c.session[a].access).kid }).sign(privateKey);
    },
  ],
  [
    "alg RS256 header with the real kid",
    async (c, a) => {
      const { privateKey } = await generateKeyPair("RS256");
      return new SignJWT(c.session[a].claims).setProtectedHeader({ alg: "RS256", kid: headerOf(c.session[a].access).kid }).sign(privateKey);
    },
  ],
  [
    "expired (signed by the platform's key, real session)",
    async (c, a) => {
      const { sub, sid, tid } = c.session[a].claims;
      return (await signToken({ sub, sid, tid, aud: a, type: "access", expiresAt: new Date(Date.now() - 3600_000) })).token;
    },
  ],
  ["refresh token used as access", (c, a) => c.session[a].refresh],
  [
    'token_type "Access" (wrong case), platform-signed',
    async (c, a) => {
      const { sub, sid, tid } = c.session[a].claims;
      return (await signToken({ sub, sid, tid, aud: a, type: "Access" as any, expiresAt: future() })).token;
    },
  ],
  ["wrong aud: the other API's real token", (c, a) => c.session[otherAud(a)].access],
  [
    "wrong aud, platform-signed with this session",
    async (c, a) => {
      const { sub, sid } = c.session[a].claims;
      return (await signToken({ sub, sid, tid: a === "system" ? c.tenantId : null, aud: otherAud(a), type: "access", expiresAt: future() }))
        .token;
    },
  ],
  [
    "tid on a system token / no tid on a school token, platform-signed",
    async (c, a) => {
      const { sub, sid } = c.session[a].claims;
      return (await signToken({ sub, sid, tid: a === "system" ? c.tenantId : null, aud: a, type: "access", expiresAt: future() })).token;
    },
  ],
  [
    "sub of another user with this session, platform-signed",
    async (c, a) => {
      const { sid, tid } = c.session[a].claims;
      return (await signToken({ sub: c.otherUserId[a], sid, tid, aud: a, type: "access", expiresAt: future() })).token;
    },
  ],
  [
    "sid of no session, platform-signed",
    async (c, a) => {
      const { sub, tid } = c.session[a].claims;
      return (await signToken({ sub, sid: "00000000-0000-4000-8000-000000000000", tid, aud: a, type: "access", expiresAt: future() }))
        .token;
    },
  ],
  [
    "sub and sid that are not UUIDs, platform-signed",
    async (c, a) => {
      const { tid } = c.session[a].claims;
      return (await signToken({ sub: "' OR 1=1 --", sid: "not-a-uuid", tid, aud: a, type: "access", expiresAt: future() })).token;
    },
  ],
  [
    "tid that is not a UUID, platform-signed",
    async (c, a) => {
      const { sub, sid } = c.session[a].claims;
      return (await signToken({ sub, sid, tid: "not-a-uuid", aud: a, type: "access", expiresAt: future() })).token;
    },
  ],
  [
    "a school token on another tenant's host",
    (c, a) => (a === "school" ? { token: c.session.school.access, host: c.otherTenantHost } : c.session.school.access),
  ],
];

describe("controls: the real tokens and platform-signed look-alikes do work", () => {
  it("real access tokens → 200 on their own me", async () => {
    const ctx = await setup();
    for (const aud of ["system", "school"] as Aud[]) {
      const res = await get(ME[aud], { host: ctx.host[aud], token: ctx.session[aud].access });
      assert.equal(res.status, 200, `${aud}: ${res.text}`);
    }
  });
  it("a token signed in-process with the real session's claims → 200 (so the forgeries below fail for their flaw only)", async () => {
    const ctx = await setup();
    for (const aud of ["system", "school"] as Aud[]) {
      const { sub, sid, tid } = ctx.session[aud].claims;
      const { token } = await signToken({ sub, sid, tid, aud, type: "access", expiresAt: future() });
      const res = await get(ME[aud], { host: ctx.host[aud], token });
      assert.equal(res.status, 200, `${aud}: ${res.text}`);
    }
  });
});

describe("forged and misused tokens → 401 token_not_valid with WWW-Authenticate", () => {
  for (const [name, forge] of cases) {
    it(name, async () => {
      const ctx = await setup();
      for (const aud of ["system", "school"] as Aud[]) {
        const made = await forge(ctx, aud);
        const { token, host } = typeof made === "string" ? { token: made, host: undefined } : made;
        await assertRejected(ctx, aud, token, name, host);
      }
      // The forgeries did not hurt the real sessions.
      for (const aud of ["system", "school"] as Aud[]) {
        const res = await get(ME[aud], { host: ctx.host[aud], token: ctx.session[aud].access });
        assert.equal(res.status, 200, `${aud} real token after "${name}": ${res.status}`);
      }
    });
  }
});

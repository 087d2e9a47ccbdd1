// Minting and verifying the platform's JWTs (the REST contract §4). Claims: sub, token_type, aud, tid
// (school only), jti, iat, exp — plus `sid`, the login session (refresh family) the token
// belongs to, so that revoking a session also stops its access tokens at once.
import { randomUUID } from "node:crypto";
import { decodeProtectedHeader, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { JWT_ALG, signingKey, verificationKey } from "@/lib/auth/signing-keys";

export type Audience = "system" | "school";
export type TokenType = "access" | "refresh";

export interface TokenClaims {
  sub: string;
  token_type: TokenType;
  aud: Audience;
  tid?: string;
  sid: string;
  jti: string;
  iat: number;
  exp: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_TOKEN_LENGTH = 4096;

export async function signToken(claims: {
  sub: string;
  type: TokenType;
  aud: Audience;
  tid?: string | null;
  sid: string;
  jti?: string;
  expiresAt: Date;
  /** Defaults to now; pass the instant the expiry was computed from, so exp − iat is exact. */
  issuedAt?: Date;
}): Promise<{ token: string; jti: string }> {
  const { kid, key } = await signingKey();
  const jti = claims.jti ?? randomUUID();
  const payload: Record<string, unknown> = { token_type: claims.type, sid: claims.sid };
  if (claims.tid) payload.tid = claims.tid;
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: JWT_ALG, kid, typ: "JWT" })
    .setSubject(claims.sub)
    .setAudience(claims.aud)
    .setJti(jti)
    .setIssuedAt(Math.floor((claims.issuedAt ?? new Date()).getTime() / 1000))
    .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
    .sign(key);
  return { token, jti };
}

export function accessExpiry(from: Date = new Date()): Date {
  return new Date(from.getTime() + env().SMS_ACCESS_TTL * 1000);
}

function invalid(detail = "Token is invalid or expired."): ApiError {
  return new ApiError(401, "token_not_valid", detail);
}

// Tokens whose signature this process has verified, by their exact text. A client reuses its
// access token for every request of its life (minutes), and an ES256 verification is the largest
// single cost of a token-authenticated request, so this saves it on all but the first. Nothing
// else is cached: expiry, audience and type are checked again on every hit, and everything the
// database decides (session revoked, user deactivated, permissions) is read on every request.
// An entry is used only while the key that verified it is still the live key for its `kid` in
// the current key ring (a ring reload or a retired key re-verifies or refuses). Failed
// verifications are never cached, so forged tokens cannot fill it.
interface Verified {
  payload: JWTPayload;
  /** The audience it was verified for: a hit for another audience is verified afresh (and fails). */
  aud: Audience;
  kid: string;
  key: CryptoKey;
}
const verifiedTokens = new LRUCache<string, Verified>({ max: 10_000 });

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function verifiedPayload(token: string, aud: Audience, type: TokenType): Promise<JWTPayload> {
  // Refresh tokens are spent once: caching them would only crowd out access tokens.
  const hit = type === "access" ? verifiedTokens.get(token) : undefined;
  if (hit && hit.aud === aud && (await verificationKey(hit.kid)) === hit.key) {
    // What jwtVerify checked besides the signature and audience: expiry (as jose: exp <= now is expired).
    if (typeof hit.payload.exp !== "number" || hit.payload.exp <= nowSeconds()) throw invalid();
    return hit.payload;
  }
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== JWT_ALG || typeof header.kid !== "string") throw invalid();
    kid = header.kid;
  } catch {
    throw invalid();
  }
  const key = kid.length <= 64 ? await verificationKey(kid) : null;
  if (!key) throw invalid();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, { algorithms: [JWT_ALG], audience: aud, requiredClaims: ["sub", "jti", "exp", "iat"] }));
  } catch {
    throw invalid();
  }
  // Kept until it expires (or is pushed out by newer ones).
  if (type === "access") verifiedTokens.set(token, { payload, aud, kid, key }, { ttl: Math.max(1, (payload.exp! - nowSeconds()) * 1000) });
  return payload;
}

/**
 * Verifies signature, algorithm, expiry, audience and type. Any failure — malformed, `alg:none`,
 * HS256 with the public key, unknown kid, edited payload, wrong type or audience — is the same
 * `401 token_not_valid`.
 */
export async function verifyToken(token: unknown, expected: { type: TokenType; aud: Audience }): Promise<TokenClaims> {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw invalid();
  const payload = await verifiedPayload(token, expected.aud, expected.type);
  if (payload.token_type !== expected.type) throw invalid("Token has wrong type.");
  const { sub, jti, sid, tid } = payload as Record<string, unknown>;
  if (
    typeof sub !== "string" ||
    !UUID.test(sub) ||
    typeof jti !== "string" ||
    !UUID.test(jti) ||
    typeof sid !== "string" ||
    !UUID.test(sid)
  ) {
    throw invalid();
  }
  if (expected.aud === "school" ? typeof tid !== "string" || !UUID.test(tid) : tid !== undefined) throw invalid();
  return payload as unknown as TokenClaims;
}

// Minting and verifying the platform's JWTs (API.md §4). Claims: sub, token_type, aud, tid
// (school only), jti, iat, exp — plus `sid`, the login session (refresh family) the token
// belongs to, so that revoking a session also stops its access tokens at once.
import { randomUUID } from "node:crypto";
import { decodeProtectedHeader, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
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
  sub: string; type: TokenType; aud: Audience; tid?: string | null; sid: string; jti?: string; expiresAt: Date;
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

/**
 * Verifies signature, algorithm, expiry, audience and type. Any failure — malformed, `alg:none`,
 * HS256 with the public key, unknown kid, edited payload, wrong type or audience — is the same
 * `401 token_not_valid`.
 */
export async function verifyToken(token: unknown, expected: { type: TokenType; aud: Audience }): Promise<TokenClaims> {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw invalid();
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
    ({ payload } = await jwtVerify(token, key, { algorithms: [JWT_ALG], audience: expected.aud, requiredClaims: ["sub", "jti", "exp", "iat"] }));
  } catch {
    throw invalid();
  }
  if (payload.token_type !== expected.type) throw invalid("Token has wrong type.");
  const { sub, jti, sid, tid } = payload as Record<string, unknown>;
  if (typeof sub !== "string" || !UUID.test(sub) || typeof jti !== "string" || !UUID.test(jti) || typeof sid !== "string" || !UUID.test(sid)) {
    throw invalid();
  }
  if (expected.aud === "school" ? typeof tid !== "string" || !UUID.test(tid) : tid !== undefined) throw invalid();
  return payload as unknown as TokenClaims;
}

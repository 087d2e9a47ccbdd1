// Login sessions ("refresh families") and refresh-token rotation (the REST contract §4).
//
// - A login opens a family whose absolute end is login time + SMS_REFRESH_TTL.
// - Refresh spends the presented token with one conditional UPDATE (`used_at IS NULL`): of
//   several concurrent refreshes exactly one matches the row, the others see it spent.
// - A spent token presented again is a replay: the whole family is revoked, and with it every
//   access token minted in it (they carry its id as `sid`).
import { v7 as uuidv7 } from "uuid";
import { prisma, type Prisma } from "@/lib/db/client";
import { prepared, runScript, type SqlText } from "@/lib/db/sql-script";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { schoolErrors } from "@/lib/schools/resolve-school";
import { accessExpiry, signToken, verifyToken, type Audience } from "@/lib/auth/tokens";
import { audit, type AuditEntry, type AuditOrigin } from "@/lib/audit/record-audit";

export interface TokenPair {
  access: string;
  refresh: string;
}

export interface SessionSubject {
  userId: string;
  clientId: string | null;
  audience: Audience;
}

/** Whose session is being opened, and in which of their session epochs (users.session_epoch). */
export interface SessionOwner extends SessionSubject {
  /** The epoch read with the password hash that was verified. */
  sessionEpoch: number;
}

/** SQLSTATE of `sms_assert` (migration `session_epoch`): the session was refused, nothing written. */
export const SESSION_REFUSED = "SMS01";

// The session and its first refresh token as one prepared statement, so that a login can write
// them in the same message as its other writes (lib/auth/login.ts). Ids are UUIDv7, as Prisma's
// @default(uuid(7)) makes them. The session is opened only if the user is still active, still where
// they were, and still in the epoch whose password was verified; otherwise `sms_assert` rolls the
// whole message back: a password change or a deactivation that raced with this login wins.
// $1 family id, $2 user, $3 school (NULL: platform), $4 audience, $5 end, $6 ip, $7 user agent,
// $8 epoch, $9 the refresh token's id.
const insertSession = prepared(`
  WITH family AS (
    INSERT INTO refresh_families (id, user_id, client_id, audience, expires_at, ip, user_agent, session_epoch)
    SELECT $1::uuid, u.id, u.client_id, $4::token_audience, $5::timestamptz, $6::text, $7::text, u.session_epoch
    FROM users u
    WHERE u.id = $2::uuid AND u.client_id IS NOT DISTINCT FROM $3::uuid AND u.is_active AND u.session_epoch = $8::int
    RETURNING id, client_id, expires_at
  ), token AS (
    INSERT INTO refresh_tokens (id, family_id, client_id, expires_at)
    SELECT $9::uuid, id, client_id, expires_at FROM family
    RETURNING id
  )
  SELECT sms_assert(EXISTS (SELECT 1 FROM token), 'session_refused')`);

/** A session about to be opened: its ids, its absolute end, and the statements that write it. */
export interface NewSession {
  familyId: string;
  refreshJti: string;
  expiresAt: Date;
  statements: SqlText[];
}

export function newSession(owner: SessionOwner, origin: { ip: string | null; userAgent: string | null }): NewSession {
  const familyId = uuidv7();
  const refreshJti = uuidv7();
  const expiresAt = new Date(Date.now() + env().SMS_REFRESH_TTL * 1000);
  return {
    familyId,
    refreshJti,
    expiresAt,
    statements: [
      insertSession.run(
        familyId,
        owner.userId,
        owner.clientId,
        owner.audience,
        expiresAt.toISOString(),
        origin.ip?.slice(0, 64) ?? null,
        origin.userAgent?.slice(0, 500) ?? null,
        owner.sessionEpoch,
        refreshJti,
      ),
    ],
  };
}

/**
 * Opens a session for a user without a password check, in the user's current epoch: for the
 * benchmark's many sessions (bench/run.mjs), never for a request.
 */
export async function openSession(subject: SessionSubject, origin: { ip: string | null; userAgent: string | null }): Promise<TokenPair> {
  const { sessionEpoch } = await prisma.user.findUniqueOrThrow({ where: { id: subject.userId }, select: { sessionEpoch: true } });
  const session = newSession({ ...subject, sessionEpoch }, origin);
  await runScript(session.statements);
  return signPair(subject, session.familyId, session.refreshJti, session.expiresAt);
}

/** The token pair of a refresh token `refreshJti` in family `familyId` (its row written by the caller). */
export async function signPair(subject: SessionSubject, familyId: string, refreshJti: string, familyExpiresAt: Date): Promise<TokenPair> {
  const refreshExpiresAt = familyExpiresAt; // never past the family's absolute end
  const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const base = { sub: subject.userId, aud: subject.audience, tid: subject.clientId, sid: familyId, issuedAt };
  const accessEnd = new Date(Math.min(accessExpiry(issuedAt).getTime(), familyExpiresAt.getTime()));
  const [access, refresh] = await Promise.all([
    signToken({ ...base, type: "access", expiresAt: accessEnd }),
    signToken({ ...base, type: "refresh", jti: refreshJti, expiresAt: refreshExpiresAt }),
  ]);
  return { access: access.token, refresh: refresh.token };
}

/** The school a school refresh token belongs to (verified: a forged one throws 401). */
export async function schoolOfRefreshToken(token: string): Promise<string> {
  return (await verifyToken(token, { type: "refresh", aud: "school" })).tid!;
}

function refreshInvalid(): ApiError {
  return new ApiError(401, "token_not_valid", "Token is invalid or expired.");
}

export interface RotationResult extends TokenPair {
  familyId: string;
  userId: string;
}

/**
 * Exchanges a refresh token for a new pair. `tenantId` is the request's tenant for school
 * tokens (null for system ones); a token of another tenant is refused like a forged one.
 */
export async function rotateRefreshToken(
  token: unknown,
  audience: Audience,
  schoolId: string | null,
  origin: AuditOrigin,
): Promise<RotationResult> {
  const claims = await verifyToken(token, { type: "refresh", aud: audience });
  if ((claims.tid ?? null) !== schoolId) throw refreshInvalid();

  // Spending the token, checking its session, user and school, and writing its successor are one
  // statement: the one request that spends the token has its answer settled (a replay by a loser
  // of a race, a moment later, revokes the family — and with it the winner's new tokens — but
  // cannot turn the winner's answer into a 401), and the successor exists only if every check
  // passed.
  const nextJti = uuidv7();
  const [rotated] = (await runScript([rotate.run(claims.jti, claims.sid, claims.sub, nextJti)]))[0].rows as RotateRow[];
  if (!rotated) {
    // Not ours to spend. Already used — a replay, so the session is compromised; otherwise
    // unknown, or its session revoked or over.
    const known = await prisma.refreshToken.findUnique({ where: { id: claims.jti }, select: { familyId: true, usedAt: true } });
    if (known?.usedAt) {
      await revokeFamilies({ id: known.familyId }, "refresh_replay", {
        event: () => ({
          action: `${audience}.session.revoked`,
          schoolId,
          actor: { userId: claims.sub },
          target: { type: "session", id: known.familyId },
          metadata: { reason: "refresh_replay" },
        }),
        origin,
      });
    }
    throw refreshInvalid();
  }
  if (!rotated.user_ok) throw refreshInvalid();
  if (rotated.client_active === false) throw schoolErrors.inactive();
  const subject = { userId: claims.sub, clientId: rotated.client_id, audience };
  const pair = await signPair(subject, rotated.family_id, nextJti, rotated.expires_at);
  return { ...pair, familyId: rotated.family_id, userId: claims.sub };
}

interface RotateRow {
  family_id: string;
  client_id: string | null;
  expires_at: Date;
  /** The family is the token's user's, who is active, still in the family's school and its epoch. */
  user_ok: boolean;
  /** The family's school is active (null: a platform session). */
  client_active: boolean | null;
}

// $1 the presented token's jti, $2 its session (sid), $3 its user (sub), $4 the successor's jti.
const rotate = prepared(`
  WITH spent AS (
    UPDATE refresh_tokens t SET used_at = now()
    FROM refresh_families f
    WHERE t.id = $1::uuid AND t.family_id = $2::uuid AND t.used_at IS NULL
      AND f.id = t.family_id AND f.revoked_at IS NULL AND f.expires_at > now()
    RETURNING f.id AS family_id, f.user_id, f.client_id, f.expires_at, f.session_epoch
  ), checked AS (
    SELECT s.family_id, s.client_id, s.expires_at,
           COALESCE(s.user_id = $3::uuid AND u.is_active AND u.client_id IS NOT DISTINCT FROM s.client_id
                    AND u.session_epoch = s.session_epoch, false) AS user_ok,
           c.is_active AS client_active
    FROM spent s
    LEFT JOIN users u ON u.id = s.user_id
    LEFT JOIN clients c ON c.id = s.client_id
  ), successor AS (
    INSERT INTO refresh_tokens (id, family_id, client_id, expires_at)
    SELECT $4::uuid, family_id, client_id, expires_at FROM checked WHERE user_ok AND client_active IS NOT FALSE
  ), touched AS (
    -- "last used" in the sessions list: when a token of the session was last issued.
    UPDATE refresh_families f SET last_used_at = now()
    FROM checked c WHERE f.id = c.family_id AND c.user_ok AND c.client_active IS NOT FALSE
  )
  SELECT family_id, client_id, expires_at, user_ok, client_active FROM checked`);

export type RevokeReason =
  | "logout"
  | "logout_all"
  | "password_change"
  | "refresh_replay"
  | "session_ended"
  | "logout_others"
  | "user_deactivated"
  | "ended_by_admin"
  | "mfa_reset"
  | "password_reset"
  | "invitation_withdrawn";

/**
 * Ends every session of a user, including any a login is opening right now: the user's epoch moves
 * on (so a session opened with the old credentials is dead at once, wherever it is being written),
 * and the live sessions are marked revoked (for the record, and for the sessions lists). Run it in
 * the transaction of the change that calls for it. Returns how many live sessions were revoked.
 *
 * `keep` names one session that survives (the caller's own, on a password change): it moves to the
 * new epoch in the same transaction, so its access and refresh tokens go on working.
 */
export async function endEverySession(db: SessionDb, userId: string, reason: RevokeReason, keep?: string): Promise<number> {
  const { sessionEpoch } = await db.user.update({
    where: { id: userId },
    data: { sessionEpoch: { increment: 1 } },
    select: { sessionEpoch: true },
  });
  if (keep) await db.refreshFamily.updateMany({ where: { id: keep, userId, revokedAt: null }, data: { sessionEpoch } });
  const { count } = await db.refreshFamily.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}

type SessionDb = Pick<Prisma.TransactionClient, "user" | "refreshFamily">;

/**
 * Revokes the matching live sessions and, in the same transaction, records `event` — when any
 * was revoked, or `always`. Returns how many were revoked (the event may name the count).
 */
export async function revokeFamilies(
  where: { id: string } | { userId: string },
  reason: RevokeReason,
  record: { event: (count: number) => AuditEntry; origin: AuditOrigin; always?: boolean },
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.refreshFamily.updateMany({
      where: { ...where, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: reason },
    });
    if (count > 0 || record.always) await audit(tx, record.event(count), record.origin);
    return count;
  });
}

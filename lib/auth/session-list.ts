// "My sessions" (the REST contract §8): the caller's live login sessions — device, address, when
// opened and last used, which one is this — and ending one of them. A session is live while it
// is not revoked, not past its absolute end, and still in its user's session epoch (a password
// change or a deactivation moved the epoch on: README, "Sessions end with their credentials").
// A school's sessions are read and ended under its row-level security.
import { z } from "zod";
import { prisma, type Prisma } from "@/lib/db/client";
import { withSchool } from "@/lib/db/school-scope";
import { ApiError } from "@/lib/http/api-error";
import { audit, type AuditOrigin } from "@/lib/audit/record-audit";
import { auditActor } from "@/lib/audit/actor";
import type { UserPrincipal } from "@/lib/rbac/principal";
import type { Audience } from "@/lib/auth/tokens";
import type { RevokeReason } from "@/lib/auth/sessions";

export const SessionOut = z
  .object({
    id: z.string().describe("The session's id (the `sid` claim of its tokens)"),
    created_at: z.string().describe("When the session was opened (the login)"),
    last_used_at: z.string().describe("When a token of the session was last issued: the login, then each refresh"),
    ip: z.string().nullable().describe("The client address at the login"),
    user_agent: z.string().nullable().describe("The User-Agent at the login"),
    current: z.boolean().describe("The session of the token that made this request"),
  })
  .meta({ id: "Session" });
export type SessionOut = z.infer<typeof SessionOut>;

export const SessionListOut = z.array(SessionOut).meta({ id: "SessionList" });

interface Caller {
  principal: UserPrincipal;
  audience: Audience;
  /** The request's school for school sessions; null for the platform's. */
  schoolId: string | null;
}

type Db = Prisma.TransactionClient;

/** Runs `work` in one transaction with the right view: the school's row-level security, or the platform's rows. */
function inScope<T>(schoolId: string | null, work: (db: Db) => Promise<T>): Promise<T> {
  return schoolId ? withSchool(schoolId, work) : prisma.$transaction(work);
}

async function liveWhere(db: Db, caller: Caller): Promise<Prisma.RefreshFamilyWhereInput> {
  const { sessionEpoch } = await db.user.findUniqueOrThrow({ where: { id: caller.principal.user.id }, select: { sessionEpoch: true } });
  return {
    userId: caller.principal.user.id,
    clientId: caller.schoolId,
    audience: caller.audience,
    revokedAt: null,
    expiresAt: { gt: new Date() },
    sessionEpoch,
  };
}

/** The caller's live sessions, most recently used first (not paginated: a person has a handful). */
export async function listMySessions(caller: Caller): Promise<SessionOut[]> {
  const rows = await inScope(caller.schoolId, async (db) =>
    db.refreshFamily.findMany({
      where: await liveWhere(db, caller),
      select: { id: true, createdAt: true, lastUsedAt: true, ip: true, userAgent: true },
      orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
      take: 500,
    }),
  );
  return rows
    .map((row) => ({
      id: row.id,
      created_at: row.createdAt.toISOString(),
      last_used_at: (row.lastUsedAt ?? row.createdAt).toISOString(),
      ip: row.ip,
      user_agent: row.userAgent,
      current: row.id === caller.principal.sessionId,
    }))
    .sort((a, b) => b.last_used_at.localeCompare(a.last_used_at));
}

/**
 * Ends one of the caller's sessions at once: its refresh tokens and the access tokens minted in it
 * stop working (every request checks its session). Another user's session, or one already over,
 * is a 404 — as if it did not exist. Ending the current session is allowed (a sign-out).
 */
export async function endMySession(caller: Caller & { id: string; origin: AuditOrigin }): Promise<void> {
  const ended = await inScope(caller.schoolId, async (db) => {
    const where = { ...(await liveWhere(db, caller)), id: caller.id };
    const { count } = await db.refreshFamily.updateMany({
      where,
      data: { revokedAt: new Date(), revokedReason: "session_ended" satisfies RevokeReason },
    });
    if (count === 0) return false;
    await audit(
      db,
      {
        action: `${caller.audience}.session.ended`,
        schoolId: caller.schoolId,
        actor: auditActor(caller.principal),
        target: { type: "session", id: caller.id },
        metadata: { current: caller.id === caller.principal.sessionId },
      },
      caller.origin,
    );
    return true;
  });
  if (!ended) throw ApiError.notFound();
}

/**
 * "Sign out everywhere else": ends every live session of the caller but the one making the request,
 * in one transaction with its audit row. Returns how many ended.
 */
export async function endMyOtherSessions(caller: Caller & { origin: AuditOrigin }): Promise<number> {
  return inScope(caller.schoolId, async (db) => {
    const where = { ...(await liveWhere(db, caller)), id: { not: caller.principal.sessionId } };
    const { count } = await db.refreshFamily.updateMany({
      where,
      data: { revokedAt: new Date(), revokedReason: "logout_others" satisfies RevokeReason },
    });
    await audit(
      db,
      {
        action: `${caller.audience}.logout.others`,
        schoolId: caller.schoolId,
        actor: auditActor(caller.principal),
        target: { type: "user", id: caller.principal.user.id },
        metadata: { sessions_revoked: count },
      },
      caller.origin,
    );
    return count;
  });
}

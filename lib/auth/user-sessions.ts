// Someone else's sessions, as an admin sees and ends them (a documented extension of the REST
// contract §8): GET/DELETE …/users/{id}/sessions/ for a school's staff (users.view / users.change),
// for platform users (any platform role reads, a superadmin ends) and for a school's users from the
// console (a superadmin or platform_admin ends). One service for every audience: the owner is a
// user of a school (read and ended under its row-level security) or of the platform.
//
// The list is the owner's live sessions in the shape of GET …/auth/sessions/ (`current` is true
// only for the calling session, so on anyone else's list it is always false). Ending them is
// `endEverySession`: the owner's session epoch moves on (every access token and refresh token of
// theirs stops working at once, and a login opening right now dies with them) and every live
// family is marked revoked — in one transaction with its audit row.
import { prisma, type Prisma } from "@/lib/db/client";
import { withSchool } from "@/lib/db/school-scope";
import { ApiError } from "@/lib/http/api-error";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type Actor } from "@/lib/audit/actor";
import { endEverySession } from "@/lib/auth/sessions";
import type { SessionOut } from "@/lib/auth/session-list";

type Db = Prisma.TransactionClient;

/** Whose sessions: a user of the school `schoolId`, or a platform user (`schoolId: null`). */
export interface SessionOwner {
  userId: string;
  schoolId: string | null;
}

function inScope<T>(schoolId: string | null, work: (db: Db) => Promise<T>): Promise<T> {
  return schoolId ? withSchool(schoolId, work) : prisma.$transaction(work);
}

/** The owner, in the scope asked for (another school's user, or a school's user asked for as a platform one, is a 404). */
async function findOwner(db: Db, owner: SessionOwner) {
  const user = await db.user.findFirst({ where: { id: owner.userId, clientId: owner.schoolId }, select: { id: true, sessionEpoch: true } });
  if (!user) throw ApiError.notFound();
  return user;
}

/** A session is live while it is not revoked, not past its absolute end, and in its user's current epoch. */
function liveWhere(owner: SessionOwner, user: { id: string; sessionEpoch: number }): Prisma.RefreshFamilyWhereInput {
  return {
    userId: user.id,
    clientId: owner.schoolId,
    audience: owner.schoolId ? "school" : "system",
    revokedAt: null,
    expiresAt: { gt: new Date() },
    sessionEpoch: user.sessionEpoch,
  };
}

/** The owner's live sessions, most recently used first; `callerSessionId` marks the calling session. */
export async function listUserSessions(options: { owner: SessionOwner; callerSessionId?: string }): Promise<SessionOut[]> {
  const { owner } = options;
  const rows = await inScope(owner.schoolId, async (db) => {
    const user = await findOwner(db, owner);
    return db.refreshFamily.findMany({
      where: liveWhere(owner, user),
      select: { id: true, createdAt: true, lastUsedAt: true, ip: true, userAgent: true },
      take: 500,
    });
  });
  return rows
    .map((row) => ({
      id: row.id,
      created_at: row.createdAt.toISOString(),
      last_used_at: (row.lastUsedAt ?? row.createdAt).toISOString(),
      ip: row.ip,
      user_agent: row.userAgent,
      current: row.id === options.callerSessionId,
    }))
    .sort((a, b) => b.last_used_at.localeCompare(a.last_used_at) || b.id.localeCompare(a.id));
}

/**
 * Ends every session of the owner at once, with its audit row in the same transaction.
 * `check` runs inside that transaction once the owner is found (a school's reach rule). Returns how
 * many live sessions ended (recorded as `sessions_revoked`).
 */
export async function endUserSessions(options: {
  owner: SessionOwner;
  actor: Actor;
  /** Who ends them: a colleague in the school, the platform in one of its schools, or the platform for its own user. */
  by: "school" | "console" | "platform";
  check?: (db: Db) => Promise<void>;
}): Promise<number> {
  const { owner, actor, by } = options;
  return inScope(owner.schoolId, async (db) => {
    const user = await findOwner(db, owner);
    await options.check?.(db);
    // What the owner's list showed: sessions already over are marked revoked too, but not counted.
    const revoked = await db.refreshFamily.count({ where: liveWhere(owner, user) });
    await endEverySession(db, user.id, "ended_by_admin");
    await audit(
      db,
      {
        action:
          by === "school" ? "school.user.sessions_ended" : by === "console" ? "tenant_user.sessions_ended" : "platform_user.sessions_ended",
        schoolId: owner.schoolId,
        actor: auditActor(actor.principal),
        target: { type: "user", id: user.id },
        metadata: { sessions_revoked: revoked },
      },
      actor.origin,
    );
    return revoked;
  });
}

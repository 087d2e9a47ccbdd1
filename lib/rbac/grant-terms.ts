// A role assignment's term (the REST contract §8 "Role assignments with a term"): outside
// [starts_at, ends_at) it grants nothing. Every read that derives what a user may do filters on it
// in the query itself — against the database's clock (now()) where SQL decides who may act, so an
// ended grant stops working at that second on every instance, with no job and no cache.
import type { Prisma } from "@/lib/generated/prisma/client";

/** SQL: the assignment `a` is live now (the database's clock). */
export const LIVE_GRANT_SQL = "(a.starts_at IS NULL OR a.starts_at <= now()) AND (a.ends_at IS NULL OR a.ends_at > now())";

/** SQL: the assignment `a` is live now or still to start. */
export const NOT_ENDED_GRANT_SQL = "(a.ends_at IS NULL OR a.ends_at > now())";

/** SQL: the assignment `a` is live now and has no end — what a school's full admin must hold (lib/rbac/escalation.ts). */
export const LASTING_GRANT_SQL = "(a.starts_at IS NULL OR a.starts_at <= now()) AND a.ends_at IS NULL";

/** Prisma: the assignment is live at `now` (for what lists show; who may act is decided in SQL). */
export function liveGrant(now: Date = new Date()): Prisma.UserRoleAssignmentWhereInput {
  return { AND: [{ OR: [{ startsAt: null }, { startsAt: { lte: now } }] }, { OR: [{ endsAt: null }, { endsAt: { gt: now } }] }] };
}

export function isLive(a: { startsAt: Date | null; endsAt: Date | null }, now: Date = new Date()): boolean {
  return (a.startsAt === null || a.startsAt <= now) && (a.endsAt === null || a.endsAt > now);
}

// The console's overview: a few platform-wide counts and the latest audit events.
// The counts are one round trip (one scan per table, aggregated with FILTER); recent activity is
// the ten newest events (the `at` index) plus one lookup of the schools they name.
import { prisma } from "@/lib/db/client";

export interface PlatformCounts {
  schoolsActive: number;
  schoolsSuspended: number;
  platformUsers: number;
  platformUsersInactive: number;
  schoolUsers: number;
  schoolUsersInactive: number;
  liveApiKeys: number;
}

export async function platformCounts(): Promise<PlatformCounts> {
  const [row] = await prisma.$queryRaw<PlatformCounts[]>`
    SELECT c.active    AS "schoolsActive",
           c.suspended AS "schoolsSuspended",
           u.platform  AS "platformUsers",
           u.platform_inactive AS "platformUsersInactive",
           u.school    AS "schoolUsers",
           u.school_inactive   AS "schoolUsersInactive",
           k.live      AS "liveApiKeys"
    FROM (SELECT count(*) FILTER (WHERE is_active)::int AS active,
                 count(*) FILTER (WHERE NOT is_active)::int AS suspended
          FROM clients) c,
         (SELECT count(*) FILTER (WHERE client_id IS NULL)::int AS platform,
                 count(*) FILTER (WHERE client_id IS NULL AND NOT is_active)::int AS platform_inactive,
                 count(*) FILTER (WHERE client_id IS NOT NULL)::int AS school,
                 count(*) FILTER (WHERE client_id IS NOT NULL AND NOT is_active)::int AS school_inactive
          FROM users) u,
         (SELECT count(*)::int AS live
          FROM api_keys
          WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())) k`;
  return row;
}

export interface ActivityItem {
  id: string;
  at: string;
  action: string;
  /** Who did it: their email/phone at the time, "API key", or null (nobody signed in, e.g. a failed login). */
  actor: string | null;
  /** The school it concerns; `exists: false` for a school since deleted (named from the event). */
  school: { id: string | null; name: string; slug: string; exists: boolean } | null;
}

function metaString(metadata: unknown, key: string): string | null {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return null;
  const value = (metadata as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

export async function recentActivity(limit = 10): Promise<ActivityItem[]> {
  const events = await prisma.auditEvent.findMany({
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      at: true,
      action: true,
      actorLabel: true,
      actorKeyId: true,
      actorUserId: true,
      clientId: true,
      targetType: true,
      targetId: true,
      metadata: true,
    },
  });
  const clientIds = unique(events.map((e) => e.clientId));
  // Some events (logouts) record only the actor's id: name them from the users table.
  const userIds = unique(events.map((e) => (e.actorLabel ? null : e.actorUserId)));
  const [clients, users] = await Promise.all([
    clientIds.length ? prisma.client.findMany({ where: { id: { in: clientIds } }, select: { id: true, name: true, slug: true } }) : [],
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, phone: true } }) : [],
  ]);
  const byId = new Map(clients.map((c) => [c.id, c]));
  const userLabel = new Map(users.map((u) => [u.id, u.email ?? u.phone]));
  return events.map((e) => {
    let school: ActivityItem["school"] = null;
    const live = e.clientId ? byId.get(e.clientId) : undefined;
    if (live) school = { ...live, exists: true };
    else if (e.targetType === "client") {
      // A deleted school's own event keeps its slug and name in the metadata.
      const slug = metaString(e.metadata, "slug");
      if (slug) school = { id: null, slug, name: metaString(e.metadata, "name") ?? slug, exists: false };
    }
    const actor =
      e.actorLabel ?? (e.actorUserId ? (userLabel.get(e.actorUserId) ?? "A deleted user") : null) ?? (e.actorKeyId ? "API key" : null);
    return { id: e.id, at: e.at.toISOString(), action: e.action, actor, school };
  });
}

export async function platformOverview() {
  const [counts, activity] = await Promise.all([platformCounts(), recentActivity(10)]);
  return { counts, activity };
}

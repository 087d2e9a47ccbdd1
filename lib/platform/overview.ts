// The console's overview: a few platform-wide counts, in one round trip (one scan per table,
// aggregated with FILTER). Its recent activity is the audit list's first page.
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
          WHERE (revoked_at IS NULL OR revoked_at > now()) AND (expires_at IS NULL OR expires_at > now())) k`;
  return row;
}

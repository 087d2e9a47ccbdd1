// Reading the audit trail with filters: actor (a user or key id, or text in the actor's
// email/phone), client (a school id, the platform's trail only), action (exact, or a prefix
// ending in "*"), since / until (ISO 8601, both inclusive).
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { likeText } from "@/lib/http/search";
import {
  QueryInstant,
  QueryOrdering,
  QueryText,
  defaultOrdering,
  listQuery,
  mapOrdering,
  type OrderColumns,
  type Ordering,
} from "@/lib/http/query";
import { isId } from "@/lib/http/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toAuditEventOut } from "@/lib/audit/audit-schemas";
import { withSchool } from "@/lib/db/school-scope";

const trailFilters = {
  actor: QueryText(254).describe("A user or key id, or text in the actor's email or phone"),
  action: QueryText(64).describe("An exact action, or a prefix ending in *"),
  since: QueryInstant.describe("ISO 8601; events at or after it"),
  until: QueryInstant.describe("ISO 8601; events at or before it"),
  /** Newest first by default. */
  ordering: QueryOrdering(["at"], "-at,-id"),
};

export const AuditListQuery = listQuery({
  ...trailFilters,
  client: z
    .string()
    .refine(isId, "Enter a school id.")
    .transform((v) => v.toLowerCase())
    .optional()
    .describe("A school id"),
});

/** A school's own trail: no `client` filter (it is always this school). */
export const SchoolAuditListQuery = listQuery(trailFilters);

interface TrailFilters {
  actor?: string;
  action?: string;
  since?: Date;
  until?: Date;
  ordering?: Ordering<"at">;
}

const NEWEST_FIRST = defaultOrdering(trailFilters.ordering);
const auditOrderBy: OrderColumns<"at", Prisma.AuditEventOrderByWithRelationInput> = { at: (d) => ({ at: d }), id: (d) => ({ id: d }) };
const orderBy = (ordering: Ordering<"at"> = NEWEST_FIRST) => mapOrdering(ordering, auditOrderBy);

function where(f: TrailFilters): Prisma.AuditEventWhereInput {
  const actor = f.actor;
  return {
    ...(f.since || f.until ? { at: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lte: f.until } : {}) } } : {}),
    ...(f.action ? (f.action.endsWith("*") ? { action: { startsWith: likeText(f.action.slice(0, -1)) } } : { action: f.action }) : {}),
    ...(actor
      ? isId(actor)
        ? { OR: [{ actorUserId: actor.toLowerCase() }, { actorKeyId: actor.toLowerCase() }] }
        : { actorLabel: { contains: likeText(actor.toLowerCase()) } }
      : {}),
  };
}

export async function listAuditEvents(options: TrailFilters & { client?: string; page: PageRequest }) {
  const filter = { ...where(options), ...(options.client ? { clientId: options.client } : {}) };
  return paginate(
    options.page,
    {
      count: () => prisma.auditEvent.count({ where: filter }),
      rows: ({ skip, take }) => prisma.auditEvent.findMany({ where: filter, orderBy: orderBy(options.ordering), skip, take }),
    },
    toAuditEventOut,
  );
}

/** A school's own trail, read under row-level security: nothing of another school can appear. */
export async function listSchoolAuditEvents(options: TrailFilters & { schoolId: string; page: PageRequest }) {
  const filter = { ...where(options), clientId: options.schoolId };
  return withSchool(options.schoolId, (tx) =>
    paginate(
      options.page,
      {
        count: () => tx.auditEvent.count({ where: filter }),
        rows: ({ skip, take }) => tx.auditEvent.findMany({ where: filter, orderBy: orderBy(options.ordering), skip, take }),
      },
      toAuditEventOut,
    ),
  );
}

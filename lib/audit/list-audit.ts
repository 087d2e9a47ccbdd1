// Reading the audit trail with filters: actor (a user or key id, or text in the actor's
// email/phone), client (a school id, the platform's trail only), action (exact actions or prefixes
// ending in "*", comma-separated), target_type and target (what the events are about), since /
// until (ISO 8601, both inclusive). Each event comes with its target's name (lib/audit/target-labels.ts).
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
import { AUDIT_TARGET_TYPES, type AuditTargetType } from "@/lib/audit/actions";
import { targetLabels, type LabelDb } from "@/lib/audit/target-labels";
import { withSchool } from "@/lib/db/school-scope";

/** The most actions one `?action=` may list, and the longest one (the column's width). */
const MAX_ACTIONS = 20;
const MAX_ACTION_LENGTH = 64;

/** `?action=`: which actions, as exact codes and as prefixes (an item ending in "*", star dropped). */
export interface ActionFilter {
  exact: string[];
  prefixes: string[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A comma-separated list of exact actions or prefixes ending in "*" (one value, as before, is a
 * list of one). Items are trimmed; empty ones are skipped, and a list of none is no filter.
 */
const QueryActions = z
  .string()
  .transform((value, ctx): ActionFilter | undefined => {
    if (CONTROL.test(value)) {
      ctx.addIssue({
        code: "custom",
        message: value.includes("\u0000") ? "Null characters are not allowed." : "Control characters are not allowed.",
      });
      return z.NEVER;
    }
    const items = value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean);
    if (items.length === 0) return undefined;
    const problems = [
      items.length > MAX_ACTIONS ? `Give at most ${MAX_ACTIONS} actions.` : null,
      items.some((item) => item.length > MAX_ACTION_LENGTH) ? `Ensure each action has no more than ${MAX_ACTION_LENGTH} characters.` : null,
      items.some((item) => item.slice(0, -1).includes("*")) ? 'Use "*" only at the end of an action, to match a prefix.' : null,
    ].filter((p): p is string => p !== null);
    for (const message of problems) ctx.addIssue({ code: "custom", message });
    if (problems.length) return z.NEVER;
    return {
      exact: [...new Set(items.filter((item) => !item.endsWith("*")))],
      prefixes: [...new Set(items.filter((item) => item.endsWith("*")).map((item) => item.slice(0, -1)))],
    };
  })
  .optional();

const trailFilters = {
  actor: QueryText(254).describe("A user or key id, or text in the actor's email or phone"),
  action: QueryActions.describe(
    `Actions, comma-separated (at most ${MAX_ACTIONS}): each an exact action (school.student.created) or a prefix ending in * (school.student.*)`,
  ),
  target_type: z
    .enum(AUDIT_TARGET_TYPES, { message: `Enter one of ${AUDIT_TARGET_TYPES.join(", ")}.` })
    .optional()
    .describe(`What the events are about: ${AUDIT_TARGET_TYPES.join(", ")}`),
  target: z
    .string()
    .refine(isId, "Enter a valid UUID.")
    .transform((v) => v.toLowerCase())
    .optional()
    .describe("The id of the object the events are about (their target_id)"),
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
  action?: ActionFilter;
  targetType?: AuditTargetType;
  target?: string;
  /**
   * A person's story (the screens, not the API's query): events about the user, and about their
   * role assignments, which are their own targets and name the user in their metadata.
   */
  aboutUser?: string;
  since?: Date;
  until?: Date;
  ordering?: Ordering<"at">;
}

const NEWEST_FIRST = defaultOrdering(trailFilters.ordering);
const auditOrderBy: OrderColumns<"at", Prisma.AuditEventOrderByWithRelationInput> = { at: (d) => ({ at: d }), id: (d) => ({ id: d }) };
const orderBy = (ordering: Ordering<"at"> = NEWEST_FIRST) => mapOrdering(ordering, auditOrderBy);

function actionWhere({ exact, prefixes }: ActionFilter): Prisma.AuditEventWhereInput {
  const any: Prisma.AuditEventWhereInput[] = [
    ...(exact.length ? [{ action: exact.length === 1 ? exact[0] : { in: exact } }] : []),
    ...prefixes.map((prefix) => ({ action: { startsWith: likeText(prefix) } })),
  ];
  return any.length === 1 ? any[0] : { OR: any };
}

function where(f: TrailFilters): Prisma.AuditEventWhereInput {
  const actor = f.actor;
  const all: Prisma.AuditEventWhereInput[] = [
    ...(f.since || f.until ? [{ at: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lte: f.until } : {}) } }] : []),
    ...(f.action ? [actionWhere(f.action)] : []),
    ...(actor
      ? [
          isId(actor)
            ? { OR: [{ actorUserId: actor.toLowerCase() }, { actorKeyId: actor.toLowerCase() }] }
            : { actorLabel: { contains: likeText(actor.toLowerCase()) } },
        ]
      : []),
    ...(f.targetType ? [{ targetType: f.targetType }] : []),
    ...(f.target ? [{ targetId: f.target }] : []),
    ...(f.aboutUser
      ? [
          {
            OR: [{ targetId: f.aboutUser }, { targetType: "role_assignment", metadata: { path: ["user"], equals: f.aboutUser } }],
          },
        ]
      : []),
  ];
  return all.length ? { AND: all } : {};
}

/** One page of events matching `filter`, each with its target's name, read through `db`. */
function eventsPage(
  db: LabelDb,
  filter: Prisma.AuditEventWhereInput,
  options: { page: PageRequest; ordering?: Ordering<"at"> },
  schoolId: string | null,
) {
  return paginate(
    options.page,
    {
      count: () => db.auditEvent.count({ where: filter }),
      rows: async ({ skip, take }) => {
        const rows = await db.auditEvent.findMany({ where: filter, orderBy: orderBy(options.ordering), skip, take });
        const labels = await targetLabels(db, rows, schoolId);
        return rows.map((row, i) => ({ ...row, targetLabel: labels[i] }));
      },
    },
    toAuditEventOut,
  );
}

export async function listAuditEvents(options: TrailFilters & { client?: string; page: PageRequest }) {
  const filter = { ...where(options), ...(options.client ? { clientId: options.client } : {}) };
  return eventsPage(prisma, filter, options, null);
}

/**
 * A school's own trail, read under row-level security: nothing of another school can appear, in
 * the events or in their targets' names.
 */
export async function listSchoolAuditEvents(options: TrailFilters & { schoolId: string; page: PageRequest }) {
  const filter = { ...where(options), clientId: options.schoolId };
  return withSchool(options.schoolId, (tx) => eventsPage(tx, filter, options, options.schoolId));
}

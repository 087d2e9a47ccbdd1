// Reading the audit trail with filters: ?actor= (user id, or text in the actor's email/phone),
// ?client= (school id), ?action= (exact, or a prefix ending in "*"), ?since= / ?until= (ISO 8601).
import { prisma } from "@/lib/db/client";
import { ApiError, type FieldErrors } from "@/lib/http/errors";
import { paginate } from "@/lib/http/pagination";
import { likeText } from "@/lib/http/search";
import { withoutControlCharacters } from "@/lib/http/query-text";
import { isId } from "@/lib/http/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toAuditEventOut } from "@/lib/audit/audit-schemas";
import { withTenant } from "@/lib/db/tenant-scope";

// ISO 8601 only: a date, or a date-time with seconds optional and a zone (Z or ±hh:mm). `new Date`
// alone would also take "1" or "12/31/2026", and roll 30 February over into March.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function instant(value: string | null, field: string, errors: FieldErrors): Date | undefined {
  if (value === null || value === "") return undefined;
  const m = ISO_INSTANT.exec(value);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  const valid = m !== null && calendarDay.getUTCMonth() === month - 1 && calendarDay.getUTCDate() === day
    && (m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60));
  if (!valid) {
    errors[field] = ["Enter an ISO 8601 date-time, e.g. 2026-11-30T08:00:00Z."];
    return undefined;
  }
  return new Date(m![4] === undefined ? `${value}T00:00:00Z` : value);
}

export function auditFilters(url: URL): Prisma.AuditEventWhereInput {
  const q = url.searchParams;
  const errors: FieldErrors = {};
  const since = instant(q.get("since"), "since", errors);
  const until = instant(q.get("until"), "until", errors);
  const client = q.get("client");
  if (client && !isId(client)) errors.client = ["Enter a school id."];
  const action = withoutControlCharacters(q.get("action") ?? "").trim().slice(0, 64);
  if (Object.keys(errors).length) throw ApiError.invalid(errors);
  const actor = withoutControlCharacters(q.get("actor") ?? "").trim().slice(0, 254);
  return {
    ...(since || until ? { at: { ...(since ? { gte: since } : {}), ...(until ? { lte: until } : {}) } } : {}),
    ...(client ? { clientId: client.toLowerCase() } : {}),
    ...(action ? (action.endsWith("*") ? { action: { startsWith: likeText(action.slice(0, -1)) } } : { action }) : {}),
    ...(actor ? (isId(actor) ? { OR: [{ actorUserId: actor.toLowerCase() }, { actorKeyId: actor.toLowerCase() }] } : { actorLabel: { contains: likeText(actor.toLowerCase()) } }) : {}),
  };
}

export async function listAuditEvents(url: URL) {
  const where = auditFilters(url);
  return paginate(url, {
    count: () => prisma.auditEvent.count({ where }),
    rows: ({ skip, take }) => prisma.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip, take }),
  }, toAuditEventOut);
}

/** A school's own trail, read under row-level security: `?client=` cannot reach another school. */
export async function listSchoolAuditEvents(tenantId: string, url: URL) {
  const where = { ...auditFilters(url), clientId: tenantId };
  return withTenant(tenantId, (tx) =>
    paginate(url, {
      count: () => tx.auditEvent.count({ where }),
      rows: ({ skip, take }) => tx.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip, take }),
    }, toAuditEventOut),
  );
}

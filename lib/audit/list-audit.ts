// Reading the audit trail with filters: ?actor= (user id, or text in the actor's email/phone),
// ?client= (school id), ?action= (exact, or a prefix ending in "*"), ?since= / ?until= (ISO 8601).
import { prisma } from "@/lib/db/client";
import { ApiError, type FieldErrors } from "@/lib/http/errors";
import { paginate } from "@/lib/http/pagination";
import { isId } from "@/lib/http/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toAuditEventOut } from "@/lib/audit/audit-schemas";
import { withTenant } from "@/lib/db/tenant-scope";

function instant(value: string | null, field: string, errors: FieldErrors): Date | undefined {
  if (value === null || value === "") return undefined;
  const date = new Date(value);
  if (value.length > 40 || Number.isNaN(date.getTime())) {
    errors[field] = ["Enter an ISO 8601 date-time, e.g. 2026-11-30T08:00:00Z."];
    return undefined;
  }
  return date;
}

export function auditFilters(url: URL): Prisma.AuditEventWhereInput {
  const q = url.searchParams;
  const errors: FieldErrors = {};
  const since = instant(q.get("since"), "since", errors);
  const until = instant(q.get("until"), "until", errors);
  const client = q.get("client");
  if (client && !isId(client)) errors.client = ["Enter a school id."];
  const action = q.get("action")?.trim().slice(0, 64);
  if (Object.keys(errors).length) throw ApiError.invalid(errors);
  const actor = q.get("actor")?.trim().slice(0, 254);
  return {
    ...(since || until ? { at: { ...(since ? { gte: since } : {}), ...(until ? { lte: until } : {}) } } : {}),
    ...(client ? { clientId: client.toLowerCase() } : {}),
    ...(action ? (action.endsWith("*") ? { action: { startsWith: action.slice(0, -1) } } : { action }) : {}),
    ...(actor ? (isId(actor) ? { OR: [{ actorUserId: actor.toLowerCase() }, { actorKeyId: actor.toLowerCase() }] } : { actorLabel: { contains: actor.toLowerCase() } }) : {}),
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

// Reading an audit page's URL for the console (every event) or a school's portal (its own trail),
// with the REST lists' own query schemas: what they refuse comes back as field errors to show beside
// the filter, and no list is read until the filters make sense.
import { AuditListQuery, SchoolAuditListQuery } from "@/lib/audit/list-audit";
import type { FieldErrors } from "@/lib/http/api-error";
import { zodFieldErrors } from "@/lib/http/errors";
import { queryObject, withPageSize } from "@/lib/http/query";
import { keptParams } from "@/lib/pages/list-page";

type SearchParams = Record<string, string | string[] | undefined>;

/** The filters as the page's fields hold them (and its links keep them). */
export interface AuditFilterValues {
  actor: string;
  action: string;
  target_type: string;
  target: string;
  since: string;
  until: string;
  /** The console's school filter: a school id. */
  school: string;
  ordering: string;
}

const KEYS = ["actor", "action", "target_type", "target", "since", "until", "school", "ordering"] as const;

export const AUDIT_PAGE_SIZE = 50;

export function readAuditFilters(params: SearchParams, trail: "platform" | "school") {
  const kept = keptParams(params, trail === "platform" ? KEYS : KEYS.filter((k) => k !== "school"));
  const values = Object.fromEntries(KEYS.map((k) => [k, kept[k] ?? ""])) as unknown as AuditFilterValues;
  const page = keptParams(params, ["page"]).page;
  const { school, ...filters } = kept;
  const raw = queryObject({ ...filters, page, ...(trail === "platform" && school ? { client: school } : {}) });
  const errors: FieldErrors = {};
  let query = null;
  if (trail === "platform") {
    const parsed = AuditListQuery.safeParse(raw);
    if (parsed.success) query = { trail, options: withPageSize(parsed.data, AUDIT_PAGE_SIZE) } as const;
    else for (const [k, v] of Object.entries(zodFieldErrors(parsed.error))) errors[k === "client" ? "school" : k] = v;
  } else {
    const parsed = SchoolAuditListQuery.safeParse(raw);
    if (parsed.success) query = { trail, options: withPageSize(parsed.data, AUDIT_PAGE_SIZE) } as const;
    else Object.assign(errors, zodFieldErrors(parsed.error));
  }
  const since = query?.options.since;
  const until = query?.options.until;
  if (since && until && since > until) {
    errors.until = ["Until is before since: nothing can match."];
    query = null;
  }
  return { kept, values, errors, query };
}

// The audit log: who did what, when, from where — filterable, newest first. Read-only for all.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AuditFilters, type AuditFilterValues } from "@/components/console/audit/audit-filters";
import { AuditTable } from "@/components/console/audit/audit-table";
import { AuditListQuery, listAuditEvents } from "@/lib/audit/list-audit";
import { queryObject, withPageSize } from "@/lib/http/query";
import { requireConsoleUser } from "@/lib/console/console-session";
import { ApiError, type FieldErrors } from "@/lib/http/api-error";
import { zodFieldErrors } from "@/lib/http/errors";
import { schoolOptions } from "@/lib/console/school-options";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim();

/**
 * A datetime-local value ("2026-11-30T08:00") has no zone; the form says UTC, so it is read as
 * UTC. `until` covers its whole minute. Anything else goes through as typed, for the list's own
 * validation to refuse with a field error.
 */
function utcInstant(value: string, edge: "start" | "end"): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?$/.exec(value);
  if (!m) return value;
  return `${m[1]}T${m[2]}${m[3] ?? (edge === "end" ? ":59.999" : ":00")}Z`;
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireConsoleUser();
  const params = await searchParams;
  const values: AuditFilterValues = {
    actor: first(params.actor),
    school: first(params.school),
    action: first(params.action),
    since: first(params.since),
    until: first(params.until),
  };
  const page = first(params.page);

  // The REST list's own query schema: what it refuses is shown beside the filter's field.
  const parsed = AuditListQuery.safeParse(
    queryObject({
      actor: values.actor,
      client: values.school,
      action: values.action,
      page,
      since: values.since ? utcInstant(values.since, "start") : undefined,
      until: values.until ? utcInstant(values.until, "end") : undefined,
    }),
  );
  const errors: FieldErrors = parsed.success
    ? {}
    : Object.fromEntries(Object.entries(zodFieldErrors(parsed.error)).map(([k, v]) => [k === "client" ? "school" : k, v]));
  const [list, schools] = await Promise.all([
    !parsed.success
      ? null
      : listAuditEvents(withPageSize(parsed.data, PAGE_SIZE)).catch((error) => {
          if (error instanceof ApiError && error.status === 404) return "past-end" as const;
          throw error;
        }),
    schoolOptions(),
  ]);
  const query = Object.fromEntries(Object.entries(values).filter(([, v]) => v));
  if (list === "past-end") redirect(`/console/audit?${new URLSearchParams(query)}`);

  const since = new Date(utcInstant(values.since, "start")).getTime();
  const until = new Date(utcInstant(values.until, "end")).getTime();
  const sinceAfterUntil = list !== null && since > until; // both readable (NaN compares false), in the wrong order
  return (
    <>
      <PageHeader title="Audit log" description="Sign-ins, changes to schools, staff and API keys — newest first. Times are UTC." />
      <AuditFilters
        values={values}
        schools={schools}
        errors={sinceAfterUntil ? { ...errors, until: ["Until is before since: nothing can match."] } : errors}
      />
      {list === null ? (
        <p role="alert" className="rounded-lg border border-dashed border-red-300 bg-white p-8 text-center text-sm text-red-800">
          Some filters could not be read. Correct the fields marked above to see events.
        </p>
      ) : (
        <>
          <AuditTable
            rows={list.results}
            schoolNames={Object.fromEntries(schools.map((s) => [s.id, s.name]))}
            filtered={Object.keys(query).length > 0}
          />
          <Pagination page={list.page} pageSize={PAGE_SIZE} count={list.count} basePath="/console/audit" query={query} />
        </>
      )}
    </>
  );
}

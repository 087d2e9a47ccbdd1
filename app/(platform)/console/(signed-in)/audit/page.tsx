// The audit log: who did what, about what, when, from where — every school's events and the
// platform's, filterable, newest first. Read-only for every platform role.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Combobox } from "@/components/ui/combobox";
import { ListEmpty } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { searchSchoolsAction } from "@/lib/console/actions/picker-actions";
import { requireConsoleUser } from "@/lib/console/console-session";
import { schoolNames } from "@/lib/console/school-names";
import { ApiError } from "@/lib/http/api-error";
import { readAuditFilters } from "@/lib/pages/audit-page";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/console/audit";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireConsoleUser();
  const { kept, values, errors, query } = readAuditFilters(await searchParams, "platform");
  const list = query
    ? await listAuditEvents(query.options).catch((error) => {
        if (error instanceof ApiError && error.status === 404) return "past-end" as const;
        throw error;
      })
    : null;
  if (list === "past-end") redirect(`${BASE_PATH}?${new URLSearchParams(kept)}`);
  const names = await schoolNames([...(list?.results.map((e) => e.client) ?? []), values.school]);
  const filterSchool = values.school && names[values.school] ? { id: values.school, label: names[values.school] } : null;
  const targetNote = values.target ? list?.results.find((e) => e.target_id === values.target)?.target_label : undefined;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Sign-ins and every change to schools, staff, students, classes and API keys — newest first."
      />
      <AuditFilters
        trail="platform"
        basePath={BASE_PATH}
        values={values}
        errors={errors}
        targetNote={targetNote ?? undefined}
        school={
          <Combobox
            label="School"
            name="school"
            placeholder="Any school, and the platform"
            defaultValue={filterSchool}
            search={searchSchoolsAction}
            error={errors.school?.join(" ")}
            className="sm:w-64"
          />
        }
      />
      {list === null ? (
        <p role="alert" className="rounded-lg border border-dashed border-red-300 bg-white p-8 text-center text-sm text-red-800">
          Some filters could not be read. Correct the fields marked above to see events.
        </p>
      ) : (
        <>
          <AuditTable
            rows={list.results}
            schoolNames={names}
            empty={
              <ListEmpty filtered={Object.keys(kept).length > 0} what="events" clearHref={BASE_PATH}>
                Sign-ins and changes appear here as they happen.
              </ListEmpty>
            }
          />
          <Pagination page={list.page} pageSize={list.pageSize} count={list.count} basePath={BASE_PATH} query={kept} />
        </>
      )}
    </>
  );
}

// The audit log: who did what, about what, when, from where — every school's events and the
// platform's, filterable, newest first. Read-only for every platform role.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditResults } from "@/components/audit/audit-results";
import { Combobox } from "@/components/ui/combobox";
import { PageHeader } from "@/components/ui/page-header";
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
      <AuditResults
        list={list}
        kept={kept}
        basePath={BASE_PATH}
        schoolNames={names}
        emptyText="Sign-ins and changes appear here as they happen."
      />
    </>
  );
}

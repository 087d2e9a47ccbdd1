// A school's own audit log, for staff who may view roles (they decide who may do what, so they
// see what was done): the same list as GET /api/v1/school/audit/, under the school's row-level
// security — nothing of another school, no platform account, no global key is named.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditResults } from "@/components/audit/audit-results";
import { PageHeader } from "@/components/ui/page-header";
import { NoAccess } from "@/components/portal/no-access";
import { listSchoolAuditEvents } from "@/lib/audit/list-audit";
import { ApiError } from "@/lib/http/api-error";
import { readAuditFilters } from "@/lib/pages/audit-page";
import { portalContext } from "@/lib/portal/portal-context";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/audit";

export default async function SchoolAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { school, can } = await portalContext();
  if (!can("roles.view")) return <NoAccess section="Audit log" permission="roles.view" />;
  const { kept, values, errors, query } = readAuditFilters(await searchParams, "school");
  const list = query
    ? await listSchoolAuditEvents({ ...query.options, schoolId: school.id }).catch((error) => {
        if (error instanceof ApiError && error.status === 404) return "past-end" as const;
        throw error;
      })
    : null;
  if (list === "past-end") redirect(`${BASE_PATH}?${new URLSearchParams(kept)}`);
  const targetNote = values.target ? list?.results.find((e) => e.target_id === values.target)?.target_label : undefined;
  return (
    <>
      <PageHeader title="Audit log" description={`Sign-ins and every change in ${school.name} — newest first.`} />
      <AuditFilters trail="school" basePath={BASE_PATH} values={values} errors={errors} targetNote={targetNote ?? undefined} />
      <AuditResults
        list={list}
        kept={kept}
        basePath={BASE_PATH}
        emptyText="Sign-ins and changes in this school appear here as they happen."
      />
    </>
  );
}

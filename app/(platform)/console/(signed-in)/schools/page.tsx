// Schools: search, status filter, sorting and pages over GET /api/v1/system/clients/'s own query
// (listSchools), with write controls only for roles that may write (the actions check again).
import type { Metadata } from "next";
import { SORT_OPTIONS } from "@/lib/pages/sort-options";
import { ListEmpty } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { NewSchoolButton } from "@/components/console/schools/new-school-dialog";
import { SchoolsTable } from "@/components/console/schools/schools-table";
import { requireConsoleUser } from "@/lib/console/console-session";
import { inputRules } from "@/lib/env";
import { keptParams, listPage, listQueryOf } from "@/lib/pages/list-page";
import { SchoolListQuery } from "@/lib/platform/client-schemas";
import { canWrite } from "@/lib/platform/policy";
import { listSchools } from "@/lib/platform/schools";

export const metadata: Metadata = { title: "Schools" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/console/schools";
export default async function SchoolsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user } = await requireConsoleUser();
  const writable = canWrite(user);
  const params = await searchParams;
  const kept = keptParams(params, ["search", "is_active", "ordering"]);
  const result = await listPage(BASE_PATH, kept, () => listSchools(listQueryOf(SchoolListQuery, params)));
  const rules = inputRules();
  const filtered = Boolean(kept.search || kept.is_active);
  return (
    <>
      <PageHeader
        title="Schools"
        description={
          writable
            ? "Every school on the platform: create, edit, suspend or delete them."
            : "Every school on the platform. Your role may only read."
        }
        actions={writable ? <NewSchoolButton rules={rules} /> : undefined}
      />
      <ListToolbar
        basePath={BASE_PATH}
        label="Search schools"
        search={{ value: kept.search ?? "", placeholder: "Name, slug or domain", maxLength: 200 }}
        filters={
          <div className="sm:w-40">
            <SelectField label="Status" name="is_active" defaultValue={kept.is_active ?? ""}>
              <option value="">Any status</option>
              <option value="true">Active</option>
              <option value="false">Suspended</option>
            </SelectField>
          </div>
        }
        sort={{ value: kept.ordering ?? "", options: SORT_OPTIONS.schools }}
        active={filtered}
      />
      <SchoolsTable
        schools={result.results}
        canWrite={writable}
        rules={rules}
        empty={
          <ListEmpty
            filtered={filtered}
            what="schools"
            clearHref={BASE_PATH}
            action={writable ? <NewSchoolButton rules={rules} /> : undefined}
          >
            {writable ? "Create the first school with its first administrator." : "Schools appear here once a platform admin creates them."}
          </ListEmpty>
        }
      />
      <Pagination page={result.page} pageSize={result.pageSize} count={result.count} basePath={BASE_PATH} query={kept} />
    </>
  );
}

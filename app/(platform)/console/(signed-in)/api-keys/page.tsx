// API keys: status and school filters, sorting and pages over GET /api/v1/system/api-keys/'s own
// query (listApiKeys). Every platform user sees them; platform admins and superadmins create, edit,
// rotate and revoke (the actions check again).
import type { Metadata } from "next";
import { Combobox } from "@/components/ui/combobox";
import { searchSchoolsAction } from "@/lib/console/actions/picker-actions";
import { SORT_OPTIONS } from "@/lib/pages/sort-options";
import { ListEmpty } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ApiKeysTable } from "@/components/console/api-keys/api-keys-table";
import { NewApiKeyButton } from "@/components/console/api-keys/new-api-key-dialog";
import { ApiKeyListQuery } from "@/lib/api-keys/api-key-schemas";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { requireConsoleUser } from "@/lib/console/console-session";
import { schoolNames } from "@/lib/console/school-names";
import { keptParams, listPage, listQueryOf } from "@/lib/pages/list-page";
import { canWrite } from "@/lib/platform/policy";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/console/api-keys";
// The school filter's value for keys bound to no school (the list's `client=null`).
const GLOBAL_KEYS = { id: "global", label: "Global keys only" };
export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user } = await requireConsoleUser();
  const params = await searchParams;
  // The page's own words for the list's filters: `status` (active, revoked) and `school` (an id, or global).
  const kept = keptParams(params, ["status", "school", "ordering"]);
  const query = listQueryOf(ApiKeyListQuery, {
    ...params,
    revoked: kept.status === "active" ? "false" : kept.status === "revoked" ? "true" : undefined,
    client: kept.school === GLOBAL_KEYS.id ? "null" : kept.school,
  });
  const result = await listPage(BASE_PATH, kept, () => listApiKeys(query));
  const names = await schoolNames([...result.results.map((k) => k.client), query.client]);
  const filterSchool =
    query.client === null ? GLOBAL_KEYS : query.client ? { id: query.client, label: names[query.client] ?? "A deleted school" } : null;
  const writer = canWrite(user);
  const filtered = Boolean(kept.status || kept.school);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          writer
            ? "Keys for scripts and integrations calling the school API. A key is shown once, when it is created or rotated."
            : "Keys for scripts and integrations calling the school API. Your role may only read them."
        }
        actions={writer ? <NewApiKeyButton /> : undefined}
      />
      <ListToolbar
        basePath={BASE_PATH}
        label="Filter API keys"
        filters={
          <>
            <div className="sm:w-48">
              <SelectField label="Status" name="status" defaultValue={kept.status ?? ""}>
                <option value="">Any status</option>
                <option value="active">Not revoked</option>
                <option value="revoked">Revoked</option>
              </SelectField>
            </div>
            <Combobox
              label="School"
              name="school"
              placeholder="Any school"
              defaultValue={filterSchool}
              search={searchSchoolsAction}
              noneOption={GLOBAL_KEYS}
              className="sm:w-64"
            />
          </>
        }
        sort={{ value: kept.ordering ?? "", options: SORT_OPTIONS.apiKeys }}
        active={filtered}
      />
      <ApiKeysTable
        rows={result.results}
        schoolNames={names}
        canWrite={writer}
        now={new Date().toISOString()}
        empty={
          <ListEmpty filtered={filtered} what="API keys" clearHref={BASE_PATH} action={writer ? <NewApiKeyButton /> : undefined}>
            {writer
              ? "Create one for a script or an integration that calls a school's API."
              : "Keys appear here once a platform admin creates them."}
          </ListEmpty>
        }
      />
      <Pagination page={result.page} pageSize={result.pageSize} count={result.count} basePath={BASE_PATH} query={kept} />
    </>
  );
}

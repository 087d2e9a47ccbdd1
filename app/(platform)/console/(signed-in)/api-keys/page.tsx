// API keys: every platform user sees them; platform admins and superadmins create and revoke.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ApiKeyFilters } from "@/components/console/api-keys/api-key-filters";
import { ApiKeysTable } from "@/components/console/api-keys/api-keys-table";
import { NewApiKeyDialog } from "@/components/console/api-keys/new-api-key-dialog";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { ApiKeyListQuery } from "@/lib/api-keys/api-key-schemas";
import { pageQuery, withPageSize } from "@/lib/http/query";
import { requireConsoleUser } from "@/lib/console/console-session";
import { ApiError } from "@/lib/http/api-error";
import { canWrite } from "@/lib/platform/policy";
import { schoolOptions } from "@/lib/console/school-options";

export const metadata: Metadata = { title: "API keys" };

const PAGE_SIZE = 25;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function ApiKeysPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireConsoleUser();
  const params = await searchParams;
  const status = first(params.status);
  const school = first(params.school);
  const page = first(params.page);

  const query = withPageSize(
    pageQuery(ApiKeyListQuery, {
      revoked: status === "active" || status === "revoked" ? String(status === "revoked") : undefined,
      client: school ? (school === "global" ? "null" : school) : undefined,
      page,
    }),
    PAGE_SIZE,
  );

  const [list, schools] = await Promise.all([
    listApiKeys(query).catch((error) => {
      if (error instanceof ApiError && error.status === 404) return null; // a page past the end
      throw error;
    }),
    schoolOptions(),
  ]);
  if (!list) redirect(`/console/api-keys?${new URLSearchParams({ ...(status ? { status } : {}), ...(school ? { school } : {}) })}`);

  const writer = canWrite(user);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          writer
            ? "Keys for scripts and integrations calling the school API. A key is shown once, when it is created."
            : "Keys for scripts and integrations calling the school API. Your role may only read them."
        }
        actions={writer ? <NewApiKeyDialog schools={schools.map(({ id, name, slug }) => ({ id, name, slug }))} /> : undefined}
      />
      <ApiKeyFilters status={status} school={school} schools={schools} />
      <ApiKeysTable
        rows={list.results}
        schoolNames={Object.fromEntries(schools.map((s) => [s.id, s.name]))}
        canWrite={writer}
        now={new Date().toISOString()}
        filtered={Boolean(status || school)}
      />
      <Pagination page={list.page} pageSize={PAGE_SIZE} count={list.count} basePath="/console/api-keys" query={{ status, school }} />
    </>
  );
}

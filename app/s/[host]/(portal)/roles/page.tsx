// Roles: the school's roles over GET /api/v1/school/roles/'s own query (listRoles); create and
// edit them with a permission matrix limited to what the user holds (the actions check again).
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ListSearch } from "@/components/portal/list-search";
import { NoAccess } from "@/components/portal/no-access";
import { NewRoleButton } from "@/components/portal/roles/role-form-dialog";
import { RolesTable } from "@/components/portal/roles/roles-table";
import { listPage, listQueryOf } from "@/lib/pages/list-page";
import { portalContext } from "@/lib/portal/portal-context";
import { RoleListQuery } from "@/lib/school/school-schemas";
import { listRoles } from "@/lib/school/roles";

export const metadata: Metadata = { title: "Roles" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/roles";

export default async function RolesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { school, can, permissions } = await portalContext();
  if (!can("roles.view")) return <NoAccess section="Roles" permission="roles.view" />;
  const params = await searchParams;
  const query = listQueryOf(RoleListQuery, params);
  const search = query.search ?? "";
  const result = await listPage(BASE_PATH, { search }, () => listRoles({ schoolId: school.id, ...query }));
  const held = [...permissions].sort();
  return (
    <>
      <PageHeader
        title="Roles"
        description="What each role lets its holders do in this school. Nobody can grant a permission they do not hold."
        actions={can("roles.add") ? <NewRoleButton held={held} /> : undefined}
      />
      <ListSearch basePath={BASE_PATH} label="Roles" search={search} placeholder="Role name" />
      <RolesTable
        roles={result.results}
        held={held}
        canChange={can("roles.change")}
        canDelete={can("roles.delete")}
        searching={Boolean(search)}
      />
      {result.count > 0 ? (
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          count={result.count}
          basePath={BASE_PATH}
          query={{ search: search || undefined }}
        />
      ) : null}
    </>
  );
}

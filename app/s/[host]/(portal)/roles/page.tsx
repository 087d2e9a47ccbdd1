// Roles: the school's roles over GET /api/v1/school/roles/'s own query (listRoles): search,
// sorting and pages; create and edit them with a permission matrix limited to what the user holds,
// delete them (the actions check again).
import type { Metadata } from "next";
import { SORT_OPTIONS } from "@/lib/pages/sort-options";
import { ListEmpty } from "@/components/ui/empty-state";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { NoAccess } from "@/components/portal/no-access";
import { NewRoleButton } from "@/components/portal/roles/role-form-dialog";
import { RolesTable } from "@/components/portal/roles/roles-table";
import { keptParams, listPage, listQueryOf } from "@/lib/pages/list-page";
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
  const kept = keptParams(params, ["search", "ordering"]);
  const query = listQueryOf(RoleListQuery, params);
  const result = await listPage(BASE_PATH, kept, () => listRoles({ schoolId: school.id, ...query }));
  const held = [...permissions].sort();
  const canAdd = can("roles.add");
  const filtered = Boolean(kept.search);
  return (
    <>
      <PageHeader
        title="Roles"
        description="What each role lets its holders do in this school. Nobody can grant a permission they do not hold."
        actions={canAdd ? <NewRoleButton held={held} /> : undefined}
      />
      <ListToolbar
        basePath={BASE_PATH}
        label="Search roles"
        search={{ value: kept.search ?? "", placeholder: "Role name" }}
        sort={{ value: kept.ordering ?? "", options: SORT_OPTIONS.roles }}
        active={filtered}
      />
      <RolesTable
        roles={result.results}
        held={held}
        canChange={can("roles.change")}
        canDelete={can("roles.delete")}
        empty={
          <ListEmpty filtered={filtered} what="roles" clearHref={BASE_PATH} action={canAdd ? <NewRoleButton held={held} /> : undefined}>
            {canAdd
              ? "Create a role, then give it to staff on the Staff page."
              : "Roles appear here once someone with the right role creates them."}
          </ListEmpty>
        }
      />
      <Pagination page={result.page} pageSize={result.pageSize} count={result.count} basePath={BASE_PATH} query={kept} />
    </>
  );
}

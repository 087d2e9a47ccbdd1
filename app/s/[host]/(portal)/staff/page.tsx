// Staff: search and pages over GET /api/v1/school/users/'s own query (listStaff); create staff
// with roles, deactivate / reactivate them — for users whose roles allow it (the actions check again).
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ListSearch } from "@/components/portal/list-search";
import { NoAccess } from "@/components/portal/no-access";
import { NewSchoolStaffDialog } from "@/components/portal/school-staff/new-school-staff-dialog";
import { SchoolStaffTable } from "@/components/portal/school-staff/school-staff-table";
import { allRows, listPage, listQueryOf } from "@/lib/pages/list-page";
import { portalContext } from "@/lib/portal/portal-context";
import { StaffListQuery } from "@/lib/school/school-schemas";
import { listRoles } from "@/lib/school/roles";
import { listStaff } from "@/lib/school/staff";

export const metadata: Metadata = { title: "Staff" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/staff";

export default async function StaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { school, principal, can, permissions } = await portalContext();
  if (!can("users.view")) return <NoAccess section="Staff" permission="users.view" />;
  const params = await searchParams;
  const query = listQueryOf(StaffListQuery, params);
  const search = query.search ?? "";
  const result = await listPage(BASE_PATH, { search }, () => listStaff({ schoolId: school.id, ...query }));
  const canAdd = can("users.add");
  const canChange = can("users.change");

  // Which roles the viewer could hand out, and so which colleagues are within their reach. Only
  // these yes/no answers reach the browser, not the roles' permissions.
  const roles = canAdd || canChange ? await allRows((page) => listRoles({ schoolId: school.id, page })) : [];
  const grantable = new Map(roles.map((r) => [r.id, r.permissions.every((p) => permissions.has(p))]));
  const rows = result.results.map((u) => ({
    id: u.id,
    name: u.full_name || u.email || u.phone || "Unnamed",
    email: u.email,
    phone: u.phone,
    roles: u.roles.map((r) => r.name),
    is_active: u.is_active,
    teacher: u.teacher ? [u.teacher.employee_number, ...u.teacher.subjects].join(" · ") : null,
    isSelf: u.id === principal.user.id,
    manageable: u.id !== principal.user.id && u.roles.every((r) => grantable.get(r.id) === true),
  }));

  return (
    <>
      <PageHeader
        title="Staff"
        description={`The staff accounts of ${school.name}.`}
        actions={
          canAdd ? (
            <NewSchoolStaffDialog roles={roles.map((r) => ({ name: r.name, grantable: grantable.get(r.id) === true }))} />
          ) : undefined
        }
      />
      <ListSearch basePath={BASE_PATH} label="Staff" search={search} placeholder="Name, email or phone" />
      <SchoolStaffTable staff={rows} canChange={canChange} searching={Boolean(search)} />
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

// Staff: search, status filter, sorting and pages over GET /api/v1/school/users/'s own query
// (listStaff); create staff with roles, edit them, deactivate / reactivate them — for users whose
// roles allow it (the actions check again). Each name leads to the member's page; roles with a
// term say so ("Head · until 31 Mar").
import type { Metadata } from "next";
import { SORT_OPTIONS } from "@/lib/pages/sort-options";
import { EmptyState, NoMatches } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { NoAccess } from "@/components/portal/no-access";
import { NewStaffButton } from "@/components/portal/school-staff/staff-form-dialog";
import { termState } from "@/components/portal/school-staff/term-state";
import { SchoolStaffTable } from "@/components/portal/school-staff/school-staff-table";
import { inputRules } from "@/lib/env";
import { allRows, keptParams, listPage, listQueryOf } from "@/lib/pages/list-page";
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
  const kept = keptParams(params, ["search", "is_active", "ordering"]);
  const query = listQueryOf(StaffListQuery, params);
  const result = await listPage(BASE_PATH, kept, () => listStaff({ schoolId: school.id, ...query }));
  const canAdd = can("users.add");
  const canChange = can("users.change");
  const rules = inputRules();

  // Which roles the viewer could hand out, and so which colleagues are within their reach. Only
  // these yes/no answers reach the browser, not the roles' permissions. (A school's roles are few:
  // the largest page the API serves holds them.)
  const schoolRoles = canAdd || canChange ? await allRows((page) => listRoles({ schoolId: school.id, page })) : [];
  const grantable = new Map(schoolRoles.map((r) => [r.id, r.permissions.every((p) => permissions.has(p))]));
  const roles = schoolRoles.map((r) => ({ name: r.name, grantable: grantable.get(r.id) === true }));
  const now = new Date();
  const rows = result.results.map((u) => ({
    id: u.id,
    full_name: u.full_name,
    email: u.email,
    phone: u.phone,
    roles: u.roles.map((r) => r.name),
    teacher: u.teacher,
    is_active: u.is_active,
    status: u.status,
    last_login: u.last_login,
    date_joined: u.date_joined,
    isSelf: u.id === principal.user.id,
    withinReach: u.roles.every((r) => grantable.get(r.id) === true),
    terms: u.role_terms.map((t) => ({
      role: t.role.name,
      starts_at: t.starts_at,
      ends_at: t.ends_at,
      state: termState(t, now),
    })),
  }));

  const filtered = Boolean(kept.search || kept.is_active);
  const newButton = canAdd ? <NewStaffButton rules={rules} roles={roles} /> : undefined;
  return (
    <>
      <PageHeader title="Staff" description={`The staff accounts of ${school.name}.`} actions={newButton} />
      <ListToolbar
        basePath={BASE_PATH}
        label="Search staff"
        search={{ value: kept.search ?? "", placeholder: "Name, email or phone", maxLength: 200 }}
        filters={
          <div className="sm:w-48">
            <SelectField label="Status" name="is_active" defaultValue={query.isActive === undefined ? "" : String(query.isActive)}>
              <option value="">Any status</option>
              <option value="true">Active</option>
              <option value="false">Deactivated</option>
            </SelectField>
          </div>
        }
        sort={{ value: kept.ordering ?? "", options: SORT_OPTIONS.users }}
        active={filtered}
      />
      <SchoolStaffTable
        staff={rows}
        rules={rules}
        roles={roles}
        canChange={canChange}
        canChangeRoles={can("roles.change")}
        canInvite={canAdd}
        empty={
          filtered ? (
            <NoMatches what="staff members" clearHref={BASE_PATH} />
          ) : (
            <EmptyState title="No staff yet." action={newButton}>
              {canAdd
                ? "Add the first staff member and give them a role."
                : "Staff appear here once someone with the right role adds them."}
            </EmptyState>
          )
        }
      />
      <Pagination page={result.page} pageSize={result.pageSize} count={result.count} basePath={BASE_PATH} query={kept} />
    </>
  );
}

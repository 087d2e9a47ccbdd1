// Platform staff: search, role filter, sorting and pages over GET /api/v1/system/users/'s own query
// (listPlatformUsers). Every platform user sees the list; only a superadmin gets the controls (the
// actions check again).
import type { Metadata } from "next";
import { SORT_OPTIONS } from "@/lib/pages/sort-options";
import { EmptyState, NoMatches } from "@/components/ui/empty-state";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { NewPlatformStaffButton } from "@/components/console/platform-staff/new-platform-staff-dialog";
import { PlatformRoleSelect } from "@/components/console/platform-staff/platform-roles";
import { PlatformStaffTable } from "@/components/console/platform-staff/platform-staff-table";
import { requireConsoleUser } from "@/lib/console/console-session";
import { inputRules } from "@/lib/env";
import { keptParams, listPage, listQueryOf } from "@/lib/pages/list-page";
import { listPlatformUsers } from "@/lib/platform/platform-users";
import { PlatformUserListQuery } from "@/lib/users/user-schemas";

export const metadata: Metadata = { title: "Platform staff" };
export const dynamic = "force-dynamic";

const BASE_PATH = "/console/staff";
export default async function StaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user } = await requireConsoleUser();
  const params = await searchParams;
  const kept = keptParams(params, ["search", "platform_role", "ordering"]);
  const result = await listPage(BASE_PATH, kept, () => listPlatformUsers(listQueryOf(PlatformUserListQuery, params)));
  const isSuperadmin = user.platformRole === "superadmin";
  const rules = inputRules();
  const filtered = Boolean(kept.search || kept.platform_role);
  return (
    <>
      <PageHeader
        title="Platform staff"
        description={
          isSuperadmin
            ? "The people who run this platform. Deactivating or deleting an account ends its sessions at once."
            : "The people who run this platform. Only a superadmin can add or change platform staff."
        }
        actions={isSuperadmin ? <NewPlatformStaffButton rules={rules} /> : undefined}
      />
      <ListToolbar
        basePath={BASE_PATH}
        label="Search platform staff"
        search={{ value: kept.search ?? "", placeholder: "Name, email or phone", maxLength: 200 }}
        filters={
          <div className="sm:w-56">
            <PlatformRoleSelect label="Role" name="platform_role" defaultValue={kept.platform_role ?? ""} any="Any role" />
          </div>
        }
        sort={{ value: kept.ordering ?? "", options: SORT_OPTIONS.users }}
        active={filtered}
      />
      <PlatformStaffTable
        rows={result.results}
        canManage={isSuperadmin}
        currentUserId={user.id}
        rules={rules}
        empty={
          filtered ? (
            <NoMatches what="staff members" clearHref={BASE_PATH} />
          ) : (
            <EmptyState title="No platform staff yet." action={isSuperadmin ? <NewPlatformStaffButton rules={rules} /> : undefined}>
              {isSuperadmin ? "Add the people who run the platform with you." : "A superadmin adds platform staff."}
            </EmptyState>
          )
        }
      />
      <Pagination page={result.page} pageSize={result.pageSize} count={result.count} basePath={BASE_PATH} query={kept} />
    </>
  );
}

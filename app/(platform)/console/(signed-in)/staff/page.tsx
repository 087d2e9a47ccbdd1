// Platform staff: every platform user can see the list; only a superadmin gets the controls.
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { NewPlatformStaffDialog } from "@/components/console/platform-staff/new-platform-staff-dialog";
import { PlatformStaffFilters } from "@/components/console/platform-staff/platform-staff-filters";
import { PlatformStaffTable } from "@/components/console/platform-staff/platform-staff-table";
import { requireConsoleUser } from "@/lib/console/console-session";
import { env } from "@/lib/env";
import { listPlatformUsers } from "@/lib/platform/platform-users";
import { PlatformUserListQuery } from "@/lib/users/user-schemas";
import { listPage, listQueryOf } from "@/lib/pages/list-page";

export const metadata: Metadata = { title: "Platform staff" };

const PAGE_SIZE = 25;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function StaffPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireConsoleUser();
  const params = await searchParams;
  const search = first(params.search).trim();
  const role = first(params.role);
  const page = first(params.page);

  const list = await listPage("/console/staff", { search, role }, () =>
    listPlatformUsers(listQueryOf(PlatformUserListQuery, { search, platform_role: role, page }, PAGE_SIZE)),
  );

  const isSuperadmin = user.platformRole === "superadmin";
  return (
    <>
      <PageHeader
        title="Platform staff"
        description={
          isSuperadmin
            ? "The people who run this platform. Deactivating or deleting an account ends its sessions at once."
            : "The people who run this platform. Only a superadmin can add or change platform staff."
        }
        actions={isSuperadmin ? <NewPlatformStaffDialog passwordMinLength={env().SMS_PASSWORD_MIN_LENGTH} /> : undefined}
      />
      <PlatformStaffFilters search={search} role={role} />
      <PlatformStaffTable rows={list.results} canManage={isSuperadmin} currentUserId={user.id} filtered={Boolean(search || role)} />
      <Pagination page={list.page} pageSize={PAGE_SIZE} count={list.count} basePath="/console/staff" query={{ search, role }} />
    </>
  );
}

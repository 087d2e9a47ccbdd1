// One school: its details and actions (the list's own: edit, suspend / reactivate, delete), a link
// to its portal, its two-factor policy for staff, its domains, its numbers, its staff with their roles (set a temporary password,
// deactivate / reactivate, add another admin) and its latest audit events. Every platform role
// reads it; the write controls only show for those who may write, and the server actions check
// again. An unknown or malformed id is the branded 404.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityList } from "@/components/audit/activity-list";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Detail } from "@/components/ui/detail";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Time } from "@/components/ui/time";
import { AddSchoolAdminButton } from "@/components/console/schools/add-school-admin-dialog";
import { SchoolRowActions } from "@/components/console/schools/school-row-actions";
import { SchoolUsersTable } from "@/components/console/schools/school-users-table";
import { MfaPolicyForm } from "@/components/school-settings/mfa-policy-form";
import { setSchoolMfaPolicyAction } from "@/lib/console/actions/school-actions";
import { staffName } from "@/components/portal/school-staff/staff-name";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { requireConsoleUser } from "@/lib/console/console-session";
import { schoolNames } from "@/lib/console/school-names";
import { portalSignInUrl } from "@/lib/console/school-portal-url";
import { inputRules } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { isId } from "@/lib/http/ids";
import { keptParams, listPage, listQueryOf } from "@/lib/pages/list-page";
import { SchoolUserListQuery } from "@/lib/platform/client-schemas";
import { canWrite } from "@/lib/platform/policy";
import { schoolCounts } from "@/lib/platform/school-counts";
import { getSchool } from "@/lib/platform/schools";
import { listStaff } from "@/lib/school/staff";

export const dynamic = "force-dynamic";

const LINK = "text-sm font-medium text-slate-700 underline underline-offset-4 hover:text-slate-900";
const RECENT_EVENTS = 8;

async function schoolOr404(id: string) {
  if (!isId(id)) notFound();
  try {
    return await getSchool(id.toLowerCase());
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const names = await schoolNames([id]);
  return { title: names[id.toLowerCase()] ?? "School" };
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value.toLocaleString("en-US")}</dd>
    </div>
  );
}

export default async function SchoolPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requireConsoleUser();
  const school = await schoolOr404((await params).id);
  const writable = canWrite(user);
  const rules = inputRules();
  const basePath = `/console/schools/${school.id}`;
  const query = await searchParams;
  const kept = keptParams(query, ["ordering"]);
  // The staff list's own query (GET /system/clients/{id}/users/), read with their roles.
  const { ordering, page } = listQueryOf(SchoolUserListQuery, query);
  const [counts, staff, activity, portal] = await Promise.all([
    schoolCounts(school.id),
    listPage(basePath, kept, () => listStaff({ schoolId: school.id, ordering, page })),
    listAuditEvents({ client: school.id, page: { page: 1, pageSize: RECENT_EVENTS } }),
    portalSignInUrl(school.slug),
  ]);
  const users = staff.results.map((u) => ({
    id: u.id,
    name: staffName(u),
    email: u.email,
    phone: u.phone,
    roles: u.roles.map((r) => r.name),
    is_active: u.is_active,
    status: u.status,
    last_login: u.last_login,
  }));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/console/schools" className="underline underline-offset-4">
          ← Schools
        </Link>
      </p>
      <PageHeader title={school.name} description={writable ? undefined : "Your role may only read."} />
      <div className="space-y-8">
        <section aria-labelledby="school-details" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="school-details" className="text-lg font-semibold">
              Details
            </h2>
            {writable ? <SchoolRowActions school={school} rules={rules} afterDelete="/console/schools" /> : null}
          </div>
          <dl className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Detail label="Slug">
              <span className="font-mono">{school.slug}</span>
            </Detail>
            <Detail label="Status">{school.is_active ? <Badge tone="green">Active</Badge> : <Badge tone="amber">Suspended</Badge>}</Detail>
            <Detail label="Created">
              <Time iso={school.created_at} />
            </Detail>
            <Detail label="Portal">
              <a href={portal} target="_blank" rel="noopener" className="underline underline-offset-4">
                Open its portal<span className="sr-only"> (sign-in page of {school.name}, opens in a new tab)</span>
              </a>
              <span className="block break-words font-mono text-xs text-slate-600">{new URL(portal).host}</span>
            </Detail>
          </dl>
        </section>

        <section aria-labelledby="school-sign-in" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <h2 id="school-sign-in" className="text-lg font-semibold">
            Sign-in
          </h2>
          {writable ? (
            <div className="mt-3">
              <MfaPolicyForm required={school.mfa_required} save={setSchoolMfaPolicyAction.bind(null, school.id)} staffOf={school.name} />
            </div>
          ) : (
            <p className="mt-1 text-sm text-slate-700">
              {school.mfa_required
                ? "Staff must turn on two-factor sign-in before anything else."
                : "Two-factor sign-in is up to each member of staff."}
            </p>
          )}
        </section>

        <section aria-labelledby="school-numbers">
          <h2 id="school-numbers" className="mb-3 text-lg font-semibold">
            In numbers
          </h2>
          <dl className="grid grid-cols-3 gap-3 sm:gap-4">
            <Count label="Staff" value={counts.staff} />
            <Count label="Students" value={counts.students} />
            <Count label="Classes" value={counts.classes} />
          </dl>
        </section>

        <section aria-labelledby="school-domains" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <h2 id="school-domains" className="text-lg font-semibold">
            Domains
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Always at <span className="break-words font-mono">{`${school.slug}.${rules.rootDomain}`}</span>
            {school.domains.length ? ", and at these custom domains:" : "; no custom domains."}
          </p>
          {school.domains.length ? (
            <ul aria-label="Custom domains" className="mt-2 space-y-1 break-words font-mono text-sm">
              {school.domains.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </section>

        <section aria-labelledby="school-staff" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="school-staff" className="text-lg font-semibold">
              Staff
            </h2>
            {writable ? <AddSchoolAdminButton school={school} rules={rules} /> : null}
          </div>
          <SchoolUsersTable
            schoolId={school.id}
            users={users}
            canWrite={writable}
            rules={rules}
            empty={<EmptyState title="No staff yet.">{writable ? "Add an admin: they can then add the rest." : null}</EmptyState>}
          />
          <Pagination page={staff.page} pageSize={staff.pageSize} count={staff.count} basePath={basePath} query={kept} />
        </section>

        <section aria-labelledby="school-activity" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="school-activity" className="text-lg font-semibold">
              Recent activity
            </h2>
            <Link href={`/console/audit?school=${school.id}`} className={LINK}>
              All of {school.name}’s events in the audit log
            </Link>
          </div>
          <ActivityList events={activity.results} schoolNames={{ [school.id]: school.name }} />
        </section>
      </div>
    </>
  );
}

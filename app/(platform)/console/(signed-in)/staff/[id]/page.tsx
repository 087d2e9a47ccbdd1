// One platform staff member: their details and, for a superadmin, what the staff list offers on
// their row (PlatformStaffActions: edit, change role, a temporary password, deactivate, delete) —
// the actions check again. Every platform user reads the page, as GET /system/users/{id}/; the
// recent changes to them come from the audit log, which every platform role reads too; their
// sessions, with "Sign out everywhere" for a superadmin. An unknown
// or malformed id, or a school's user, is the branded 404.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityList } from "@/components/audit/activity-list";
import { Badge, UserStatusBadge } from "@/components/ui/badge";
import { Detail, NONE } from "@/components/ui/detail";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { PlatformStaffActions } from "@/components/console/platform-staff/platform-staff-actions";
import { ROLE_TONES, displayName, roleLabel } from "@/components/console/platform-staff/platform-roles";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { requireConsoleUser } from "@/lib/console/console-session";
import { schoolNames } from "@/lib/console/school-names";
import { inputRules } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { isId } from "@/lib/http/ids";
import { getPlatformUser, listPlatformUserSessions } from "@/lib/platform/platform-users";
import { endStaffMemberSessions } from "@/lib/console/actions/platform-staff-actions";
import { sessionRows } from "@/lib/pages/device";
import { PersonSessions } from "@/components/account/person-sessions";

export const metadata: Metadata = { title: "Platform staff member" };
export const dynamic = "force-dynamic";

async function staffOr404(id: string) {
  if (!isId(id)) notFound();
  try {
    return await getPlatformUser(id.toLowerCase());
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function PlatformStaffMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const { user: viewer, sessionId } = await requireConsoleUser();
  const { id } = await params;
  const member = await staffOr404(id);
  const [activity, sessions] = await Promise.all([
    listAuditEvents({ target: member.id, page: { page: 1, pageSize: 5 } }),
    listPlatformUserSessions({ id: member.id, callerSessionId: sessionId }),
  ]);
  const names = await schoolNames(activity.results.map((e) => e.client));
  const name = displayName(member);
  const isSelf = member.id === viewer.id;
  const isSuperadmin = viewer.platformRole === "superadmin";

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/console/staff" className="underline underline-offset-4">
          ← Platform staff
        </Link>
      </p>
      <PageHeader
        title={name}
        description={isSuperadmin ? "Platform staff member" : "Platform staff member. Only a superadmin can change platform staff."}
      />
      <div className="space-y-6">
        <section aria-labelledby="staff-details" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 id="staff-details" className="text-lg font-semibold">
              Details
            </h2>
            {isSuperadmin ? <PlatformStaffActions user={member} isSelf={isSelf} rules={inputRules()} afterDelete="/console/staff" /> : null}
          </div>
          <dl className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Detail label="Name">{member.full_name || NONE}</Detail>
            <Detail label="Email">{member.email ?? NONE}</Detail>
            <Detail label="Phone">{member.phone ?? NONE}</Detail>
            <Detail label="Platform role">
              <Badge tone={member.platform_role ? ROLE_TONES[member.platform_role] : "slate"}>{roleLabel(member.platform_role)}</Badge>
            </Detail>
            <Detail label="Status">
              <UserStatusBadge status={member.status} /> {isSelf ? <Badge>You</Badge> : null}
            </Detail>
            <Detail label="Last sign-in">
              {member.last_login ? <Time iso={member.last_login} /> : <span className="text-slate-600">Never</span>}
            </Detail>
            <Detail label="Joined">
              <Time iso={member.date_joined} />
            </Detail>
          </dl>
          {isSelf ? (
            <p className="mt-4 text-sm text-slate-600">
              Your own password is changed on{" "}
              <Link href="/console/account" className="underline underline-offset-4">
                My account
              </Link>
              .
            </p>
          ) : null}
        </section>
        <PersonSessions
          memberName={name}
          sessions={sessionRows(sessions)}
          canEnd={isSuperadmin}
          isSelf={isSelf}
          endAll={endStaffMemberSessions.bind(null, { id: member.id })}
          selfNote={
            <>
              Your own sessions: end them one by one on{" "}
              <Link href="/console/account" className="underline underline-offset-4">
                My account
              </Link>
              .
            </>
          }
        />
        <section aria-labelledby="staff-activity" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="staff-activity" className="text-lg font-semibold">
              Recent changes to {name}
            </h2>
            <Link href={`/console/audit?target=${member.id}`} className="text-sm underline underline-offset-4">
              All of them in the audit log
            </Link>
          </div>
          <ActivityList events={activity.results} schoolNames={names} />
        </section>
      </div>
    </>
  );
}

// One staff member: details (with Edit, Deactivate / Reactivate — the staff list's own actions —
// and Set password, a temporary one), teacher profile, roles with their terms (add one for good or
// for a term, change its term, remove one), and where they are signed in (with "Sign out
// everywhere"). Needs users.view, as GET /api/v1/school/users/{id}/ does; changes need users.change
// or roles.change, and the server actions check again (the escalation rules, the one-full-admin
// guard). Recent changes to them, for those who may read the audit log (roles.view, as its page).
// An unknown id, or another school's, is the branded 404.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityList } from "@/components/audit/activity-list";
import { Badge, UserStatusBadge } from "@/components/ui/badge";
import { Detail, NONE } from "@/components/ui/detail";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { NoAccess } from "@/components/portal/no-access";
import { StaffActions } from "@/components/portal/school-staff/staff-actions";
import { staffName } from "@/components/portal/school-staff/staff-name";
import { StaffRoles } from "@/components/portal/school-staff/staff-roles";
import { PersonSessions } from "@/components/account/person-sessions";
import { endStaffSessionsAction } from "@/lib/portal/actions/school-staff-actions";
import { termState } from "@/components/portal/school-staff/term-state";
import { inputRules } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { isId } from "@/lib/http/ids";
import { listSchoolAuditEvents } from "@/lib/audit/list-audit";
import { allRows } from "@/lib/pages/list-page";
import { portalContext } from "@/lib/portal/portal-context";
import { listAssignments } from "@/lib/school/role-assignments";
import { listRoles } from "@/lib/school/roles";
import { getStaff, listStaffSessions } from "@/lib/school/staff";
import { sessionRows } from "@/lib/pages/device";

export const metadata: Metadata = { title: "Staff member" };
export const dynamic = "force-dynamic";

async function staffOr404(schoolId: string, id: string) {
  if (!isId(id)) notFound();
  try {
    return await getStaff(schoolId, id.toLowerCase());
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function StaffMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const { school, principal, can, permissions } = await portalContext();
  if (!can("users.view")) return <NoAccess section="Staff" permission="users.view" />;
  const { id } = await params;
  const member = await staffOr404(school.id, id);
  const [schoolRoles, grants, sessions, activity] = await Promise.all([
    allRows((page) => listRoles({ schoolId: school.id, page })),
    allRows((page) => listAssignments({ schoolId: school.id, user: member.id, page })),
    listStaffSessions({ schoolId: school.id, id: member.id, callerSessionId: principal.sessionId }),
    can("roles.view") ? listSchoolAuditEvents({ schoolId: school.id, aboutUser: member.id, page: { page: 1, pageSize: 5 } }) : null,
  ]);
  // Only yes/no answers reach the browser, not the roles' permissions.
  const roles = schoolRoles.map((r) => ({ id: r.id, name: r.name, grantable: r.permissions.every((p) => permissions.has(p)) }));
  const now = new Date();
  const assignments = grants.flatMap((a) => {
    const role = roles.find((r) => r.id === a.role);
    return role ? [{ id: a.id, role, starts_at: a.starts_at, ends_at: a.ends_at, state: termState(a, now) }] : [];
  });
  const name = staffName(member);
  const canChange = can("users.change");
  const canChangeRoles = can("roles.change");
  const row = {
    id: member.id,
    full_name: member.full_name,
    email: member.email,
    phone: member.phone,
    roles: member.roles.map((r) => r.name),
    teacher: member.teacher,
    is_active: member.is_active,
    status: member.status,
    last_login: member.last_login,
    date_joined: member.date_joined,
    isSelf: member.id === principal.user.id,
    withinReach: member.roles.every((held) => roles.find((r) => r.id === held.id)?.grantable === true),
  };

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/staff" className="underline underline-offset-4">
          ← Staff
        </Link>
      </p>
      <PageHeader title={name} description={member.teacher ? "Teacher" : "Staff member"} />
      <div className="space-y-6">
        <section aria-labelledby="staff-details" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="staff-details" className="text-lg font-semibold">
              Details
            </h2>
            {canChange ? (
              <StaffActions
                member={row}
                rules={inputRules()}
                roles={roles}
                canChangeRoles={canChangeRoles}
                canInvite={can("users.add")}
                withPassword
              />
            ) : null}
          </div>
          <dl className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Detail label="Name">{member.full_name || NONE}</Detail>
            <Detail label="Email">{member.email ?? NONE}</Detail>
            <Detail label="Phone">{member.phone ?? NONE}</Detail>
            <Detail label="Status">
              <UserStatusBadge status={member.status} /> {row.isSelf ? <Badge>You</Badge> : null}
            </Detail>
            <Detail label="Last sign-in">
              {member.last_login ? <Time iso={member.last_login} /> : <span className="text-slate-600">Never</span>}
            </Detail>
            <Detail label="Joined">
              <Time iso={member.date_joined} />
            </Detail>
          </dl>
        </section>
        <section aria-labelledby="staff-teacher" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <h2 id="staff-teacher" className="text-lg font-semibold">
            Teacher profile
          </h2>
          {member.teacher ? (
            <dl className="mt-3 grid gap-4 sm:grid-cols-2">
              <Detail label="Employee number">{member.teacher.employee_number}</Detail>
              <Detail label="Subjects">{member.teacher.subjects.length ? member.teacher.subjects.join(", ") : NONE}</Detail>
            </dl>
          ) : (
            <p className="mt-3 text-sm text-slate-600">Not a teacher{canChange ? ": Edit gives them an employee number." : "."}</p>
          )}
        </section>
        <StaffRoles memberId={member.id} memberName={name} assignments={assignments} roles={roles} canChangeRoles={canChangeRoles} />
        <PersonSessions
          memberName={name}
          sessions={sessionRows(sessions)}
          canEnd={canChange && row.withinReach}
          isSelf={row.isSelf}
          endAll={endStaffSessionsAction.bind(null, { id: member.id })}
          selfNote="Your own sessions: end them one by one on My account."
        />
        {activity ? (
          <section aria-labelledby="staff-activity" className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="staff-activity" className="text-lg font-semibold">
                Recent changes to {name}
              </h2>
              <Link href={`/audit?target=${member.id}`} className="text-sm underline underline-offset-4">
                Their account in the audit log
              </Link>
            </div>
            <ActivityList events={activity.results} schoolNames={{ [school.id]: school.name }} />
          </section>
        ) : null}
      </div>
    </>
  );
}

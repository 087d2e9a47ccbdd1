// A school's staff (the REST contract §6 /users/): list, create with roles, change, deactivate, delete.
// Nobody acts on a colleague who holds permissions they lack, hands out roles beyond their own,
// or leaves the school without a full admin. Deactivation ends the user's sessions at once.
import { withSchool, type SchoolTx } from "@/lib/db/school-scope";
import { ApiError } from "@/lib/http/api-error";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { likeText } from "@/lib/http/search";
import { defaultOrdering, mapOrdering, type Ordering, type OrderingField } from "@/lib/http/query";
import { hashPassword } from "@/lib/credentials/password";
import {
  changeInvitationTx,
  initialPasswordHash,
  invitedUserSelect,
  inviteIfNoPassword,
  type InvitationChange,
} from "@/lib/auth/invitations";
import { assertContactKept, writeAccountChange } from "@/lib/auth/account-change";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type Actor } from "@/lib/audit/actor";
import { userName } from "@/lib/audit/target-labels";
import { publicUserSelect } from "@/lib/users/user-schemas";
import { assertCanGrant, keepingAFullAdmin } from "@/lib/rbac/escalation";
import { userPermissions } from "@/lib/rbac/permissions";
import { isLive } from "@/lib/rbac/grant-terms";
import { createSchoolUserTx } from "@/lib/users/create-user";
import { notifyTemporaryPassword, refuseOwnPassword } from "@/lib/users/temporary-password";
import { endUserSessions, listUserSessions } from "@/lib/auth/user-sessions";
import { resetMfa } from "@/lib/auth/mfa";
import { replaceUserRoles } from "@/lib/school/role-assignments";
import { toUserOut, userOrderBy } from "@/lib/users/user-schemas";
import { StaffOrdering } from "@/lib/school/school-schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

const staffSelect = {
  ...publicUserSelect,
  roleAssignments: {
    select: { id: true, startsAt: true, endsAt: true, role: { select: { id: true, name: true } } },
    orderBy: { role: { name: "asc" as const } },
  },
  teacherProfile: { select: { employeeNumber: true, subjects: true } },
} as const;

type StaffRow = Prisma.UserGetPayload<{ select: typeof staffSelect }>;

/** `roles`: the grants live now; `role_terms`: those with a term that has not ended (live or to come). */
function toStaffOut(u: StaffRow) {
  const now = new Date();
  return {
    ...toUserOut(u),
    roles: u.roleAssignments.filter((a) => isLive(a, now)).map((a) => a.role),
    role_terms: u.roleAssignments
      .filter((a) => (a.startsAt || a.endsAt) && !(a.endsAt && a.endsAt <= now))
      .map((a) => ({
        assignment: a.id,
        role: a.role,
        starts_at: a.startsAt?.toISOString() ?? null,
        ends_at: a.endsAt?.toISOString() ?? null,
      })),
    teacher: u.teacherProfile ? { employee_number: u.teacherProfile.employeeNumber, subjects: u.teacherProfile.subjects } : null,
  };
}

const BY_NAME = defaultOrdering(StaffOrdering);

export async function listStaff(options: {
  schoolId: string;
  search?: string;
  isActive?: boolean;
  ordering?: Ordering<OrderingField<typeof StaffOrdering>>;
  page: PageRequest;
}) {
  const { schoolId, isActive, ordering = BY_NAME, page } = options;
  const search = options.search ? likeText(options.search.toLowerCase()) : undefined;
  const where: Prisma.UserWhereInput = {
    clientId: schoolId,
    ...(search
      ? { OR: [{ email: { contains: search } }, { phone: { contains: search } }, { fullName: { contains: search, mode: "insensitive" } }] }
      : {}),
    ...(isActive !== undefined ? { isActive } : {}),
  };
  return withSchool(schoolId, (tx) =>
    paginate(
      page,
      {
        count: () => tx.user.count({ where }),
        rows: ({ skip, take }) => tx.user.findMany({ where, select: staffSelect, orderBy: mapOrdering(ordering, userOrderBy), skip, take }),
      },
      toStaffOut,
    ),
  );
}

async function findStaff(tx: SchoolTx, schoolId: string, id: string) {
  const user = await tx.user.findFirst({ where: { id, clientId: schoolId }, select: staffSelect });
  if (!user) throw ApiError.notFound();
  return user;
}

export async function getStaff(schoolId: string, id: string) {
  return toStaffOut(await withSchool(schoolId, (tx) => findStaff(tx, schoolId, id)));
}

type StaffInput = {
  email?: string;
  phone?: string;
  /** None: the person is invited (lib/auth/invitations.ts). */
  password?: string;
  full_name: string;
  roles: string[];
  teacher?: { employee_number: string; subjects: string[] } | null;
};
type StaffPatch = {
  email?: string | null;
  phone?: string | null;
  full_name?: string;
  is_active?: boolean;
  teacher?: { employee_number: string; subjects: string[] } | null;
  roles?: string[];
  /** A temporary password (PATCH only). */
  password?: string;
};

export async function createStaff(options: { schoolId: string; actor: Actor; staff: StaffInput }) {
  const { schoolId, actor, staff: input } = options;
  const passwordHash = await initialPasswordHash(input.password);
  const user = await withSchool(schoolId, async (tx) => {
    const roles = await tx.schoolRole.findMany({ where: { clientId: schoolId, name: { in: input.roles } }, select: { permissions: true } });
    await assertCanGrant(
      actor.principal,
      schoolId,
      roles.flatMap((r) => r.permissions),
      tx,
    );
    const created = await createSchoolUserTx(
      tx,
      schoolId,
      {
        email: input.email,
        phone: input.phone,
        fullName: input.full_name,
        roleNames: input.roles,
        teacher: input.teacher ? { employeeNumber: input.teacher.employee_number, subjects: input.teacher.subjects } : null,
      },
      passwordHash,
    );
    const invited = await inviteIfNoPassword(tx, created.id, passwordHash);
    await audit(
      tx,
      {
        action: invited ? "school.user.invited" : "school.user.created",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "user", id: created.id },
        metadata: { roles: input.roles },
      },
      actor.origin,
    );
    return findStaff(tx, schoolId, created.id);
  });
  return toStaffOut(user);
}

/** A colleague who holds permissions the caller lacks — now or by a grant still to start — is out of the caller's reach. */
async function assertWithinReach(tx: SchoolTx, schoolId: string, actor: Actor, targetId: string) {
  await assertCanGrant(actor.principal, schoolId, await userPermissions(targetId, schoolId, tx, { pending: true }), tx);
}

export async function updateStaff(options: { schoolId: string; actor: Actor; id: string; patch: StaffPatch }) {
  const { schoolId, actor, id, patch } = options;
  refuseOwnPassword(actor.principal.kind === "user" ? actor.principal.user.id : null, id, patch.password);
  const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  const user = await withSchool(schoolId, async (tx) => {
    const before = await findStaff(tx, schoolId, id);
    // Setting a colleague's password is changing them: only within reach (a Head cannot reset an Admin's).
    await assertWithinReach(tx, schoolId, actor, id);
    assertContactKept(before, patch);
    let revoked = 0;
    const roleChanges = await keepingAFullAdmin(tx, schoolId, async () => {
      revoked = await writeAccountChange(tx, id, patch, passwordHash);
      if (patch.teacher === null) await tx.teacherProfile.deleteMany({ where: { userId: id, clientId: schoolId } });
      else if (patch.teacher) {
        const data = { employeeNumber: patch.teacher.employee_number, subjects: patch.teacher.subjects };
        await tx.teacherProfile.upsert({ where: { userId: id }, create: { userId: id, clientId: schoolId, ...data }, update: data });
      }
      return patch.roles !== undefined ? replaceUserRoles(tx, { schoolId, actor, userId: id, roleNames: patch.roles }) : undefined;
    });
    const by = auditActor(actor.principal);
    const target = { type: "user", id } as const;
    if (passwordHash) {
      await audit(
        tx,
        { action: "school.user.password_set", actor: by, schoolId, target, metadata: { sessions_revoked: revoked } },
        actor.origin,
      );
      await notifyTemporaryPassword(tx, { userId: id, schoolId: schoolId });
    }
    const changed = Object.keys(patch).filter((k) => k !== "password");
    if (changed.length > 0 || !passwordHash) {
      const action =
        patch.is_active === false
          ? "school.user.deactivated"
          : patch.is_active === true
            ? "school.user.reactivated"
            : "school.user.updated";
      await audit(
        tx,
        {
          action,
          actor: by,
          schoolId,
          target,
          metadata: {
            changed,
            ...(roleChanges ? { roles_added: roleChanges.added, roles_removed: roleChanges.removed } : {}),
          },
        },
        actor.origin,
      );
    }
    return findStaff(tx, schoolId, id);
  });
  return toStaffOut(user);
}

/** A colleague's live sessions (GET /users/{id}/sessions/, users.view); `current` marks the caller's own. */
export async function listStaffSessions(options: { schoolId: string; id: string; callerSessionId?: string }) {
  return listUserSessions({ owner: { userId: options.id, schoolId: options.schoolId }, callerSessionId: options.callerSessionId });
}

/**
 * "Sign out everywhere" for a colleague (DELETE /users/{id}/sessions/, users.change): like setting
 * their password, only within reach — a Head cannot sign an Admin out. Returns how many ended.
 */
export async function endStaffSessions(options: { schoolId: string; actor: Actor; id: string }) {
  const { schoolId, actor, id } = options;
  return endUserSessions({
    owner: { userId: id, schoolId },
    actor,
    by: "school",
    check: (tx) => assertWithinReach(tx, schoolId, actor, id),
  });
}

/**
 * Turns a colleague's two-factor sign-in off (DELETE /users/{id}/mfa/, users.change), within reach as
 * for their password: their sessions end with it.
 */
export async function resetStaffMfa(options: { schoolId: string; actor: Actor; id: string }) {
  const { schoolId, actor, id } = options;
  await resetMfa({
    owner: { userId: id, schoolId },
    actor,
    by: "school",
    check: (tx) => assertWithinReach(tx, schoolId, actor, id),
  });
}

/** Deleting a teacher first unassigns their classes (the classes stay). */
export async function deleteStaff(options: { schoolId: string; actor: Actor; id: string }) {
  const { schoolId, actor, id } = options;
  await withSchool(schoolId, async (tx) => {
    const gone = await findStaff(tx, schoolId, id);
    await assertWithinReach(tx, schoolId, actor, id);
    await keepingAFullAdmin(tx, schoolId, async () => {
      await tx.schoolClass.updateMany({ where: { clientId: schoolId, teacherId: id }, data: { teacherId: null } });
      await tx.user.delete({ where: { id } });
    });
    await audit(
      tx,
      {
        action: "school.user.deleted",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "user", id },
        metadata: { name: userName(gone) },
      },
      actor.origin,
    );
  });
}

/**
 * Resends or withdraws a colleague's invitation (users.add): only within reach — inviting someone
 * with more than the caller may grant is as much out of reach as changing them.
 */
export async function changeStaffInvitation(options: { schoolId: string; actor: Actor; id: string; change: InvitationChange }) {
  const { schoolId, actor, id, change } = options;
  await withSchool(schoolId, async (tx) => {
    const user = await tx.user.findFirst({ where: { id, clientId: schoolId }, select: invitedUserSelect });
    if (!user) throw ApiError.notFound();
    await assertWithinReach(tx, schoolId, actor, id);
    await changeInvitationTx(tx, user, change, {
      action: change === "resend" ? "school.user.invitation_resent" : "school.user.invitation_withdrawn",
      actor: auditActor(actor.principal),
      schoolId,
      origin: actor.origin,
    });
  });
}

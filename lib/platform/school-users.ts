// A school's users as the platform manages them (the REST contract §5, /system/clients/{id}/users/).
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type PlatformActor } from "@/lib/audit/actor";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { defaultOrdering, mapOrdering, type Ordering, type OrderingField } from "@/lib/http/query";
import { hashPassword } from "@/lib/credentials/password";
import {
  changeInvitationTx,
  initialPasswordHash,
  invitedUserSelect,
  inviteIfNoPassword,
  type InvitationChange,
} from "@/lib/auth/invitations";
import { createSchoolUserTx } from "@/lib/users/create-user";
import { withSchool, type SchoolTx } from "@/lib/db/school-scope";
import { assertContactKept, writeAccountChange } from "@/lib/auth/account-change";
import { keepingAFullAdmin } from "@/lib/rbac/escalation";
import { notifyTemporaryPassword } from "@/lib/users/temporary-password";
import { endUserSessions, listUserSessions } from "@/lib/auth/user-sessions";
import { resetMfa } from "@/lib/auth/mfa";
import { UserOrdering, publicUserSelect, toUserOut, userOrderBy } from "@/lib/users/user-schemas";

async function assertSchoolExists(schoolId: string) {
  if (!(await prisma.client.findUnique({ where: { id: schoolId }, select: { id: true } }))) throw ApiError.notFound();
}

const OLDEST_FIRST = defaultOrdering(UserOrdering);

export async function listSchoolUsers(options: {
  schoolId: string;
  ordering?: Ordering<OrderingField<typeof UserOrdering>>;
  page: PageRequest;
}) {
  const { schoolId, ordering = OLDEST_FIRST, page } = options;
  await assertSchoolExists(schoolId);
  const where = { clientId: schoolId };
  return paginate(
    page,
    {
      count: () => prisma.user.count({ where }),
      rows: ({ skip, take }) =>
        prisma.user.findMany({ where, select: publicUserSelect, orderBy: mapOrdering(ordering, userOrderBy), skip, take }),
    },
    toUserOut,
  );
}

export async function createSchoolUserByPlatform(options: {
  schoolId: string;
  actor: PlatformActor;
  user: {
    email?: string;
    phone?: string;
    /** None: the person is invited. */
    password?: string;
    full_name: string;
    roles: string[];
    teacher?: { employee_number: string; subjects: string[] } | null;
  };
}) {
  const { schoolId, actor, user: input } = options;
  await assertSchoolExists(schoolId);
  const passwordHash = await initialPasswordHash(input.password);
  const user = await prisma.$transaction(async (tx) => {
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
        action: invited ? "tenant_user.invited" : "tenant_user.created",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "user", id: created.id },
        metadata: { roles: input.roles },
      },
      actor.origin,
    );
    return tx.user.findUniqueOrThrow({ where: { id: created.id }, select: publicUserSelect });
  });
  return toUserOut(user);
}

/** One user of school `schoolId`; another school's user, or an unknown school, is a 404. */
async function findSchoolUser(tx: SchoolTx, schoolId: string, id: string) {
  const user = await tx.user.findFirst({ where: { id, clientId: schoolId }, select: publicUserSelect });
  if (!user) throw ApiError.notFound();
  return user;
}

export async function getSchoolUserByPlatform(options: { schoolId: string; id: string }) {
  return toUserOut(await withSchool(options.schoolId, (tx) => findSchoolUser(tx, options.schoolId, options.id)));
}

/**
 * The console changes one of a school's users (`PATCH /system/clients/{id}/users/{uid}/`): contact,
 * name, active, or a temporary password. Deactivating or setting a password ends every session of
 * theirs; the school keeps a full admin. The platform is above the school's escalation rules.
 */
export async function updateSchoolUserByPlatform(options: {
  schoolId: string;
  actor: PlatformActor;
  id: string;
  patch: { email?: string | null; phone?: string | null; full_name?: string; is_active?: boolean; password?: string };
}) {
  const { schoolId, actor, id, patch } = options;
  const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  const user = await withSchool(schoolId, async (tx) => {
    const before = await findSchoolUser(tx, schoolId, id);
    assertContactKept(before, patch);
    const revoked = await keepingAFullAdmin(tx, schoolId, () => writeAccountChange(tx, id, patch, passwordHash));
    const by = auditActor(actor.principal);
    const target = { type: "user", id } as const;
    if (passwordHash) {
      await audit(
        tx,
        { action: "tenant_user.password_set", actor: by, schoolId, target, metadata: { sessions_revoked: revoked } },
        actor.origin,
      );
      await notifyTemporaryPassword(tx, { userId: id, schoolId: schoolId });
    }
    const changed = Object.keys(patch).filter((k) => k !== "password");
    if (changed.length > 0 || !passwordHash) {
      await audit(tx, { action: "tenant_user.updated", actor: by, schoolId, target, metadata: { changed } }, actor.origin);
    }
    return findSchoolUser(tx, schoolId, id);
  });
  return toUserOut(user);
}

/** A school user's live sessions, as the console reads them (GET /system/clients/{id}/users/{uid}/sessions/). */
export async function listSchoolUserSessionsByPlatform(options: { schoolId: string; id: string }) {
  return listUserSessions({ owner: { userId: options.id, schoolId: options.schoolId } });
}

/** Ends every session of a school's user from the console (DELETE …/sessions/: superadmin, platform_admin). */
export async function endSchoolUserSessionsByPlatform(options: { schoolId: string; actor: PlatformActor; id: string }) {
  return endUserSessions({
    owner: { userId: options.id, schoolId: options.schoolId },
    actor: options.actor,
    by: "console",
  });
}

/** A superadmin or platform_admin turns a school user's two-factor sign-in off; their sessions end with it. */
export async function resetSchoolUserMfaByPlatform(options: { schoolId: string; actor: PlatformActor; id: string }) {
  await resetMfa({ owner: { userId: options.id, schoolId: options.schoolId }, actor: options.actor, by: "console" });
}

/** Resends or withdraws the invitation of one of a school's users (superadmin or platform_admin). */
export async function changeSchoolUserInvitationByPlatform(options: {
  schoolId: string;
  actor: PlatformActor;
  id: string;
  change: InvitationChange;
}) {
  const { schoolId, actor, id, change } = options;
  await withSchool(schoolId, async (tx) => {
    const user = await tx.user.findFirst({ where: { id, clientId: schoolId }, select: invitedUserSelect });
    if (!user) throw ApiError.notFound();
    await changeInvitationTx(tx, user, change, {
      action: change === "resend" ? "tenant_user.invitation_resent" : "tenant_user.invitation_withdrawn",
      actor: auditActor(actor.principal),
      schoolId,
      origin: actor.origin,
    });
  });
}

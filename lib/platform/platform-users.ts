// Platform staff (the REST contract §5): any platform user reads; only a superadmin creates or
// changes. The platform always keeps one active superadmin. Every write and its audit row are one
// transaction.
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type PlatformActor } from "@/lib/audit/actor";
import { userName } from "@/lib/audit/target-labels";
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
import { endEverySession } from "@/lib/auth/sessions";
import { endUserSessions, listUserSessions } from "@/lib/auth/user-sessions";
import { resetMfa } from "@/lib/auth/mfa";
import { createPlatformUserTx } from "@/lib/users/create-user";
import { notifyTemporaryPassword, refuseOwnPassword, temporaryPassword } from "@/lib/users/temporary-password";
import { UserOrdering, publicUserSelect, toUserOut, userOrderBy } from "@/lib/users/user-schemas";
import type { Prisma, PlatformRole } from "@/lib/generated/prisma/client";

const platformOnly = { clientId: null } as const;
const OLDEST_FIRST = defaultOrdering(UserOrdering);

export async function listPlatformUsers(options: {
  search?: string;
  platformRole?: PlatformRole;
  ordering?: Ordering<OrderingField<typeof UserOrdering>>;
  page: PageRequest;
}) {
  const { platformRole, ordering = OLDEST_FIRST, page } = options;
  const search = options.search ? likeText(options.search.toLowerCase()) : undefined;
  const where: Prisma.UserWhereInput = {
    ...platformOnly,
    ...(search
      ? { OR: [{ email: { contains: search } }, { phone: { contains: search } }, { fullName: { contains: search, mode: "insensitive" } }] }
      : {}),
    ...(platformRole ? { platformRole } : {}),
  };
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

async function findPlatformUser(db: Pick<Prisma.TransactionClient, "user">, id: string) {
  const user = await db.user.findFirst({ where: { id, ...platformOnly }, select: publicUserSelect });
  if (!user) throw ApiError.notFound();
  return user;
}

export async function getPlatformUser(id: string) {
  const user = await prisma.user.findFirst({ where: { id, ...platformOnly }, select: publicUserSelect });
  if (!user) throw ApiError.notFound();
  return toUserOut(user);
}

export async function createPlatformStaff(options: {
  actor: PlatformActor;
  /** No password: the person is invited. */
  user: { email?: string; phone?: string; password?: string; full_name: string; platform_role: PlatformRole };
}) {
  const { actor, user: input } = options;
  const passwordHash = await initialPasswordHash(input.password);
  const user = await prisma.$transaction(async (tx) => {
    const created = await createPlatformUserTx(
      tx,
      { email: input.email, phone: input.phone, fullName: input.full_name, platformRole: input.platform_role },
      passwordHash,
    );
    const invited = await inviteIfNoPassword(tx, created.id, passwordHash);
    await audit(
      tx,
      {
        action: invited ? "platform_user.invited" : "platform_user.created",
        actor: auditActor(actor.principal),
        target: { type: "user", id: created.id },
        metadata: { platform_role: input.platform_role },
      },
      actor.origin,
    );
    return findPlatformUser(tx, created.id);
  });
  return toUserOut(user);
}

/** Refuses a change that would leave no active superadmin. Runs inside the writing transaction. */
async function assertSuperadminRemains(tx: Prisma.TransactionClient) {
  // Serialise such changes, so two concurrent demotions cannot both see the other one remain.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(727003)`;
  const left = await tx.user.count({ where: { ...platformOnly, platformRole: "superadmin", isActive: true } });
  if (left === 0) throw ApiError.invalid({ non_field_errors: ["The platform must keep at least one active superadmin."] });
}

export async function updatePlatformUser(options: {
  actor: PlatformActor;
  id: string;
  patch: {
    email?: string | null;
    phone?: string | null;
    password?: string;
    full_name?: string;
    platform_role?: PlatformRole;
    is_active?: boolean;
  };
}) {
  const { actor, id, patch } = options;
  refuseOwnPassword(actor.principal.user.id, id, patch.password);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const user = await prisma.$transaction(async (tx) => {
    const before = await findPlatformUser(tx, id);
    const email = patch.email === undefined ? before.email : patch.email;
    const phone = patch.phone === undefined ? before.phone : patch.phone;
    if (!email && !phone) throw ApiError.invalid({ non_field_errors: ["Provide an email, a phone number, or both."] });
    await tx.user.update({
      where: { id },
      data: {
        email: patch.email,
        phone: patch.phone,
        fullName: patch.full_name,
        platformRole: patch.platform_role,
        isActive: patch.is_active,
        // A password an admin set is temporary: the user must choose their own before anything else.
        ...(passwordHash ? temporaryPassword(passwordHash) : {}),
      },
      select: { id: true },
    });
    if (patch.platform_role !== undefined || patch.is_active === false) await assertSuperadminRemains(tx);
    // A deactivated account, or one whose password an admin set, keeps no session — not even
    // one a login is opening right now.
    const revoked =
      patch.is_active === false || passwordHash
        ? await endEverySession(tx, id, patch.is_active === false ? "user_deactivated" : "password_change")
        : 0;
    const changed = Object.keys(patch).filter((k) => k !== "password");
    const by = auditActor(actor.principal);
    if (passwordHash) {
      await audit(
        tx,
        { action: "platform_user.password_set", actor: by, target: { type: "user", id }, metadata: { sessions_revoked: revoked } },
        actor.origin,
      );
      await notifyTemporaryPassword(tx, { userId: id, schoolId: null });
    }
    if (changed.length > 0 || !passwordHash) {
      await audit(tx, { action: "platform_user.updated", actor: by, target: { type: "user", id }, metadata: { changed } }, actor.origin);
    }
    return findPlatformUser(tx, id);
  });
  return toUserOut(user);
}

export async function deletePlatformUser(options: { actor: PlatformActor; id: string }) {
  const { actor, id } = options;
  await prisma.$transaction(async (tx) => {
    const gone = await findPlatformUser(tx, id);
    await tx.user.delete({ where: { id } });
    await assertSuperadminRemains(tx);
    // The name, for the trail to show once the account is gone.
    await audit(
      tx,
      {
        action: "platform_user.deleted",
        actor: auditActor(actor.principal),
        target: { type: "user", id },
        metadata: { name: userName(gone) },
      },
      actor.origin,
    );
  });
}

/** A platform user's live sessions (GET /system/users/{id}/sessions/: any platform role). */
export async function listPlatformUserSessions(options: { id: string; callerSessionId?: string }) {
  return listUserSessions({ owner: { userId: options.id, schoolId: null }, callerSessionId: options.callerSessionId });
}

/** Ends every session of a platform user (DELETE /system/users/{id}/sessions/: a superadmin). */
export async function endPlatformUserSessions(options: { actor: PlatformActor; id: string }) {
  return endUserSessions({ owner: { userId: options.id, schoolId: null }, actor: options.actor, by: "platform" });
}

/** A superadmin turns a platform user's two-factor sign-in off; their sessions end with it. */
export async function resetPlatformUserMfa(options: { actor: PlatformActor; id: string }) {
  await resetMfa({ owner: { userId: options.id, schoolId: null }, actor: options.actor, by: "platform" });
}

/** Resends or withdraws a platform user's invitation (superadmin only). */
export async function changePlatformUserInvitation(options: { actor: PlatformActor; id: string; change: InvitationChange }) {
  const { actor, id, change } = options;
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id, ...platformOnly }, select: invitedUserSelect });
    if (!user) throw ApiError.notFound();
    await changeInvitationTx(tx, user, change, {
      action: change === "resend" ? "platform_user.invitation_resent" : "platform_user.invitation_withdrawn",
      actor: auditActor(actor.principal),
      schoolId: null,
      origin: actor.origin,
    });
  });
}

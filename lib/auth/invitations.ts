// Invitations (API §8): a user created without a password is invited — status "invited", no
// password that could sign them in — and gets a single-use link to their own host, where they
// choose a password and are signed in. Admins resend (a new link; the old one dies) or withdraw it
// (the link dies and the account is deactivated, status "inactive").
//
// The message is written in the transaction that creates the user or resends: it exists exactly
// when the invitation does (lib/messages/outbox.ts).
import { env } from "@/lib/env";
import { withHostScope } from "@/lib/db/school-scope";
import { ApiError } from "@/lib/http/api-error";
import { audit, type AuditActor, type AuditOrigin } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/credentials/password";
import { issueAccountLink, linkNotValid, revokeAccountLinks, spendAccountLink } from "@/lib/auth/account-links";
import { endEverySession } from "@/lib/auth/sessions";
import { signInProven, type LoginTarget } from "@/lib/auth/login";
import { notifyUser } from "@/lib/messages/outbox";
import { invitationMessage } from "@/lib/messages/templates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReadPlan } from "@/lib/db/sql-script";

/** The path of the page an invitation's link opens, on the user's host. */
export function invitationPath(schoolId: string | null): string {
  return schoolId ? "/invitation" : "/console/invitation";
}

/** The answer to a resend (202: the message goes out later). */
export const INVITATION_RESENT = { detail: "A new invitation is on its way; the earlier link no longer works." } as const;

/** What an invitation needs of its user. */
export const invitedUserSelect = {
  id: true,
  clientId: true,
  email: true,
  phone: true,
  fullName: true,
  sessionEpoch: true,
  invitedAt: true,
  isActive: true,
} as const;

type InvitedUser = Prisma.UserGetPayload<{ select: typeof invitedUserSelect }>;

/** A new single-use link for `user` and the message that carries it, in the caller's transaction. */
export async function sendInvitation(tx: Prisma.TransactionClient, user: InvitedUser): Promise<void> {
  const validSeconds = env().SMS_INVITE_TTL;
  const { token } = await issueAccountLink(tx, { user, purpose: "invitation", validSeconds });
  await notifyUser(tx, {
    user,
    schoolId: user.clientId,
    kind: "invitation",
    render: (sender) =>
      invitationMessage({
        sender,
        fullName: user.fullName,
        link: `${sender.origin}${invitationPath(user.clientId)}?token=${token}`,
        validSeconds,
      }),
  });
}

/** The hash of a new account's password, or null when none was given: the account is invited. */
export async function initialPasswordHash(password: string | undefined): Promise<string | null> {
  return password === undefined ? null : hashPassword(password);
}

/**
 * After creating user `userId` with `passwordHash` in `tx`: without a password, sends their
 * invitation in the same transaction. Answers whether they were invited (the audit action says it).
 */
export async function inviteIfNoPassword(tx: Prisma.TransactionClient, userId: string, passwordHash: string | null): Promise<boolean> {
  if (passwordHash) return false;
  await sendInvitation(tx, await tx.user.findUniqueOrThrow({ where: { id: userId }, select: invitedUserSelect }));
  return true;
}

/** How an admin's change of an invitation is recorded: the action names its path (school, console on a school, platform staff). */
export interface InvitationAudit {
  action: string;
  actor: AuditActor;
  schoolId: string | null;
  origin: AuditOrigin;
}

function assertInvited(user: InvitedUser): void {
  if (!user.invitedAt) {
    throw ApiError.invalid({ non_field_errors: ["This person has already accepted their invitation: they sign in with their password."] });
  }
}

/**
 * Sends an invited user a new link (the old one stops working). A withdrawn invitation (the
 * account deactivated) is not resent: reactivating the account is a decision of its own.
 */
export async function resendInvitationTx(tx: Prisma.TransactionClient, user: InvitedUser, record: InvitationAudit): Promise<void> {
  assertInvited(user);
  if (!user.isActive) {
    throw ApiError.invalid({ non_field_errors: ["This invitation was withdrawn: reactivate the account before sending it again."] });
  }
  await sendInvitation(tx, user);
  await audit(
    tx,
    { action: record.action, actor: record.actor, schoolId: record.schoolId, target: { type: "user", id: user.id } },
    record.origin,
  );
}

/** Resend or withdraw (API §8: POST or DELETE …/users/{id}/invitation/). */
export type InvitationChange = "resend" | "withdraw";

/** Applies `change` to the invitation of `user`, recorded as `record.action` (its path names it). */
export async function changeInvitationTx(
  tx: Prisma.TransactionClient,
  user: InvitedUser,
  change: InvitationChange,
  record: InvitationAudit,
): Promise<void> {
  if (change === "resend") await resendInvitationTx(tx, user, record);
  else await withdrawInvitationTx(tx, user, record);
}

/** Withdraws an invitation: its link stops working and the account is deactivated. Again is a no-op. */
export async function withdrawInvitationTx(tx: Prisma.TransactionClient, user: InvitedUser, record: InvitationAudit): Promise<void> {
  assertInvited(user);
  const links = await revokeAccountLinks(tx, { userId: user.id, purpose: "invitation" });
  if (!user.isActive && links === 0) return;
  await tx.user.update({ where: { id: user.id }, data: { isActive: false } });
  await endEverySession(tx, user.id, "invitation_withdrawn");
  await audit(
    tx,
    {
      action: record.action,
      actor: record.actor,
      schoolId: record.schoolId,
      target: { type: "user", id: user.id },
      metadata: { links_revoked: links },
    },
    record.origin,
  );
}

/**
 * Accepts an invitation: spends its link, sets the password the person chose (and their name, if
 * given), and signs them in — the answer is a login's. A link of another host, used, replaced,
 * withdrawn or expired is `400 token_not_valid`; the account is untouched then.
 */
export async function acceptInvitation<R = undefined>(
  input: { token: string; password: string; full_name?: string },
  target: LoginTarget,
  origin: AuditOrigin,
  read?: (userId: string) => ReadPlan<R>,
) {
  const passwordHash = await hashPassword(input.password);
  const userId = await withHostScope(target.schoolId, async (tx) => {
    const user = await spendAccountLink(tx, { token: input.token, purpose: "invitation", schoolId: target.schoolId });
    if (!user.invitedAt) throw linkNotValid();
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash,
        invitedAt: null,
        passwordChangedAt: new Date(),
        passwordChangeRequired: false,
        ...(input.full_name ? { fullName: input.full_name } : {}),
      },
    });
    await audit(
      tx,
      {
        action: `${target.audience}.invitation.accepted`,
        schoolId: target.schoolId,
        actor: { userId: user.id, label: user.email ?? user.phone },
        target: { type: "user", id: user.id },
      },
      origin,
    );
    return user.id;
  });
  return signInProven(userId, target, origin, "invitation", read);
}

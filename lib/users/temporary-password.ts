// A password an admin sets for someone else (the REST contract §8 "Passwords") is temporary: the
// user must choose their own before their tokens reach anything but auth/password, me and logout.
import { ApiError } from "@/lib/http/api-error";
import { notifyUser } from "@/lib/messages/outbox";
import { temporaryPasswordSetMessage } from "@/lib/messages/templates";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The user row's columns for a password an admin set: the hash, when, and that it must change. An
 * invitation still open ends with it (the admin chose to hand over a password instead).
 */
export function temporaryPassword(passwordHash: string) {
  return { passwordHash, passwordChangedAt: new Date(), passwordChangeRequired: true, invitedAt: null } as const;
}

/**
 * Tells the owner that an admin set a temporary password (never the password itself), in the
 * transaction that set it: someone who did not expect it knows to ask.
 */
export async function notifyTemporaryPassword(
  tx: Pick<Prisma.TransactionClient, "user" | "client" | "outboxMessage">,
  options: { userId: string; schoolId: string | null },
): Promise<void> {
  const owner = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { email: true, phone: true, fullName: true } });
  const at = new Date();
  await notifyUser(tx, {
    user: owner,
    schoolId: options.schoolId,
    kind: "temporary_password_set",
    render: (sender) => temporaryPasswordSetMessage({ sender, fullName: owner.fullName, at }),
  });
}

/**
 * An admin's PATCH may not set their own password: that is POST …/auth/password/, which asks for the
 * current one and keeps the caller's session (a temporary password of one's own would lock one out).
 */
export function refuseOwnPassword(actorId: string | null, targetId: string, password: string | undefined): void {
  if (password !== undefined && actorId === targetId) {
    throw ApiError.invalid({ password: ["Change your own password with POST /auth/password/ (it asks for the current one)."] });
  }
}

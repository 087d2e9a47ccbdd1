// Single-use links sent by message (API §8): invitations and password resets. The token travels
// only in the message; the database keeps its SHA-256, so a copy of the table opens nothing.
//
// A link works once, before it expires, while no newer link of the same purpose replaced it (or an
// admin withdrew it), while the account is active and still in the epoch it was made in — a
// password change or deactivation moves the epoch, so an older reset link dies with it — and only
// on the host it was made for: its school's, or the platform's.
import { createHash, randomBytes } from "node:crypto";
import { ApiError } from "@/lib/http/api-error";
import { databaseNow } from "@/lib/db/clock";
import type { Prisma } from "@/lib/generated/prisma/client";

export type LinkPurpose = "invitation" | "password_reset";

type LinkTx = Pick<Prisma.TransactionClient, "accountLink"> & Parameters<typeof databaseNow>[0];

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** The one answer to a link that cannot be used, whatever the reason (the contract's 400). */
export function linkNotValid(): ApiError {
  return new ApiError(400, "token_not_valid", "This link is not valid: it was used, replaced, withdrawn or has expired.");
}

/**
 * Makes a link for `user` in the caller's transaction (with the message that carries it), and
 * revokes the user's earlier live links of the same purpose: only the newest works. Its expiry is
 * on the database's clock, the one spending compares with.
 */
export async function issueAccountLink(
  tx: LinkTx,
  options: { user: { id: string; clientId: string | null; sessionEpoch: number }; purpose: LinkPurpose; validSeconds: number },
): Promise<{ token: string }> {
  const { user, purpose, validSeconds } = options;
  const token = randomBytes(32).toString("base64url");
  const now = await databaseNow(tx);
  await revokeAccountLinks(tx, { userId: user.id, purpose }, now);
  await tx.accountLink.create({
    data: {
      tokenHash: hashOf(token),
      userId: user.id,
      clientId: user.clientId,
      purpose,
      sessionEpoch: user.sessionEpoch,
      expiresAt: new Date(now.getTime() + validSeconds * 1000),
    },
  });
  return { token };
}

/** Revokes every live link of `purpose` of the user (a withdrawn invitation). Returns how many. */
export async function revokeAccountLinks(tx: LinkTx, options: { userId: string; purpose: LinkPurpose }, now?: Date): Promise<number> {
  const { count } = await tx.accountLink.updateMany({
    where: { userId: options.userId, purpose: options.purpose, usedAt: null, revokedAt: null },
    data: { revokedAt: now ?? (await databaseNow(tx)) },
  });
  return count;
}

/** The account a spent link was for, as the flows that follow need it. */
const linkedUserSelect = { id: true, clientId: true, email: true, phone: true, fullName: true, invitedAt: true } as const;
export type LinkedUser = Prisma.UserGetPayload<{ select: typeof linkedUserSelect }>;

/**
 * Spends the link `token` of `purpose` for the host of school `schoolId` (null: the platform), in
 * the caller's transaction: marks it used and answers its account — or throws the contract's
 * `400 token_not_valid` for a link unknown, used, revoked, expired, of another host, of a user
 * deactivated or whose password changed since (the caller's transaction then rolls the spending
 * back). Marking it used is one conditional UPDATE: of two requests with the same link, the second
 * waits for the first's row lock, then finds it used.
 */
export async function spendAccountLink(
  tx: LinkTx,
  options: { token: string; purpose: LinkPurpose; schoolId: string | null },
): Promise<LinkedUser> {
  const tokenHash = hashOf(options.token);
  const now = await databaseNow(tx);
  const { count } = await tx.accountLink.updateMany({
    where: { tokenHash, purpose: options.purpose, clientId: options.schoolId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) throw linkNotValid();
  const link = await tx.accountLink.findUniqueOrThrow({
    where: { tokenHash },
    select: { sessionEpoch: true, user: { select: { ...linkedUserSelect, isActive: true, sessionEpoch: true } } },
  });
  const { isActive, sessionEpoch, ...user } = link.user;
  if (!isActive || sessionEpoch !== link.sessionEpoch || user.clientId !== options.schoolId) throw linkNotValid();
  return user;
}

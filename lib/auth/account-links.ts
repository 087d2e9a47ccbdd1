// Single-use links sent by message (API §8): invitations and password resets. The token travels
// only in the message; the database keeps its SHA-256, so a copy of the table opens nothing.
//
// A link works once, before it expires, while no newer link of the same purpose replaced it (or an
// admin withdrew it), while the account is active and still in the epoch it was made in — a
// password change or deactivation moves the epoch, so an older reset link dies with it — and only
// on the host it was made for: its school's, or the platform's.
import { createHash, randomBytes } from "node:crypto";
import { ApiError } from "@/lib/http/api-error";
import type { Prisma } from "@/lib/generated/prisma/client";

export type LinkPurpose = "invitation" | "password_reset";

type LinkTx = Pick<Prisma.TransactionClient, "accountLink" | "$queryRaw">;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** The one answer to a link that cannot be used, whatever the reason (the contract's 400). */
export function linkNotValid(): ApiError {
  return new ApiError(400, "token_not_valid", "This link is not valid: it was used, replaced, withdrawn or has expired.");
}

/**
 * Makes a link for `user` in the caller's transaction (with the message that carries it), and
 * revokes the user's earlier live links of the same purpose: only the newest works.
 */
export async function issueAccountLink(
  tx: LinkTx,
  options: { user: { id: string; clientId: string | null; sessionEpoch: number }; purpose: LinkPurpose; validSeconds: number },
): Promise<{ token: string }> {
  const { user, purpose, validSeconds } = options;
  const token = randomBytes(32).toString("base64url");
  await tx.$queryRaw`
    UPDATE account_links SET revoked_at = now()
    WHERE user_id = ${user.id}::uuid AND purpose = ${purpose}::account_link_purpose AND used_at IS NULL AND revoked_at IS NULL`;
  await tx.$queryRaw`
    INSERT INTO account_links (token_hash, user_id, client_id, purpose, session_epoch, expires_at)
    VALUES (${hashOf(token)}, ${user.id}::uuid, ${user.clientId}::uuid, ${purpose}::account_link_purpose, ${user.sessionEpoch},
            now() + make_interval(secs => ${validSeconds}))`;
  return { token };
}

/** Revokes every live link of `purpose` of the user (a withdrawn invitation). Returns how many. */
export async function revokeAccountLinks(tx: LinkTx, options: { userId: string; purpose: LinkPurpose }): Promise<number> {
  const rows = await tx.$queryRaw<{ n: number }[]>`
    WITH revoked AS (
      UPDATE account_links SET revoked_at = now()
      WHERE user_id = ${options.userId}::uuid AND purpose = ${options.purpose}::account_link_purpose
        AND used_at IS NULL AND revoked_at IS NULL
      RETURNING 1)
    SELECT count(*)::int AS n FROM revoked`;
  return rows[0]?.n ?? 0;
}

/** The account a spent link was for, as the flows that follow need it. */
export interface LinkedUser {
  id: string;
  client_id: string | null;
  email: string | null;
  phone: string | null;
  full_name: string;
  invited_at: Date | null;
}

/**
 * Spends the link `token` of `purpose` for the host of school `schoolId` (null: the platform), in
 * the caller's transaction: marks it used and answers its account — or throws the contract's
 * `400 token_not_valid` for a link unknown, used, revoked, expired, of another host, of a user
 * deactivated or whose password changed since. One statement: two requests with the same link
 * cannot both spend it (the second waits for the first's row lock, then finds it used).
 */
export async function spendAccountLink(
  tx: LinkTx,
  options: { token: string; purpose: LinkPurpose; schoolId: string | null },
): Promise<LinkedUser> {
  const rows = await tx.$queryRaw<LinkedUser[]>`
    UPDATE account_links l SET used_at = now()
    FROM users u
    WHERE l.token_hash = ${hashOf(options.token)} AND l.purpose = ${options.purpose}::account_link_purpose
      AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now()
      AND l.client_id IS NOT DISTINCT FROM ${options.schoolId}::uuid
      AND u.id = l.user_id AND u.is_active AND u.session_epoch = l.session_epoch
      AND u.client_id IS NOT DISTINCT FROM l.client_id
    RETURNING u.id, u.client_id, u.email, u.phone, u.full_name, u.invited_at`;
  const user = rows[0];
  if (!user) throw linkNotValid();
  return user;
}

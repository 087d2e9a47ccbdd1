// Turning a request's credentials into a principal. The token proves who and which session;
// one query then checks what must bite at once: the session is not revoked, the user is active,
// and the user still belongs where the token says.
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { verifyToken, type Audience, type TokenClaims } from "@/lib/auth/tokens";
import type { PublicUser } from "@/lib/users/user-schemas";

export interface UserPrincipal {
  kind: "user";
  user: PublicUser;
  sessionId: string;
  /** Present when the principal came from an access token (not from the console cookie). */
  claims?: TokenClaims;
  /** The user's permissions in the request's school, when the authentication step read them. */
  permissions?: Set<string>;
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError(401, "not_authenticated", "Authorization header must be 'Bearer <token>'.");
  return match[1];
}

export const publicUserSelect = {
  id: true, email: true, phone: true, fullName: true, isActive: true, clientId: true,
  platformRole: true, lastLogin: true, dateJoined: true,
} as const;

function invalid(): ApiError {
  return new ApiError(401, "token_not_valid", "Token is invalid or expired.");
}

/**
 * The user of a live session: not revoked, not past its absolute end, user active, still where the
 * session was opened and still in the epoch it was opened in. Shared by access tokens and the console's cookie session.
 */
export async function sessionUser(sessionId: string, userId: string, tenantId: string | null): Promise<PublicUser> {
  const session = await prisma.refreshFamily.findUnique({
    where: { id: sessionId },
    select: { revokedAt: true, expiresAt: true, userId: true, sessionEpoch: true, user: { select: { ...publicUserSelect, sessionEpoch: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date() || session.userId !== userId) throw invalid();
  const { sessionEpoch, ...user } = session.user;
  // A session opened in an earlier epoch ended when the password changed or the account was deactivated.
  if (!user.isActive || user.clientId !== tenantId || sessionEpoch !== session.sessionEpoch) throw invalid();
  return user;
}

export async function authenticateAccessToken(token: string, audience: Audience, tenantId: string | null): Promise<UserPrincipal> {
  const claims = await verifyToken(token, { type: "access", aud: audience });
  if ((claims.tid ?? null) !== tenantId) throw invalid();
  const user = await sessionUser(claims.sid, claims.sub, tenantId);
  return { kind: "user", user, sessionId: claims.sid, claims };
}

// Turning a request's credentials into a principal. The token proves who and which session;
// one query then checks what must bite at once: the session is not revoked, the user is active,
// and the user still belongs where the token says.
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { verifyToken, type Audience } from "@/lib/auth/tokens";
import { publicUserSelect, type PublicUser } from "@/lib/users/user-schemas";
import type { UserPrincipal } from "@/lib/rbac/principal";

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ApiError(401, "not_authenticated", "Authorization header must be 'Bearer <token>'.");
  return match[1];
}

function invalid(): ApiError {
  return new ApiError(401, "token_not_valid", "Token is invalid or expired.");
}

/**
 * The user of a live session: not revoked, not past its absolute end, user active, still where the
 * session was opened and still in the epoch it was opened in. Shared by access tokens and the console's cookie session.
 */
export async function sessionUser(sessionId: string, userId: string, schoolId: string | null): Promise<PublicUser> {
  const session = await prisma.refreshFamily.findUnique({
    where: { id: sessionId },
    select: {
      revokedAt: true,
      expiresAt: true,
      userId: true,
      sessionEpoch: true,
      user: { select: { ...publicUserSelect, sessionEpoch: true } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date() || session.userId !== userId) throw invalid();
  const { sessionEpoch, ...user } = session.user;
  // A session opened in an earlier epoch ended when the password changed or the account was deactivated.
  if (!user.isActive || user.clientId !== schoolId || sessionEpoch !== session.sessionEpoch) throw invalid();
  return user;
}

/**
 * A user whose password an admin set (a temporary password) may reach only the routes that let them
 * change it — auth/password, auth/me and auth/logout — until they do. Checked by the authentication
 * itself, after the session proved live, so that no route can forget it.
 */
export function assertPasswordCurrent(user: Pick<PublicUser, "passwordChangeRequired">, beforePasswordChange: boolean): void {
  if (user.passwordChangeRequired && !beforePasswordChange) {
    throw new ApiError(403, "password_change_required", "You must change your password first (POST …/auth/password/).");
  }
}

/**
 * With `SMS_MFA_REQUIRED_PLATFORM=1`, a platform user without two-factor sign-in may reach only the
 * routes that let them turn it on — auth/mfa/totp (and confirm), auth/me, auth/password and
 * auth/logout — until they do. Like `assertPasswordCurrent`, checked by the authentication itself
 * on every request (turning two-factor on takes effect at once, on the same tokens).
 */
export function assertMfaEnrolled(user: Pick<PublicUser, "clientId" | "mfaEnabled">, beforeMfaEnrolment: boolean): void {
  if (user.clientId === null && !user.mfaEnabled && !beforeMfaEnrolment && env().SMS_MFA_REQUIRED_PLATFORM) {
    throw new ApiError(403, "mfa_enrolment_required", "You must turn on two-factor sign-in first (POST /api/v1/system/auth/mfa/totp/).");
  }
}

/** A platform user the policy holds to enrol before anything else (`mfa_enrolment_required` in the login answer). */
export function mfaEnrolmentRequired(user: Pick<PublicUser, "clientId" | "mfaEnabled">): boolean {
  return user.clientId === null && !user.mfaEnabled && env().SMS_MFA_REQUIRED_PLATFORM;
}

export async function authenticateAccessToken(
  token: string,
  audience: Audience,
  schoolId: string | null,
  options: { beforePasswordChange?: boolean; beforeMfaEnrolment?: boolean } = {},
): Promise<UserPrincipal> {
  const claims = await verifyToken(token, { type: "access", aud: audience });
  if ((claims.tid ?? null) !== schoolId) throw invalid();
  const user = await sessionUser(claims.sid, claims.sub, schoolId);
  assertPasswordCurrent(user, options.beforePasswordChange ?? false);
  assertMfaEnrolled(user, options.beforeMfaEnrolment ?? false);
  return { kind: "user", user, sessionId: claims.sid };
}

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
 * Also their school's two-factor policy (`mfa_required`, see `mfaEnrolmentRequired`), read in the
 * same query, so that turning it on binds existing sessions at once.
 */
export async function liveSession(
  sessionId: string,
  userId: string,
  schoolId: string | null,
): Promise<{ user: PublicUser; schoolMfaRequired: boolean }> {
  const session = await prisma.refreshFamily.findUnique({
    where: { id: sessionId },
    select: {
      revokedAt: true,
      expiresAt: true,
      userId: true,
      sessionEpoch: true,
      user: { select: { ...publicUserSelect, sessionEpoch: true, client: { select: { mfaRequired: true } } } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date() || session.userId !== userId) throw invalid();
  const { sessionEpoch, client, ...user } = session.user;
  // A session opened in an earlier epoch ended when the password changed or the account was deactivated.
  if (!user.isActive || user.clientId !== schoolId || sessionEpoch !== session.sessionEpoch) throw invalid();
  return { user, schoolMfaRequired: client?.mfaRequired ?? false };
}

export async function sessionUser(sessionId: string, userId: string, schoolId: string | null): Promise<PublicUser> {
  return (await liveSession(sessionId, userId, schoolId)).user;
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
 * Whether the two-factor policy holds the user to enrol before anything else: a platform user under
 * `SMS_MFA_REQUIRED_PLATFORM=1`, or a school's staff member when their school requires it
 * (`schoolRequires`: the school's `mfa_required`, read by the caller's authentication) — and they
 * have not turned it on. Answered as `mfa_enrolment_required` by the login and `me`.
 */
export function mfaEnrolmentRequired(user: Pick<PublicUser, "clientId" | "mfaEnabled">, schoolRequires = false): boolean {
  if (user.mfaEnabled) return false;
  return user.clientId === null ? env().SMS_MFA_REQUIRED_PLATFORM : schoolRequires;
}

/**
 * A user the two-factor policy holds (`mfaEnrolmentRequired`) may reach only the routes that let
 * them turn it on — auth/mfa/totp (and confirm), auth/me, auth/password and auth/logout — until
 * they do. Like `assertPasswordCurrent`, checked by the authentication itself on every request
 * (turning two-factor on, or the school's policy, takes effect at once, on the same tokens).
 */
export function assertMfaEnrolled(
  user: Pick<PublicUser, "clientId" | "mfaEnabled">,
  beforeMfaEnrolment: boolean,
  schoolRequires = false,
): void {
  if (!beforeMfaEnrolment && mfaEnrolmentRequired(user, schoolRequires)) throw mfaEnrolmentRefused(user);
}

/** `assertMfaEnrolled` for a principal whose authentication already judged the policy (the apps' sessions). */
export function assertPrincipalMfaEnrolled(principal: UserPrincipal, beforeMfaEnrolment: boolean): void {
  if (!beforeMfaEnrolment && principal.mfaEnrolmentRequired) throw mfaEnrolmentRefused(principal.user);
}

function mfaEnrolmentRefused(user: Pick<PublicUser, "clientId">): ApiError {
  const audience = user.clientId === null ? "system" : "school";
  return new ApiError(
    403,
    "mfa_enrolment_required",
    `You must turn on two-factor sign-in first (POST /api/v1/${audience}/auth/mfa/totp/).`,
  );
}

export async function authenticateAccessToken(
  token: string,
  audience: Audience,
  schoolId: string | null,
  options: { beforePasswordChange?: boolean; beforeMfaEnrolment?: boolean } = {},
): Promise<UserPrincipal> {
  const claims = await verifyToken(token, { type: "access", aud: audience });
  if ((claims.tid ?? null) !== schoolId) throw invalid();
  const { user, schoolMfaRequired } = await liveSession(claims.sid, claims.sub, schoolId);
  assertPasswordCurrent(user, options.beforePasswordChange ?? false);
  assertMfaEnrolled(user, options.beforeMfaEnrolment ?? false, schoolMfaRequired);
  return { kind: "user", user, sessionId: claims.sid, mfaEnrolmentRequired: mfaEnrolmentRequired(user, schoolMfaRequired) };
}

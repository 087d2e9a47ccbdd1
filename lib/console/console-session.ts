// Who is using the console, checked against the database on every request (see auth-options).
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { assertPasswordCurrent, assertPrincipalMfaEnrolled, liveSession, mfaEnrolmentRequired } from "@/lib/auth/authenticate";
import type { UserPrincipal } from "@/lib/rbac/principal";
import { isId } from "@/lib/http/ids";
import { ApiError } from "@/lib/http/api-error";
import { assertPlatformAccess, type PlatformAccess } from "@/lib/platform/policy";
import type { PlatformActor } from "@/lib/audit/actor";
import { originOf } from "@/lib/http/request-context";
import { signInHref } from "@/lib/pages/return-path";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The signed-in platform user, or null (no cookie, bad cookie, or the session ended). */
export async function consolePrincipal(): Promise<UserPrincipal | null> {
  const jar = await cookies();
  const raw = COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!raw || !process.env.NEXTAUTH_SECRET) return null;
  const token = await decode({ token: raw, secret: process.env.NEXTAUTH_SECRET }).catch(() => null);
  const sid = token?.sid;
  const sub = token?.sub;
  if (typeof sid !== "string" || typeof sub !== "string" || !isId(sid) || !isId(sub)) return null;
  try {
    const { user } = await liveSession(sid, sub, null);
    return { kind: "user", user, sessionId: sid, mfaEnrolmentRequired: mfaEnrolmentRequired(user) };
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}

export const CONSOLE_SIGN_IN = "/console/sign-in";
/** Where a user whose password an admin set must choose their own before anything else. */
export const CONSOLE_PASSWORD = "/console/password";
/** My account, where a user the two-factor policy holds turns it on; the page explains why they are there. */
export const CONSOLE_ACCOUNT = "/console/account";

/**
 * For pages: the principal, or a redirect to the sign-in page, which will send the user back here;
 * a user with a temporary password goes to the change-password page instead, and one the two-factor
 * policy (SMS_MFA_REQUIRED_PLATFORM) holds to My account — from every page but those that declare
 * `beforeMfaEnrolment` (My account itself, and the layout around it), as the API refuses them
 * everywhere but enrolling. Every page calls this, so a client-side navigation is caught too.
 */
export async function requireConsoleUser(options: { beforeMfaEnrolment?: boolean } = {}): Promise<UserPrincipal> {
  const principal = await consolePrincipal();
  if (!principal) redirect(signInHref(CONSOLE_SIGN_IN, (await headers()).get("x-sms-path")));
  if (principal.user.passwordChangeRequired) redirect(CONSOLE_PASSWORD);
  if (principal.mfaEnrolmentRequired && !options.beforeMfaEnrolment) redirect(CONSOLE_ACCOUNT);
  return principal;
}

/**
 * For server actions: the acting user, allowed to do `access`, with the request's origin. A user with
 * a temporary password may only change it (`beforePasswordChange`), and one the two-factor policy
 * (SMS_MFA_REQUIRED_PLATFORM) holds may only enrol (`beforeMfaEnrolment`), as in the API.
 */
export async function consoleActor(
  access: PlatformAccess,
  options: { beforePasswordChange?: boolean; beforeMfaEnrolment?: boolean } = {},
): Promise<PlatformActor> {
  const principal = await consolePrincipal();
  if (!principal) throw new ApiError(401, "not_authenticated", "Your session has ended. Sign in again.");
  assertPasswordCurrent(principal.user, options.beforePasswordChange ?? false);
  assertPrincipalMfaEnrolled(principal, options.beforeMfaEnrolment ?? false);
  assertPlatformAccess(principal.user, access);
  return { principal, origin: originOf(await headers()) };
}

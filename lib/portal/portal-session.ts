// The school portal's session: a host-only cookie on the school's own address holding an
// encrypted {sub, sid, tid} — the user, their login session (refresh family) and the school.
// Sign-in runs the very same school login as POST /api/v1/school/auth/login/ (throttling and
// audit included), and every portal request re-checks the session in the database, so logout
// elsewhere, deactivation, a password change or the school's suspension end it at once.
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { isId } from "@/lib/http/ids";
import { originOf, type RequestOrigin } from "@/lib/http/request-context";
import { login, verifyMfaLogin, type LoginInput } from "@/lib/auth/login";
import { liveSession, mfaEnrolmentRequired } from "@/lib/auth/authenticate";
import type { UserPrincipal } from "@/lib/rbac/principal";
import { revokeFamilies } from "@/lib/auth/sessions";
import { verifyToken } from "@/lib/auth/tokens";
import { derivedSecret } from "@/lib/auth/secret-box";
import { signInHref } from "@/lib/pages/return-path";
import { assertActive, schoolAtHost, schoolErrors, type School } from "@/lib/schools/resolve-school";

export const PORTAL_COOKIE = "sms_school_session";

const secret = () => derivedSecret("school-portal");

/** The school served at this request's host, or null (platform host, unknown host). */
export async function requestSchool(): Promise<School | null> {
  return schoolAtHost((await headers()).get("host") ?? "");
}

/** Where a portal request came from, for the audit trail (as the API's pipeline records it). */
export async function requestOrigin(): Promise<RequestOrigin> {
  return originOf(await headers());
}

/**
 * Served over https (a TLS socket, or a trusted proxy that says so — decided by our server, which
 * sets `x-sms-proto`): the cookie must be Secure. Without our server, the browser's Origin tells.
 */
async function isHttps(): Promise<boolean> {
  const h = await headers();
  return h.get("x-sms-proto") === "https" || (h.get("origin") ?? "").toLowerCase().startsWith("https:");
}

interface PortalToken {
  sub: string;
  sid: string;
  tid: string;
}

async function readCookie(): Promise<PortalToken | null> {
  const raw = (await cookies()).get(PORTAL_COOKIE)?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: secret(), salt: PORTAL_COOKIE }).catch(() => null);
  const { sub, sid, tid } = (token ?? {}) as Record<string, unknown>;
  if (typeof sub !== "string" || typeof sid !== "string" || typeof tid !== "string" || !isId(sub) || !isId(sid) || !isId(tid)) return null;
  return { sub, sid, tid };
}

/**
 * The signed-in staff user of the school at this host, or null: no cookie, a bad one, a cookie
 * of another school, a suspended school, or a session that has ended.
 */
export async function portalPrincipal(school: School | null): Promise<UserPrincipal | null> {
  if (!school?.isActive) return null;
  const token = await readCookie();
  if (!token || token.tid !== school.id) return null;
  try {
    // The school's two-factor policy is read with the session, so that turning it on binds at once.
    const { user, schoolMfaRequired } = await liveSession(token.sid, token.sub, school.id);
    return { kind: "user", user, sessionId: token.sid, mfaEnrolmentRequired: mfaEnrolmentRequired(user, schoolMfaRequired) };
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}

export const PORTAL_SIGN_IN = "/sign-in";
/** Where a user whose password an admin set must choose their own before anything else. */
export const PORTAL_PASSWORD = "/password";
/** My account, where a user the school's two-factor policy holds turns it on. */
export const PORTAL_ACCOUNT = "/account";

/**
 * For pages: the school and its signed-in user; an unknown school is a 404, no session goes to
 * sign-in, which will send the user back to this page, a temporary password to the
 * change-password page, and a user the school's two-factor policy holds to My account — from
 * every page but those that declare `beforeMfaEnrolment` (My account itself, and the layout around
 * it), as the API refuses such users everywhere but enrolling.
 */
export async function requirePortalUser(
  options: { beforeMfaEnrolment?: boolean } = {},
): Promise<{ school: School; principal: UserPrincipal }> {
  const school = await requestSchool();
  if (!school) notFound();
  const principal = await portalPrincipal(school);
  if (!principal) redirect(signInHref(PORTAL_SIGN_IN, (await headers()).get("x-sms-path")));
  if (principal.user.passwordChangeRequired) redirect(PORTAL_PASSWORD);
  if (principal.mfaEnrolmentRequired && !options.beforeMfaEnrolment) redirect(PORTAL_ACCOUNT);
  return { school, principal };
}

/**
 * Signs in on the school at this host and sets the session cookie; throws ApiError as the API would.
 * With two-factor on, answers the mfa_token for `verifyPortalSignIn` instead (no cookie yet).
 */
export async function signInToPortal(input: LoginInput): Promise<{ mfaToken: string } | null> {
  const school = await requestSchool();
  if (!school) throw schoolErrors.notFound();
  assertActive(school);
  const result = await login(input, { audience: "school", schoolId: school.id }, await requestOrigin());
  if (result.mfaRequired) return { mfaToken: result.mfaToken };
  await setPortalSession(school, result.user.id, result.tokens.access);
  return null;
}

/** A two-factor sign-in's second step: the mfa_token and the code; sets the session cookie. */
export async function verifyPortalSignIn(input: { mfa_token: string; code: string }): Promise<void> {
  const school = await requestSchool();
  if (!school) throw schoolErrors.notFound();
  assertActive(school);
  const { user, tokens } = await verifyMfaLogin(input, { audience: "school", schoolId: school.id }, await requestOrigin());
  await setPortalSession(school, user.id, tokens.access);
}

/** Opens the portal session of a login already made (an accepted invitation's tokens): the session cookie. */
export async function setPortalSession(school: School, userId: string, access: string): Promise<void> {
  const { sid } = await verifyToken(access, { type: "access", aud: "school" });
  const maxAge = env().SMS_REFRESH_TTL;
  const value = await encode({ token: { sub: userId, sid, tid: school.id }, secret: secret(), salt: PORTAL_COOKIE, maxAge });
  // No Domain attribute: the cookie stays on this school's host, never on its sibling schools.
  (await cookies()).set(PORTAL_COOKIE, value, { httpOnly: true, sameSite: "lax", secure: await isHttps(), path: "/", maxAge });
}

/** Ends the portal session: its login session is revoked (so its tokens stop too) and the cookie goes. */
export async function signOutOfPortal(): Promise<void> {
  const token = await readCookie();
  const jar = await cookies();
  jar.delete(PORTAL_COOKIE);
  if (!token) return;
  const school = await requestSchool();
  if (!school || school.id !== token.tid) return;
  await revokeFamilies({ id: token.sid }, "logout", {
    event: () => ({
      action: "school.logout",
      schoolId: school.id,
      actor: { userId: token.sub },
      target: { type: "session", id: token.sid },
      metadata: { via: "portal" },
    }),
    origin: await requestOrigin(),
  });
}

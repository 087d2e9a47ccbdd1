"use server";
// The portal's signed-out credential pages: "Forgot your password?", the reset link's page and the
// invitation's page. No session to check (they are for people who cannot sign in), so not through
// portalAction: the school comes from the host (active), the bodies and services are those of
// POST /api/v1/school/auth/password-reset/, …/confirm/ and …/invitation/accept/, and accepting an
// invitation signs the person in with the portal's own session cookie.
import { actionResult, type ActionResult } from "@/lib/http/action-result";
import { inputRules } from "@/lib/env";
import { InvitationAcceptBody, PasswordResetConfirmBody, PasswordResetRequestBody } from "@/lib/auth/account-link-schemas";
import { confirmPasswordReset, requestPasswordReset } from "@/lib/auth/password-reset";
import { acceptInvitation } from "@/lib/auth/invitations";
import { assertActive, schoolErrors, type School } from "@/lib/schools/resolve-school";
import { requestOrigin, requestSchool, setPortalSession } from "@/lib/portal/portal-session";

async function activeSchool(): Promise<School> {
  const school = await requestSchool();
  if (!school) throw schoolErrors.notFound();
  assertActive(school);
  return school;
}

/** Asks for a reset link: resolves the same whether or not the account exists (429 past the limits). */
export async function requestPortalPasswordReset(input: { identifier: string }): Promise<ActionResult<null>> {
  return actionResult(async () => {
    const school = await activeSchool();
    await requestPasswordReset(PasswordResetRequestBody.parse(input), { audience: "school", schoolId: school.id }, await requestOrigin());
    return null;
  }, "portal");
}

/** Spends a reset link: the new password is set and every session ends; they sign in with it. */
export async function confirmPortalPasswordReset(input: { token: string; new_password: string }): Promise<ActionResult<null>> {
  return actionResult(async () => {
    const school = await activeSchool();
    const body = PasswordResetConfirmBody(inputRules()).parse(input);
    await confirmPasswordReset(body, { audience: "school", schoolId: school.id }, await requestOrigin());
    return null;
  }, "portal");
}

/** Accepts an invitation: the password they chose is set, and they are signed in to this school's portal. */
export async function acceptPortalInvitation(input: { token: string; password: string; full_name?: string }): Promise<ActionResult<null>> {
  return actionResult(async () => {
    const school = await activeSchool();
    const body = InvitationAcceptBody(inputRules()).parse(input);
    const { user, tokens } = await acceptInvitation(body, { audience: "school", schoolId: school.id }, await requestOrigin());
    await setPortalSession(school, user.id, tokens.access);
    return null;
  }, "portal");
}

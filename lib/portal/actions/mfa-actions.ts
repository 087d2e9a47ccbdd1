"use server";
// The portal's "Two-factor sign-in" on My account: start an enrolment (with its QR code), confirm
// it with the app's code, turn it off with the password — the services of …/auth/mfa/totp/.
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { confirmTotp, disableTotp } from "@/lib/auth/mfa";
import { startEnrolmentWithQr, type EnrolmentView } from "@/lib/auth/mfa-qr";
import { MfaConfirmBody, MfaDisableBody } from "@/lib/auth/mfa-schemas";
import { portalAction, type ActionResult, type PortalWrite } from "@/lib/portal/portal-action";
import { requestSchool } from "@/lib/portal/portal-session";

/** Enrolling is what a user the school's two-factor policy holds may still do (as in the API). */
const ENROLLING = { beforeMfaEnrolment: true };

function caller({ schoolId, actor }: PortalWrite) {
  if (actor.principal.kind !== "user") throw ApiError.permissionDenied("Only a signed-in user has two-factor sign-in.");
  return { principal: actor.principal, audience: "school" as const, schoolId, origin: actor.origin };
}

export async function startPortalMfaAction(): Promise<ActionResult<EnrolmentView>> {
  return portalAction(
    null,
    z.object({}),
    async (_, write) => {
      const school = await requestSchool();
      return startEnrolmentWithQr({ ...caller(write), issuer: school?.name ?? "School" });
    },
    ENROLLING,
  )({});
}

export async function confirmPortalMfaAction(input: { code: string }): Promise<ActionResult<{ recovery_codes: string[] }>> {
  return portalAction(null, MfaConfirmBody, async ({ code }, write) => confirmTotp({ ...caller(write), code }), ENROLLING)(input);
}

export async function disablePortalMfaAction(input: { password: string }): Promise<ActionResult<null>> {
  return portalAction(null, MfaDisableBody, async ({ password }, write) => {
    await disableTotp({ ...caller(write), password });
    return null;
  })(input);
}

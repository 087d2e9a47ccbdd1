"use server";
// The console's "Two-factor sign-in" on My account: start an enrolment (with its QR code), confirm
// it with the app's code, turn it off with the password — the services of …/auth/mfa/totp/.
import { z } from "zod";
import { env } from "@/lib/env";
import { confirmTotp, disableTotp } from "@/lib/auth/mfa";
import { startEnrolmentWithQr, type EnrolmentView } from "@/lib/auth/mfa-qr";
import { MfaConfirmBody, MfaDisableBody } from "@/lib/auth/mfa-schemas";
import { consoleAction, type ActionResult } from "@/lib/console/console-action";

export async function startConsoleMfaAction(): Promise<ActionResult<EnrolmentView>> {
  return consoleAction(
    "any",
    z.object({}),
    async (_, { principal, origin }) =>
      startEnrolmentWithQr({ principal, audience: "system", schoolId: null, origin, issuer: env().SMS_ROOT_DOMAIN }),
    { beforeMfaEnrolment: true },
  )({});
}

export async function confirmConsoleMfaAction(input: { code: string }): Promise<ActionResult<{ recovery_codes: string[] }>> {
  return consoleAction(
    "any",
    MfaConfirmBody,
    async ({ code }, { principal, origin }) => confirmTotp({ principal, audience: "system", schoolId: null, origin, code }),
    { beforeMfaEnrolment: true },
  )(input);
}

export async function disableConsoleMfaAction(input: { password: string }): Promise<ActionResult<null>> {
  return consoleAction("any", MfaDisableBody, async ({ password }, { principal, origin }) => {
    await disableTotp({ principal, audience: "system", schoolId: null, origin, password });
    return null;
  })(input);
}

"use server";
// The console's signed-out credential pages: "Forgot your password?" and the reset link's page.
// No session to check (they are for people who cannot sign in), so not through consoleAction: the
// bodies and services are those of POST /api/v1/system/auth/password-reset/ and …/confirm/.
// Accepting an invitation signs in, so it goes through next-auth (lib/console/auth-options.ts).
import { headers } from "next/headers";
import { actionResult, type ActionResult } from "@/lib/http/action-result";
import { inputRules } from "@/lib/env";
import { originOf } from "@/lib/http/request-context";
import { PasswordResetConfirmBody, PasswordResetRequestBody } from "@/lib/auth/account-link-schemas";
import { confirmPasswordReset, requestPasswordReset } from "@/lib/auth/password-reset";

const PLATFORM = { audience: "system", schoolId: null } as const;

/** Asks for a reset link: resolves the same whether or not the account exists (429 past the limits). */
export async function requestConsolePasswordReset(input: { identifier: string }): Promise<ActionResult<null>> {
  return actionResult(async () => {
    await requestPasswordReset(PasswordResetRequestBody.parse(input), PLATFORM, originOf(await headers()));
    return null;
  }, "console");
}

/** Spends a reset link: the new password is set and every session ends; they sign in with it. */
export async function confirmConsolePasswordReset(input: { token: string; new_password: string }): Promise<ActionResult<null>> {
  return actionResult(async () => {
    await confirmPasswordReset(PasswordResetConfirmBody(inputRules()).parse(input), PLATFORM, originOf(await headers()));
    return null;
  }, "console");
}

"use client";
// The console's signed-out credential forms: the shared forms over the console's server actions,
// and — accepting an invitation signs in — next-auth's Credentials provider with the link's token
// (lib/console/auth-options.ts), so the session is the one the invitation opened.
import { signIn } from "next-auth/react";
import type { InputRules } from "@/lib/config/input-rules";
import type { ActionResult } from "@/lib/http/action-result";
import { confirmConsolePasswordReset, requestConsolePasswordReset } from "@/lib/console/actions/credential-actions";
import { INVITATION_NOT_VALID } from "@/lib/console/mfa-step";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { InvitationForm } from "@/components/auth/invitation-form";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

const CONSOLE_FORGOT = "/console/forgot-password";
const SIGN_IN = "/console/sign-in";

export function ConsoleForgotPasswordForm() {
  return <ForgotPasswordForm action={requestConsolePasswordReset} signInHref={SIGN_IN} />;
}

export function ConsoleResetPasswordForm({ token, rules }: { token: string; rules: InputRules }) {
  return (
    <ResetPasswordForm token={token} rules={rules} action={confirmConsolePasswordReset} signInHref={SIGN_IN} forgotHref={CONSOLE_FORGOT} />
  );
}

async function acceptAndSignIn(input: { token: string; password: string; full_name?: string }): Promise<ActionResult<null>> {
  const result = await signIn("credentials", {
    invitation_token: input.token,
    password: input.password,
    full_name: input.full_name ?? "",
    redirect: false,
  });
  if (result && !result.error) return { ok: true, data: null };
  if (result?.error === INVITATION_NOT_VALID) return { ok: false, error: "This link can no longer be used.", code: "token_not_valid" };
  return {
    ok: false,
    error: result?.error && result.error !== "CredentialsSignin" ? result.error : "Something went wrong. Please try again.",
  };
}

export function ConsoleInvitationForm({ token, rules }: { token: string; rules: InputRules }) {
  return (
    <InvitationForm token={token} rules={rules} accept={acceptAndSignIn} next="/console" signInHref={SIGN_IN} forgotHref={CONSOLE_FORGOT} />
  );
}

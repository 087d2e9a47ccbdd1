"use client";
// The portal's signed-out credential forms: the shared forms over the portal's server actions
// (accepting an invitation sets the portal's session cookie, then the browser goes to /profile).
import type { InputRules } from "@/lib/config/input-rules";
import { acceptPortalInvitation, confirmPortalPasswordReset, requestPortalPasswordReset } from "@/lib/portal/actions/credential-actions";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { InvitationForm } from "@/components/auth/invitation-form";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

const PORTAL_FORGOT = "/forgot-password";
const SIGN_IN = "/sign-in";

export function PortalForgotPasswordForm() {
  return <ForgotPasswordForm action={requestPortalPasswordReset} signInHref={SIGN_IN} />;
}

export function PortalResetPasswordForm({ token, rules }: { token: string; rules: InputRules }) {
  return (
    <ResetPasswordForm token={token} rules={rules} action={confirmPortalPasswordReset} signInHref={SIGN_IN} forgotHref={PORTAL_FORGOT} />
  );
}

export function PortalInvitationForm({ token, rules }: { token: string; rules: InputRules }) {
  return (
    <InvitationForm
      token={token}
      rules={rules}
      accept={acceptPortalInvitation}
      next="/profile"
      signInHref={SIGN_IN}
      forgotHref={PORTAL_FORGOT}
    />
  );
}

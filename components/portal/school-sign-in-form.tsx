"use client";
// The school sign-in: the portal's server actions (school login on this host, then — two-factor
// on — the code) behind the shared credentials form.
import { signInAction, verifyCodeAction } from "@/lib/portal/actions/session-actions";
import { CredentialsForm, type CredentialsInput, type SignInStep } from "@/components/auth/credentials-form";

async function schoolSignIn(values: CredentialsInput): Promise<SignInStep> {
  const result = await signInAction(values);
  if (!result.ok) return result.error;
  return result.data ? { mfaToken: result.data.mfaToken } : null;
}

async function schoolVerify(mfaToken: string, code: string): Promise<string | null> {
  const result = await verifyCodeAction({ mfa_token: mfaToken, code });
  return result.ok ? null : result.error;
}

export function SchoolSignInForm({ next }: { next: string }) {
  return <CredentialsForm submit={schoolSignIn} verify={schoolVerify} next={next} />;
}

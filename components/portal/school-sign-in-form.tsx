"use client";
// The school sign-in: the portal's server action (school login on this host) behind the shared
// credentials form.
import { signInAction } from "@/lib/portal/actions/session-actions";
import { CredentialsForm, type CredentialsInput } from "@/components/auth/credentials-form";

async function schoolSignIn(values: CredentialsInput): Promise<string | null> {
  const result = await signInAction(values);
  return result.ok ? null : result.error;
}

export function SchoolSignInForm({ next }: { next: string }) {
  return <CredentialsForm submit={schoolSignIn} next={next} />;
}

"use client";
// The console sign-in: next-auth's Credentials provider behind the shared credentials form. With
// two-factor on, the provider refuses the password step with the mfa_token (MFA_STEP + token), and
// the code step signs in with that token and the code.
import { signIn } from "next-auth/react";
import { CredentialsForm, type CredentialsInput, type SignInStep } from "@/components/auth/credentials-form";
import { MFA_STEP } from "@/lib/console/mfa-step";

async function consoleSignIn(values: CredentialsInput): Promise<SignInStep> {
  const result = await signIn("credentials", { ...values, redirect: false });
  if (result && !result.error) return null;
  if (result?.error?.startsWith(MFA_STEP)) return { mfaToken: result.error.slice(MFA_STEP.length) };
  return result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email/phone or password.";
}

async function consoleVerify(mfaToken: string, code: string): Promise<string | null> {
  const result = await signIn("credentials", { mfa_token: mfaToken, code, redirect: false });
  if (result && !result.error) return null;
  return result?.error && result.error !== "CredentialsSignin" ? result.error : "That code is not valid.";
}

export function ConsoleSignInForm({ next }: { next: string }) {
  return <CredentialsForm submit={consoleSignIn} verify={consoleVerify} next={next} />;
}

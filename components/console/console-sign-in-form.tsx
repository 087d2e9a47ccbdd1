"use client";
// The console sign-in: next-auth's Credentials provider behind the shared credentials form.
import { signIn } from "next-auth/react";
import { CredentialsForm, type CredentialsInput } from "@/components/auth/credentials-form";

async function consoleSignIn(values: CredentialsInput): Promise<string | null> {
  const result = await signIn("credentials", { ...values, redirect: false });
  if (result && !result.error) return null;
  return result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email/phone or password.";
}

export function ConsoleSignInForm({ next }: { next: string }) {
  return <CredentialsForm submit={consoleSignIn} next={next} />;
}

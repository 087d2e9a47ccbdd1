// The page a platform user's reset link opens (/console/reset-password?token=…): choose a new
// password, then sign in with it. A link without a token is answered as one that cannot be used.
import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { LinkNotValid } from "@/components/auth/link-not-valid";
import { ConsoleResetPasswordForm } from "@/components/console/console-credential-forms";
import { inputRules } from "@/lib/env";
import { linkToken } from "@/lib/pages/link-token";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

export default async function ConsoleResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = linkToken((await searchParams).token);
  return (
    <AuthCard eyebrow="Platform console" title="Choose a new password">
      {token ? (
        <ConsoleResetPasswordForm token={token} rules={inputRules()} />
      ) : (
        <LinkNotValid kind="reset" forgotHref="/console/forgot-password" signInHref="/console/sign-in" />
      )}
    </AuthCard>
  );
}

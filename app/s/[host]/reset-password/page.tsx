// The page a school's reset link opens (the user sees /reset-password?token=…): choose a new
// password, then sign in with it. A link without a token is answered as one that cannot be used.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LinkNotValid } from "@/components/auth/link-not-valid";
import { PortalResetPasswordForm } from "@/components/portal/portal-credential-forms";
import { SuspendedNotice } from "@/components/portal/suspended-notice";
import { inputRules } from "@/lib/env";
import { linkToken } from "@/lib/pages/link-token";
import { requestSchool } from "@/lib/portal/portal-session";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

export default async function PortalResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const school = await requestSchool();
  if (!school) notFound();
  const token = linkToken((await searchParams).token);
  return (
    <AuthCard eyebrow={school.name} title="Choose a new password">
      {!school.isActive ? (
        <SuspendedNotice />
      ) : token ? (
        <PortalResetPasswordForm token={token} rules={inputRules()} />
      ) : (
        <LinkNotValid kind="reset" forgotHref="/forgot-password" signInHref="/sign-in" />
      )}
    </AuthCard>
  );
}

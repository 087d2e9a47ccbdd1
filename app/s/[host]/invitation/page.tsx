// The page a school's invitation opens (the user sees /invitation?token=…): choose a password (and
// the name they go by), and be signed in to the portal. A link without a token cannot be used.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LinkNotValid } from "@/components/auth/link-not-valid";
import { PortalInvitationForm } from "@/components/portal/portal-credential-forms";
import { SuspendedNotice } from "@/components/portal/suspended-notice";
import { inputRules } from "@/lib/env";
import { linkToken } from "@/lib/pages/link-token";
import { requestSchool } from "@/lib/portal/portal-session";

export const metadata: Metadata = { title: "Accept your invitation" };
export const dynamic = "force-dynamic";

export default async function PortalInvitationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const school = await requestSchool();
  if (!school) notFound();
  const token = linkToken((await searchParams).token);
  return (
    <AuthCard
      eyebrow={school.name}
      title="Welcome — choose your password"
      intro={
        token && school.isActive
          ? `You were invited to ${school.name}'s staff portal. Choose the password you will sign in with.`
          : undefined
      }
    >
      {!school.isActive ? (
        <SuspendedNotice />
      ) : token ? (
        <PortalInvitationForm token={token} rules={inputRules()} />
      ) : (
        <LinkNotValid kind="invitation" forgotHref="/forgot-password" signInHref="/sign-in" />
      )}
    </AuthCard>
  );
}

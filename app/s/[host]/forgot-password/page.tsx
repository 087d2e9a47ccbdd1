// A school's "Forgot your password?", on its own host (the user sees /forgot-password): a reset
// link goes to the staff account's email or phone, if there is one (API §8).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { PortalForgotPasswordForm } from "@/components/portal/portal-credential-forms";
import { SuspendedNotice } from "@/components/portal/suspended-notice";
import { requestSchool } from "@/lib/portal/portal-session";

export const metadata: Metadata = { title: "Forgot your password?" };
export const dynamic = "force-dynamic";

export default async function PortalForgotPasswordPage() {
  const school = await requestSchool();
  if (!school) notFound();
  return (
    <AuthCard
      eyebrow={school.name}
      title="Forgot your password?"
      intro={
        school.isActive ? "Enter the email or phone number you sign in with; we will send you a link to choose a new password." : undefined
      }
    >
      {school.isActive ? <PortalForgotPasswordForm /> : <SuspendedNotice />}
    </AuthCard>
  );
}

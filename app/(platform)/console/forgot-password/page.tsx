// The console's "Forgot your password?" (platform users): a reset link goes to the account's email
// or phone, if there is one (API §8).
import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ConsoleForgotPasswordForm } from "@/components/console/console-credential-forms";

export const metadata: Metadata = { title: "Forgot your password?" };
export const dynamic = "force-dynamic";

export default function ConsoleForgotPasswordPage() {
  return (
    <AuthCard
      eyebrow="Platform console"
      title="Forgot your password?"
      intro="Enter the email or phone number of your platform account; we will send you a link to choose a new password. School staff ask on their school's address."
    >
      <ConsoleForgotPasswordForm />
    </AuthCard>
  );
}

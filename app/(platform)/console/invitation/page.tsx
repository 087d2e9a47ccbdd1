// The page a platform user's invitation opens (/console/invitation?token=…): choose a password
// (and the name they go by), and be signed in to the console. A link without a token cannot be used.
import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { LinkNotValid } from "@/components/auth/link-not-valid";
import { ConsoleInvitationForm } from "@/components/console/console-credential-forms";
import { inputRules } from "@/lib/env";
import { linkToken } from "@/lib/pages/link-token";

export const metadata: Metadata = { title: "Accept your invitation" };
export const dynamic = "force-dynamic";

export default async function ConsoleInvitationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = linkToken((await searchParams).token);
  return (
    <AuthCard
      eyebrow="Platform console"
      title="Welcome — choose your password"
      intro={token ? "You were invited to the platform console. Choose the password you will sign in with." : undefined}
    >
      {token ? (
        <ConsoleInvitationForm token={token} rules={inputRules()} />
      ) : (
        <LinkNotValid kind="invitation" forgotHref="/console/forgot-password" signInHref="/console/sign-in" />
      )}
    </AuthCard>
  );
}

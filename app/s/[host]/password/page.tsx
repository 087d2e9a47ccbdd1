// A school's "Change your password", on its own host (the user sees /password). Every other portal
// page sends a user here while an admin's temporary password is theirs (lib/portal/portal-session.ts).
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { inputRules } from "@/lib/env";
import { PortalPasswordForm } from "@/components/portal/portal-password-form";
import { PORTAL_PASSWORD, PORTAL_SIGN_IN, portalPrincipal, requestSchool } from "@/lib/portal/portal-session";
import { signInHref } from "@/lib/pages/return-path";

export const metadata: Metadata = { title: "Change your password" };
export const dynamic = "force-dynamic";

export default async function PortalPasswordPage() {
  const school = await requestSchool();
  if (!school) notFound();
  const principal = await portalPrincipal(school);
  if (!principal) redirect(signInHref(PORTAL_SIGN_IN, PORTAL_PASSWORD));
  const { user } = principal;
  return (
    <main id="content" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm uppercase tracking-wide text-slate-600">{school.name}</p>
        <h1 className="mt-1 text-xl font-semibold">Change your password</h1>
        <p className="mb-6 mt-1 text-sm text-slate-700">
          {user.passwordChangeRequired
            ? "Someone at your school set a temporary password for your account. Choose your own to continue."
            : "Your other sessions will be signed out; this one stays signed in."}
        </p>
        <PortalPasswordForm rules={inputRules()} />
      </div>
    </main>
  );
}

// The console's "Change your password". Every other console page sends a user here while an admin's
// temporary password is theirs (lib/console/console-session.ts); anyone signed in may come to change it.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { inputRules } from "@/lib/env";
import { ConsolePasswordForm } from "@/components/console/console-password-form";
import { CONSOLE_PASSWORD, CONSOLE_SIGN_IN, consolePrincipal } from "@/lib/console/console-session";
import { signInHref } from "@/lib/pages/return-path";

export const metadata: Metadata = { title: "Change your password" };
export const dynamic = "force-dynamic";

export default async function ConsolePasswordPage() {
  const principal = await consolePrincipal();
  if (!principal) redirect(signInHref(CONSOLE_SIGN_IN, CONSOLE_PASSWORD));
  const { user } = principal;
  return (
    <main id="content" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm uppercase tracking-wide text-slate-600">Platform console</p>
        <h1 className="mt-1 text-xl font-semibold">Change your password</h1>
        <p className="mb-6 mt-1 text-sm text-slate-700">
          {user.passwordChangeRequired
            ? "An administrator set a temporary password for your account. Choose your own to continue."
            : "Your other sessions will be signed out; this one stays signed in."}
        </p>
        <ConsolePasswordForm rules={inputRules()} />
      </div>
    </main>
  );
}

// The console's sign-in page (platform users only). `?next=` brings the user back to the console
// page they were sent here from (same-origin console paths only: lib/pages/return-path.ts).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConsoleSignInForm } from "@/components/console/console-sign-in-form";
import { CONSOLE_SIGN_IN, consolePrincipal } from "@/lib/console/console-session";
import { safeReturnPath } from "@/lib/pages/return-path";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnPath((await searchParams).next, { fallback: "/console", within: "/console", signIn: CONSOLE_SIGN_IN });
  if (await consolePrincipal()) redirect(next);
  return (
    <main id="content" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Platform console</h1>
        <p className="mb-6 mt-1 text-sm text-slate-700">
          Sign in with your platform account. School staff sign in on their school&apos;s address.
        </p>
        <ConsoleSignInForm next={next} />
        <p className="mt-4 text-sm">
          <a href="/console/forgot-password" className="font-medium underline underline-offset-4">
            Forgot your password?
          </a>
        </p>
      </div>
    </main>
  );
}

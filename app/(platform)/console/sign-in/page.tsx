// The console's sign-in page (platform users only).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConsoleSignInForm } from "@/components/console/console-sign-in-form";
import { consolePrincipal } from "@/lib/console/console-session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await consolePrincipal()) redirect("/console");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Platform console</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">
          Sign in with your platform account. School staff sign in on their school&apos;s address.
        </p>
        <ConsoleSignInForm />
      </div>
    </main>
  );
}

// A school's sign-in page, on its own host (the user sees /sign-in). `?next=` brings the user back
// to the page they were sent here from (same-origin paths only: lib/pages/return-path.ts).
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SchoolSignInForm } from "@/components/portal/school-sign-in-form";
import { SuspendedNotice } from "@/components/portal/suspended-notice";
import { PORTAL_SIGN_IN, portalPrincipal, requestSchool } from "@/lib/portal/portal-session";
import { safeReturnPath } from "@/lib/pages/return-path";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SchoolSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const school = await requestSchool();
  if (!school) notFound();
  const next = safeReturnPath((await searchParams).next, { fallback: "/profile", signIn: PORTAL_SIGN_IN });
  if (await portalPrincipal(school)) redirect(next);
  return (
    <main id="content" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm uppercase tracking-wide text-slate-600">{school.name}</p>
        <h1 className="mt-1 text-xl font-semibold">Staff sign-in</h1>
        {school.isActive ? (
          <>
            <p className="mb-6 mt-1 text-sm text-slate-700">Sign in with the account your school gave you.</p>
            <SchoolSignInForm next={next} />
            <p className="mt-4 text-sm">
              <a href="/forgot-password" className="font-medium underline underline-offset-4">
                Forgot your password?
              </a>
            </p>
          </>
        ) : (
          <div className="mt-4">
            <SuspendedNotice />
          </div>
        )}
      </div>
    </main>
  );
}

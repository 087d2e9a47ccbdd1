// A school's sign-in page, on its own host (the user sees /sign-in).
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SchoolSignInForm } from "@/components/portal/school-sign-in-form";
import { SuspendedNotice } from "@/components/portal/suspended-notice";
import { portalPrincipal, requestSchool } from "@/lib/portal/portal-session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SchoolSignInPage() {
  const school = await requestSchool();
  if (!school) notFound();
  if (await portalPrincipal(school)) redirect("/profile");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm uppercase tracking-wide text-slate-500">{school.name}</p>
        <h1 className="mt-1 text-xl font-semibold">Staff sign-in</h1>
        {school.isActive ? (
          <>
            <p className="mb-6 mt-1 text-sm text-slate-600">Sign in with the account your school gave you.</p>
            <SchoolSignInForm />
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

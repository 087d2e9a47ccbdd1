// A school's front page, served on its own host (middleware rewrites tenant hosts here): a way
// in for its staff, or straight to their profile when they are signed in.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SuspendedNotice } from "@/components/portal/suspended-notice";
import { portalPrincipal, requestSchool } from "@/lib/portal/portal-session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const school = await requestSchool();
  return { title: school?.name ?? "School not found" };
}

export default async function SchoolHome() {
  const school = await requestSchool();
  if (!school) notFound();
  if (await portalPrincipal(school)) redirect("/profile");
  return (
    <main id="content" className="mx-auto max-w-3xl px-4 py-12 sm:px-6 sm:py-16">
      <p className="text-sm uppercase tracking-wide text-slate-600">School</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight">{school.name}</h1>
      {school.isActive ? (
        <>
          <p className="mt-4 text-slate-700">
            Staff of {school.name} sign in here. The school API answers at <code className="font-mono">/api/v1/school/</code> on this
            address.
          </p>
          <Link
            href="/sign-in"
            className="mt-6 inline-flex rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
          >
            Sign in
          </Link>
        </>
      ) : (
        <div className="mt-4">
          <SuspendedNotice />
        </div>
      )}
    </main>
  );
}

// A school's front page, served on its own host (middleware rewrites tenant hosts here).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { tenantAtHost } from "@/lib/tenancy/resolve-tenant";

export const dynamic = "force-dynamic";

const tenantForHost = (rawHost: string) => tenantAtHost(decodeURIComponent(rawHost));

export async function generateMetadata({ params }: { params: Promise<{ host: string }> }): Promise<Metadata> {
  const tenant = await tenantForHost((await params).host);
  return { title: tenant?.name ?? "School not found" };
}

export default async function SchoolHome({ params }: { params: Promise<{ host: string }> }) {
  const tenant = await tenantForHost((await params).host);
  if (!tenant) notFound();
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <p className="text-sm uppercase tracking-wide text-slate-500">School</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight">{tenant.name}</h1>
      {tenant.isActive ? (
        <p className="mt-4 text-slate-700">Staff of {tenant.name} sign in here. The school API answers at <code className="font-mono">/api/v1/school/</code> on this address.</p>
      ) : (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">This school&apos;s account is suspended. Contact the platform administrators.</p>
      )}
    </main>
  );
}

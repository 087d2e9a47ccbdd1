// A section the user's roles do not let them view (the navigation hides it; this is for typed URLs).
import Link from "next/link";
import type { Codename } from "@/lib/rbac/catalogue";

export function NoAccess({ section, permission }: { section: string; permission: Codename }) {
  return (
    <div role="alert" className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-xl font-semibold">{section}</h1>
      <p className="mt-2 text-sm text-slate-600">
        Your roles in this school do not let you see this section (it needs <code className="font-mono">{permission}</code>). Ask your
        school&apos;s administrator if you need it.
      </p>
      <Link href="/profile" className="mt-4 inline-block text-sm underline underline-offset-4">
        Back to your profile
      </Link>
    </div>
  );
}

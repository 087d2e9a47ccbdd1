// One number of the overview, linking to the page where it can be acted on.
import Link from "next/link";
import type { ReactNode } from "react";

export function StatCard({ label, value, note, href }: { label: string; value: number; note?: ReactNode; href: string }) {
  return (
    <Link
      href={href}
      className="group block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-400 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
    >
      <p className="text-sm font-medium text-slate-600 group-hover:text-slate-900">{label}</p>
      <p className="mt-1 text-3xl font-semibold tabular-nums tracking-tight text-slate-900">{value.toLocaleString("en-US")}</p>
      {note ? <p className="mt-1 text-xs text-slate-600">{note}</p> : null}
    </Link>
  );
}

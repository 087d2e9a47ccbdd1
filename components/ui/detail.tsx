// One labelled value of a details section (a staff member's, a school's page): a <dt>/<dd> pair
// inside the page's <dl>, and how an empty value reads.
import type { ReactNode } from "react";

export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** An empty detail, said in words. */
export const NONE = <span className="text-slate-600">None</span>;

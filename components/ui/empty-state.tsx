// What a list shows when it has no rows: why (nothing yet, or nothing matches) and the next step.
import Link from "next/link";
import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-base font-medium text-slate-900">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-md text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}

/** The empty state of a filtered list: nothing matches, and the way back to everything. */
export function NoMatches({ what, clearHref }: { what: string; clearHref: string }) {
  return (
    <EmptyState title={`No ${what} match these filters.`}>
      <Link href={clearHref} className="font-medium text-slate-900 underline underline-offset-4">
        Clear the filters
      </Link>{" "}
      to see every one.
    </EmptyState>
  );
}

/** A list's empty state: "nothing matches" when filtered, else "no X yet" with the next step. */
export function ListEmpty({
  filtered,
  what,
  clearHref,
  action,
  children,
}: {
  filtered: boolean;
  /** The rows, plural: "students". */
  what: string;
  clearHref: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  if (filtered) return <NoMatches what={what} clearHref={clearHref} />;
  return (
    <EmptyState title={`No ${what} yet.`} action={action}>
      {children}
    </EmptyState>
  );
}

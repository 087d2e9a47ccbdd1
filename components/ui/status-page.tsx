// The page for "not found" and "something went wrong": branded, with a main landmark, a heading
// and the way back, on the platform host and on a school's alike.
import type { ReactNode } from "react";

export function StatusPage({ code, title, children, actions }: { code: string; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <main id="content" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
        <p className="font-mono text-sm font-medium text-slate-600">{code}</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
        <div className="mt-2 text-sm text-slate-700">{children}</div>
        <div className="mt-6 flex flex-col justify-center gap-2 sm:flex-row">{actions}</div>
      </div>
    </main>
  );
}

const LINK =
  "inline-flex items-center justify-center rounded-md px-3 py-2 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900";
/** A link drawn as the page's main button, or as a secondary one. */
export const STATUS_LINK = `${LINK} bg-slate-900 text-white hover:bg-slate-700`;
export const STATUS_LINK_SECONDARY = `${LINK} border border-slate-300 bg-white text-slate-900 hover:bg-slate-50`;

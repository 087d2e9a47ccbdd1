// The card the signed-out pages share (forgotten password, reset link, invitation): the app or
// school it belongs to, the page's title and what to do, then the form or its outcome.
import type { ReactNode } from "react";

export function AuthCard({ eyebrow, title, intro, children }: { eyebrow: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main id="content" className="flex min-h-screen items-center justify-center px-4 py-8">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="break-words text-sm uppercase tracking-wide text-slate-600">{eyebrow}</p>
        <h1 className="mt-1 text-xl font-semibold">{title}</h1>
        {intro ? <p className="mt-1 text-sm text-slate-700">{intro}</p> : null}
        <div className="mt-6">{children}</div>
      </div>
    </main>
  );
}

/** A link under a signed-out form ("Back to sign-in", "Ask for a new link"). */
export function AuthLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="font-medium underline underline-offset-4">
      {children}
    </a>
  );
}

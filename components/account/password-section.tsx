// My account's password section, in both apps: where to change it, and what changing it does.
import Link from "next/link";

export function PasswordSection({ href }: { href: string }) {
  return (
    <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="password-heading" className="text-base font-semibold">
        Password
      </h2>
      <p className="mt-1 text-sm text-slate-600">Changing your password signs you out everywhere else; this browser stays signed in.</p>
      <Link
        href={href}
        className="mt-3 inline-flex rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-slate-900"
      >
        Change password
      </Link>
    </section>
  );
}

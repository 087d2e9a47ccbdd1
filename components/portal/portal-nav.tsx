"use client";
// The portal's navigation (only the sections the user may view) and the account menu.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { signOutAction } from "@/lib/portal/actions/session-actions";
import { AccountMenu } from "@/components/ui/account-menu";

export interface NavLink {
  href: string;
  label: string;
}

export function PortalNav({ school, name, links }: { school: string; name: string; links: NavLink[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const [signingOut, startSignOut] = useTransition();
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* Narrow screens: school and account menu on top, the sections in a scrollable row below. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/profile" className="min-w-0 truncate font-semibold">
          {school}
        </Link>
        <nav
          aria-label="School"
          className="order-last -mx-1 flex w-full gap-1 overflow-x-auto px-1 whitespace-nowrap md:order-none md:mx-0 md:w-auto md:flex-1 md:px-0"
        >
          {links.map((link) => {
            const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
            return (
              <Link
                key={link.href}
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`rounded-md px-3 py-1.5 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-slate-900 ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {link.label}
              </Link>
            );
          })}
        </nav>
        <AccountMenu
          name={name}
          busy={signingOut}
          className="ml-auto md:ml-0"
          items={[
            { label: "My profile", onSelect: () => router.push("/profile") },
            {
              label: signingOut ? "Signing out…" : "Sign out",
              onSelect: () => startSignOut(() => signOutAction()),
              disabled: signingOut,
              separated: true,
            },
          ]}
        >
          {name} <span aria-hidden>▾</span>
        </AccountMenu>
      </div>
    </header>
  );
}

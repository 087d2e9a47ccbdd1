"use client";
// The frame of every signed-in page, console and portal alike: a skip link to the content, the
// header with the app's name, its sections and the account menu, and <main id="content">. From
// the `md` breakpoint down the sections move behind a "Menu" button (a Radix dialog: focus
// trapped, Escape closes, focus back on the button), instead of wrapping under the header.
import * as RadixDialog from "@radix-ui/react-dialog";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { AccountMenu, type AccountMenuItem } from "@/components/ui/account-menu";
import { AppProvider } from "@/components/ui/app-context";

export interface NavLink {
  href: string;
  label: string;
}

function isCurrent(pathname: string, href: string, home: string): boolean {
  return href === home ? pathname === home : pathname === href || pathname.startsWith(`${href}/`);
}

function NavLinks({ links, home, vertical, onNavigate }: { links: NavLink[]; home: string; vertical?: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className={vertical ? "space-y-1" : "flex gap-1"}>
      {links.map((link) => {
        const current = isCurrent(pathname, link.href, home);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              onClick={onNavigate}
              aria-current={current ? "page" : undefined}
              className={`block rounded-md px-3 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 ${
                vertical ? "py-2.5 text-base" : "py-1.5"
              } ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function MobileMenu({ title, navLabel, links, home }: { title: string; navLabel: string; links: NavLink[]; home: string }) {
  const [open, setOpen] = useState(false);
  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Trigger className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-slate-900 md:hidden">
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
        </svg>
        Menu
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 md:hidden" />
        <RadixDialog.Content className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto bg-white p-4 shadow-xl focus:outline-none md:hidden">
          <div className="mb-4 flex items-center justify-between gap-2">
            <RadixDialog.Title className="truncate font-semibold">{title}</RadixDialog.Title>
            <RadixDialog.Close className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-slate-900">
              Close
            </RadixDialog.Close>
          </div>
          <RadixDialog.Description className="sr-only">Sections of {title}</RadixDialog.Description>
          <nav aria-label={navLabel}>
            <NavLinks links={links} home={home} vertical onNavigate={() => setOpen(false)} />
          </nav>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export function AppShell({
  title,
  home,
  navLabel,
  links,
  account,
  signInPath,
  children,
}: {
  /** The app's name in the header: "SMS console", or the school's name. */
  title: string;
  home: string;
  /** Names the navigation landmark. */
  navLabel: string;
  links: NavLink[];
  account: { name: string; detail?: string; items: AccountMenuItem[]; busy?: boolean };
  signInPath: string;
  children: ReactNode;
}) {
  return (
    <AppProvider value={{ signInPath }}>
      <a
        href="#content"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-900 shadow focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3 md:gap-6">
          <MobileMenu title={title} navLabel={navLabel} links={links} home={home} />
          <Link href={home} className="min-w-0 truncate font-semibold">
            {title}
          </Link>
          <nav aria-label={navLabel} className="hidden flex-1 md:block">
            <NavLinks links={links} home={home} />
          </nav>
          <div className="ml-auto md:ml-0">
            <AccountMenu name={account.name} detail={account.detail} items={account.items} busy={account.busy} />
          </div>
        </div>
      </header>
      <main id="content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none md:py-8">
        {children}
      </main>
    </AppProvider>
  );
}

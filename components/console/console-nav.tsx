"use client";
// The console's navigation and account menu.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { AccountMenu } from "@/components/ui/account-menu";

const LINKS = [
  { href: "/console", label: "Overview" },
  { href: "/console/schools", label: "Schools" },
  { href: "/console/staff", label: "Platform staff" },
  { href: "/console/api-keys", label: "API keys" },
  { href: "/console/audit", label: "Audit log" },
];

const ROLE_LABELS: Record<string, string> = { superadmin: "Superadmin", platform_admin: "Platform admin", support: "Support (read-only)" };

export function ConsoleNav({ name, role }: { name: string; role: string }) {
  const pathname = usePathname();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/console" className="font-semibold">
          SMS console
        </Link>
        <nav aria-label="Console" className="flex flex-1 flex-wrap gap-1">
          {LINKS.map((link) => {
            const current = link.href === "/console" ? pathname === "/console" : pathname.startsWith(link.href);
            return (
              <Link
                key={link.href}
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`rounded-md px-3 py-1.5 text-sm ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {link.label}
              </Link>
            );
          })}
        </nav>
        <AccountMenu name={name} items={[{ label: "Sign out", onSelect: () => void signOut({ callbackUrl: "/console/sign-in" }) }]}>
          {name} <span className="text-slate-500">· {ROLE_LABELS[role] ?? role}</span>
        </AccountMenu>
      </div>
    </header>
  );
}

"use client";
// The console's frame: its sections, and an account menu (my account; sign out through next-auth).
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/ui/app-shell";
import { roleLabel } from "@/components/console/platform-staff/platform-roles";

const LINKS = [
  { href: "/console", label: "Overview" },
  { href: "/console/schools", label: "Schools" },
  { href: "/console/staff", label: "Platform staff" },
  { href: "/console/api-keys", label: "API keys" },
  { href: "/console/audit", label: "Audit log" },
  { href: "/console/outbox", label: "Outbox" },
];

export function ConsoleShell({ name, role, children }: { name: string; role: string; children: ReactNode }) {
  const router = useRouter();
  return (
    <AppShell
      title="SMS console"
      home="/console"
      navLabel="Console"
      links={LINKS}
      signInPath="/console/sign-in"
      account={{
        name,
        detail: roleLabel(role),
        items: [
          { label: "My account", onSelect: () => router.push("/console/account") },
          { label: "Sign out", onSelect: () => void signOut({ callbackUrl: "/console/sign-in" }), separated: true },
        ],
      }}
    >
      {children}
    </AppShell>
  );
}

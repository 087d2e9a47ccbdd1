"use client";
// The portal's frame: the school's name, the sections the user may view, and an account menu that
// signs out through the portal's server action.
import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { signOutAction } from "@/lib/portal/actions/session-actions";
import { AppShell, type NavLink } from "@/components/ui/app-shell";

export function PortalShell({ school, name, links, children }: { school: string; name: string; links: NavLink[]; children: ReactNode }) {
  const router = useRouter();
  const [signingOut, startSignOut] = useTransition();
  return (
    <AppShell
      title={school}
      home="/profile"
      navLabel="School"
      links={links}
      signInPath="/sign-in"
      account={{
        name,
        busy: signingOut,
        items: [
          { label: "My profile", onSelect: () => router.push("/profile") },
          { label: "Change password", onSelect: () => router.push("/password") },
          {
            label: signingOut ? "Signing out…" : "Sign out",
            onSelect: () => startSignOut(() => signOutAction()),
            disabled: signingOut,
            separated: true,
          },
        ],
      }}
    >
      {children}
    </AppShell>
  );
}

// Every portal page below needs a live session on this school (checked in the database on each
// request). The navigation shows only the sections the user's roles let them view.
import type { ReactNode } from "react";
import { PortalShell } from "@/components/portal/portal-shell";
import type { NavLink } from "@/components/ui/app-shell";
import { portalContext } from "@/lib/portal/portal-context";
import type { Codename } from "@/lib/rbac/catalogue";

export const dynamic = "force-dynamic";

// "full admin": holding every permission, as the school's settings need to change them.
const SECTIONS: (NavLink & { needs: Codename | "full admin" | null })[] = [
  { href: "/profile", label: "Profile", needs: null },
  { href: "/staff", label: "Staff", needs: "users.view" },
  { href: "/roles", label: "Roles", needs: "roles.view" },
  { href: "/students", label: "Students", needs: "students.view" },
  { href: "/classes", label: "Classes", needs: "classes.view" },
  { href: "/audit", label: "Audit log", needs: "roles.view" },
  { href: "/settings", label: "Settings", needs: "full admin" },
];

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // The two-factor policy is applied by each page (My account is the one it lets through), not here.
  const { school, principal, can, fullAdmin } = await portalContext({ beforeMfaEnrolment: true });
  const { user } = principal;
  const links = SECTIONS.filter((s) => s.needs === null || (s.needs === "full admin" ? fullAdmin : can(s.needs))).map(
    ({ href, label }) => ({
      href,
      label,
    }),
  );
  return (
    <PortalShell school={school.name} name={user.fullName || user.email || user.phone || "Account"} links={links}>
      {children}
    </PortalShell>
  );
}

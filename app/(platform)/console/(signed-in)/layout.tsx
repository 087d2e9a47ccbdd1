// Every console page below needs a live platform session (checked in the database each request).
import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/console/console-shell";
import { requireConsoleUser } from "@/lib/console/console-session";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  // The two-factor policy is applied by each page (My account is the one it lets through), not here.
  const { user } = await requireConsoleUser({ beforeMfaEnrolment: true });
  return (
    <ConsoleShell name={user.fullName || user.email || user.phone || "Account"} role={user.platformRole ?? ""}>
      {children}
    </ConsoleShell>
  );
}

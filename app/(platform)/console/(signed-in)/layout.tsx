// Every console page below needs a live platform session (checked in the database each request).
import type { ReactNode } from "react";
import { ConsoleNav } from "@/components/console/console-nav";
import { requireConsoleUser } from "@/lib/console/console-session";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { user } = await requireConsoleUser();
  return (
    <>
      <ConsoleNav name={user.fullName || user.email || user.phone || "Account"} role={user.platformRole ?? ""} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}

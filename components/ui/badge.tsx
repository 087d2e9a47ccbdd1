import type { ReactNode } from "react";

/** A short status label (Active, Suspended, Revoked…). */
export function Badge({ tone = "slate", children }: { tone?: "slate" | "green" | "amber" | "red"; children: ReactNode }) {
  const tones = {
    slate: "bg-slate-100 text-slate-700",
    green: "bg-green-100 text-green-800",
    amber: "bg-amber-100 text-amber-900",
    red: "bg-red-100 text-red-800",
  };
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

/** Where an account stands (API §8): invited (no password chosen yet), active, or deactivated. */
export function UserStatusBadge({ status }: { status: "invited" | "active" | "inactive" }) {
  if (status === "invited") return <Badge tone="amber">Invited</Badge>;
  return status === "active" ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>;
}

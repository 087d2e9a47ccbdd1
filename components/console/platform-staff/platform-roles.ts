// Platform roles as the staff pages name them (the REST contract §3): what each may do, in a few words.
import type { UserOut } from "@/lib/users/user-schemas";
import type { z } from "zod";

export type StaffRow = z.infer<typeof UserOut>;
export type PlatformRoleName = "superadmin" | "platform_admin" | "support";

export const ROLE_OPTIONS: { value: PlatformRoleName; label: string }[] = [
  { value: "superadmin", label: "Superadmin" },
  { value: "platform_admin", label: "Platform admin" },
  { value: "support", label: "Support (read-only)" },
];

export const ROLE_HINT = "Support only reads. Platform admins also manage schools and API keys. Superadmins also manage platform staff.";

export function roleLabel(role: string | null): string {
  return ROLE_OPTIONS.find((r) => r.value === role)?.label ?? "—";
}

export function displayName(user: Pick<StaffRow, "full_name" | "email" | "phone">): string {
  return user.full_name || user.email || user.phone || "Unnamed account";
}

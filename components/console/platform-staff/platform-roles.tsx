// Platform roles as the staff pages name them (the REST contract §3): what each may do, in a few
// words, and the one select box that offers them (a form's field, the list's filter).
import { forwardRef } from "react";
import type { z } from "zod";
import type { UserOut } from "@/lib/users/user-schemas";
import { SelectField, type SelectFieldProps } from "@/components/ui/field";

export type StaffRow = z.infer<typeof UserOut>;
export type PlatformRoleName = "superadmin" | "platform_admin" | "support";

/** How a role's badge is drawn, in the list and on a staff member's page. */
export const ROLE_TONES = { superadmin: "amber", platform_admin: "green", support: "slate" } as const;

export const ROLE_OPTIONS: { value: PlatformRoleName; label: string }[] = [
  { value: "superadmin", label: "Superadmin" },
  { value: "platform_admin", label: "Platform admin" },
  { value: "support", label: "Support (read-only)" },
];

const ROLE_HINT = "Support only reads. Platform admins also manage schools and API keys. Superadmins also manage platform staff.";

export function roleLabel(role: string | null): string {
  return ROLE_OPTIONS.find((r) => r.value === role)?.label ?? "—";
}

export function displayName(user: Pick<StaffRow, "full_name" | "email" | "phone">): string {
  return user.full_name || user.email || user.phone || "Unnamed account";
}

/** The platform roles to choose from: a form's field (with what each may do), or a filter (`any` first). */
export const PlatformRoleSelect = forwardRef<HTMLSelectElement, Omit<SelectFieldProps, "children" | "hint"> & { any?: string }>(
  function PlatformRoleSelect({ any, ...props }, ref) {
    return (
      <SelectField ref={ref} hint={any ? undefined : ROLE_HINT} {...props}>
        {any ? <option value="">{any}</option> : null}
        {ROLE_OPTIONS.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </SelectField>
    );
  },
);

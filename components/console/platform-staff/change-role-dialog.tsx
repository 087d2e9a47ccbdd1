"use client";
// Changing a platform user's role (PlatformUserPatchBody's `platform_role`). The server refuses
// what would leave no active superadmin; that refusal is the form's message.
import { useMemo } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { changeStaffMember } from "@/lib/console/actions/platform-staff-actions";
import { PlatformUserPatchBody } from "@/lib/users/user-schemas";
import { FormDialog, useActionForm } from "@/components/ui/form";
import { PlatformRoleSelect, displayName, type StaffRow } from "@/components/console/platform-staff/platform-roles";

export function ChangeRoleDialog({
  user,
  isSelf,
  rules,
  open,
  onOpenChange,
}: {
  user: StaffRow;
  isSelf: boolean;
  rules: InputRules;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const schema = useMemo(() => PlatformUserPatchBody(rules).pick({ platform_role: true }).required(), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: { platform_role: user.platform_role ?? "support" },
    action: ({ platform_role }) => changeStaffMember({ id: user.id, platform_role }),
    onSuccess: () => onOpenChange(false),
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Change the role of ${displayName(user)}`}
      description={
        isSelf ? "This is your own account: a lower role takes effect on your next page." : "The new role applies to their next request."
      }
      submitLabel="Save role"
      form={form}
    >
      <PlatformRoleSelect label="Platform role" error={form.error("platform_role")} {...form.form.register("platform_role")} />
    </FormDialog>
  );
}

"use client";
// Editing a platform user's name, email and phone: PlatformUserPatchBody's fields, where a blank
// email or phone is "none" (null) and the account keeps one of them (the create body's rule, with
// its message). Only what changed is sent, so the audit trail names what the edit touched; the
// server's answers (an email taken) land next to their fields.
import { useMemo } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { changeStaffMember } from "@/lib/console/actions/platform-staff-actions";
import { CONTACT_RULE, PlatformUserPatchBody } from "@/lib/users/user-schemas";
import { ContactFields, blankAs } from "@/components/ui/contact-fields";
import { TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";
import { displayName, type StaffRow } from "@/components/console/platform-staff/platform-roles";

function editForm(rules: InputRules) {
  const patch = PlatformUserPatchBody(rules).pick({ full_name: true, email: true, phone: true }).required();
  return patch.extend({ email: blankAs(null, patch.shape.email), phone: blankAs(null, patch.shape.phone) }).refine(...CONTACT_RULE);
}

export function EditPlatformStaffDialog({
  user,
  rules,
  open,
  onOpenChange,
}: {
  user: StaffRow;
  rules: InputRules;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const schema = useMemo(() => editForm(rules), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: { full_name: user.full_name, email: user.email ?? "", phone: user.phone ?? "" },
    action: (values) =>
      changeStaffMember({
        id: user.id,
        ...(values.full_name !== user.full_name ? { full_name: values.full_name } : {}),
        ...(values.email !== user.email ? { email: values.email } : {}),
        ...(values.phone !== user.phone ? { phone: values.phone } : {}),
      }),
    onSuccess: () => onOpenChange(false),
  });
  const { register } = form.form;
  return (
    <FormDialog open={open} onOpenChange={onOpenChange} title={`Edit ${displayName(user)}`} submitLabel="Save changes" form={form}>
      <TextField label="Full name" autoComplete="off" error={form.error("full_name")} {...register("full_name")} />
      <ContactFields
        region={rules.region}
        email={{ error: form.error("email"), ...register("email") }}
        phone={{ error: form.error("phone"), ...register("phone") }}
      />
    </FormDialog>
  );
}

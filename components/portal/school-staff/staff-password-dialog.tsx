"use client";
// "Set a temporary password" for a colleague: PATCH /users/{id}/ {"password"}'s rule (the
// deployment's length), shown up front and checked in the browser first. The password is shown as
// typed — the admin has to pass it on — and is never offered to the browser's password manager as
// the admin's own. Every session of the colleague ends at once; at their next sign-in they must
// choose their own password before anything else.
import { useMemo } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { passwordRuleText } from "@/lib/credentials/rules";
import { setTemporaryPasswordAction } from "@/lib/portal/actions/school-staff-actions";
import { StaffPatchBody } from "@/lib/school/school-schemas";
import { TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";

export function StaffPasswordDialog({
  memberId,
  memberName,
  rules,
  open,
  onOpenChange,
}: {
  memberId: string;
  memberName: string;
  rules: InputRules;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const schema = useMemo(() => StaffPatchBody(rules).pick({ password: true }).required(), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: { password: "" },
    action: ({ password }) => setTemporaryPasswordAction({ id: memberId, password }),
    onSuccess: () => onOpenChange(false),
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Set a temporary password for ${memberName}`}
      description={
        <>
          <strong>{memberName}</strong> is signed out everywhere at once. At their next sign-in they use this password and must then choose
          a new one of their own before they can do anything else. Tell it to them in person or by another channel you trust.
        </>
      }
      submitLabel="Set password"
      form={form}
    >
      <TextField
        label="Temporary password"
        type="text"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        data-1p-ignore
        data-lpignore="true"
        hint={passwordRuleText(rules)}
        error={form.error("password")}
        {...form.form.register("password")}
      />
    </FormDialog>
  );
}

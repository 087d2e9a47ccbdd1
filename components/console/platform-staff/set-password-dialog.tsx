"use client";
// "Set a temporary password" for another platform user (PATCH /system/users/{id}/'s `password`):
// the deployment's password rules up front, typed twice, and what follows said before it happens —
// every session of theirs ends, and their next sign-in asks them to choose their own.
import { useMemo } from "react";
import { z } from "zod";
import type { InputRules } from "@/lib/config/input-rules";
import { passwordRuleText } from "@/lib/credentials/rules";
import { setStaffPassword } from "@/lib/console/actions/platform-staff-actions";
import { PlatformUserPatchBody } from "@/lib/users/user-schemas";
import { TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";
import { displayName, type StaffRow } from "@/components/console/platform-staff/platform-roles";

function passwordForm(rules: InputRules) {
  return PlatformUserPatchBody(rules)
    .pick({ password: true })
    .required()
    .extend({ confirm_password: z.string() })
    .refine((v) => v.password === v.confirm_password, { message: "The two passwords differ.", path: ["confirm_password"] });
}

export function SetPasswordDialog({
  user,
  rules,
  open,
  onOpenChange,
  onDone,
}: {
  user: StaffRow;
  rules: InputRules;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** After the password is set: the dialog closes, and the caller may say so. */
  onDone?: () => void;
}) {
  const name = displayName(user);
  const schema = useMemo(() => passwordForm(rules), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: { password: "", confirm_password: "" },
    action: ({ password }) => setStaffPassword({ id: user.id, password }),
    onSuccess: () => {
      form.reset();
      onOpenChange(false);
      onDone?.();
    },
  });
  const { register } = form.form;
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Set a temporary password for ${name}`}
      description={
        <>
          Every session of <strong>{name}</strong> ends at once, in this console and on the API. At their next sign-in they must choose a
          new password of their own before anything else. Give them this one over a safe channel.
        </>
      }
      submitLabel="Set temporary password"
      form={form}
    >
      <TextField
        label="Temporary password"
        type="password"
        autoComplete="new-password"
        hint={passwordRuleText(rules)}
        error={form.error("password")}
        {...register("password")}
      />
      <TextField
        label="Temporary password again"
        type="password"
        autoComplete="new-password"
        error={form.error("confirm_password")}
        {...register("confirm_password")}
      />
    </FormDialog>
  );
}

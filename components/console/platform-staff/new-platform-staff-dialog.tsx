"use client";
// "New staff member": a superadmin creates a platform account. The form is POST
// /api/v1/system/users/'s body (PlatformUserCreateBody), checked whole in the browser first; the
// server's answers (a taken email) land next to their fields, and what was typed stays.
import { useMemo, useState } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { passwordRuleText } from "@/lib/credentials/rules";
import { createStaffMember } from "@/lib/console/actions/platform-staff-actions";
import { PlatformUserCreateBody } from "@/lib/users/user-schemas";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";
import { ContactFields, blankAs } from "@/components/ui/contact-fields";
import { PlatformRoleSelect, displayName } from "@/components/console/platform-staff/platform-roles";

function StaffCreateForm(rules: InputRules) {
  const body = PlatformUserCreateBody(rules);
  return body.safeExtend({ email: blankAs(undefined, body.shape.email), phone: blankAs(undefined, body.shape.phone) });
}

const EMPTY = { full_name: "", email: "", phone: "", password: "", platform_role: "support" as const };

export function NewPlatformStaffButton({ rules }: { rules: InputRules }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string>();
  const schema = useMemo(() => StaffCreateForm(rules), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: EMPTY,
    action: createStaffMember,
    onSuccess: (user) => {
      setCreated(`${displayName(user)} can now sign in.`);
      setOpen(false);
      form.reset();
    },
  });
  const { register } = form.form;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        onClick={() => {
          setCreated(undefined);
          setOpen(true);
        }}
      >
        New staff member
      </Button>
      <p role="status" className="text-sm text-green-800">
        {created}
      </p>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title="New staff member"
        description="A platform account: it signs in to this console, not to a school."
        submitLabel="Create staff member"
        form={form}
      >
        <TextField label="Full name" autoComplete="off" error={form.error("full_name")} {...register("full_name")} />
        <ContactFields
          region={rules.region}
          email={{ error: form.error("email"), ...register("email") }}
          phone={{ error: form.error("phone"), ...register("phone") }}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`${passwordRuleText(rules)} Share it with them over a safe channel.`}
          error={form.error("password")}
          {...register("password")}
        />
        <PlatformRoleSelect label="Platform role" error={form.error("platform_role")} {...register("platform_role")} />
      </FormDialog>
    </div>
  );
}

"use client";
// "New staff member": a superadmin creates a platform account. The form is POST
// /api/v1/system/users/'s body (PlatformUserCreateBody), checked whole in the browser first; the
// server's answers (a taken email) land next to their fields, and what was typed stays.
import { useMemo, useState } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { createStaffMember } from "@/lib/console/actions/platform-staff-actions";
import { PlatformUserCreateBody } from "@/lib/users/user-schemas";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { CREDENTIAL_FIELDS, CredentialChoiceFields, chosenCredential, createdNotice } from "@/components/ui/credential-choice";
import { FormDialog, useActionForm } from "@/components/ui/form";
import { ContactFields, blankAs } from "@/components/ui/contact-fields";
import { PlatformRoleSelect, displayName } from "@/components/console/platform-staff/platform-roles";

function StaffCreateForm(rules: InputRules) {
  const body = PlatformUserCreateBody(rules);
  return chosenCredential(
    body.safeExtend({ ...CREDENTIAL_FIELDS, email: blankAs(undefined, body.shape.email), phone: blankAs(undefined, body.shape.phone) }),
    rules,
  );
}

const EMPTY = { full_name: "", email: "", phone: "", credential: "invite" as const, password: "", platform_role: "support" as const };

export function NewPlatformStaffButton({ rules }: { rules: InputRules }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string>();
  const schema = useMemo(() => StaffCreateForm(rules), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: EMPTY,
    action: createStaffMember,
    onSuccess: (user, values) => {
      setCreated(createdNotice(displayName(user), values));
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
        <CredentialChoiceFields
          choice={form.form.watch("credential")}
          credential={register("credential")}
          password={{ ...register("password"), error: form.error("password") }}
          rules={rules}
        />
        <PlatformRoleSelect label="Platform role" error={form.error("platform_role")} {...register("platform_role")} />
      </FormDialog>
    </div>
  );
}

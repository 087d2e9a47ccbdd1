"use client";
// "Edit details" on My account, in both apps: my name and phone (PATCH …/auth/me/'s body,
// MyAccountPatchBody). The email is shown, not offered: people sign in and recover their
// password with it, so an admin changes it (README, "My account").
import { useMemo, useState } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import type { ActionResult } from "@/lib/http/action-result";
import { MyAccountPatchBody, type MyAccountPatch } from "@/lib/auth/my-account-body";
import { Button } from "@/components/ui/button";
import { blankAs, phoneHint } from "@/components/ui/contact-fields";
import { TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";

export function EditDetailsDialog({
  details,
  rules,
  save,
}: {
  details: { fullName: string; email: string | null; phone: string | null };
  rules: InputRules;
  save: (patch: MyAccountPatch) => Promise<ActionResult<null>>;
}) {
  const [open, setOpen] = useState(false);
  const schema = useMemo(() => {
    const body = MyAccountPatchBody(rules);
    // The form always sends both; an emptied phone is a removal (null), which the server refuses
    // when it is the only way the account signs in.
    return body.extend({ full_name: body.shape.full_name.unwrap(), phone: blankAs(null, body.shape.phone.unwrap().unwrap()) });
  }, [rules]);
  const form = useActionForm({
    schema,
    defaultValues: { full_name: details.fullName, phone: details.phone ?? "" },
    action: (patch) => save(patch),
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Edit details
      </Button>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title="Edit your details"
        description={
          details.email
            ? `Your email (${details.email}) is changed by an administrator.`
            : "An administrator can add an email to your account."
        }
        submitLabel="Save details"
        form={form}
      >
        <TextField
          label="Full name"
          maxLength={200}
          autoComplete="name"
          error={form.error("full_name")}
          {...form.form.register("full_name")}
        />
        <TextField
          label="Phone"
          type="tel"
          autoComplete="tel"
          hint={`${phoneHint(rules.region)}${details.email ? " Leave it empty to remove it." : ""}`}
          error={form.error("phone")}
          {...form.form.register("phone")}
        />
      </FormDialog>
    </>
  );
}

"use client";
// "Add another admin" on a school's page: a new user of that school with its "Admin" role, the
// same fields as the new school's first admin (AdminFields). A taken email or phone comes back on
// its field; what was typed stays.
import { useMemo, useState } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { addSchoolAdminAction } from "@/lib/console/actions/school-user-actions";
import { Button } from "@/components/ui/button";
import { createdNotice } from "@/components/ui/credential-choice";
import { FormDialog, useActionForm } from "@/components/ui/form";
import { AdminFields } from "@/components/console/schools/admin-fields";
import { AddAdminForm } from "@/components/console/schools/school-forms";

const EMPTY = { admin: { full_name: "", email: "", phone: "", credential: "invite" as const, password: "" } };

// The server names a taken email or phone without the form's `admin.` prefix.
const ALIASES = {
  "admin.non_field_errors": "admin.non_field_errors",
  email: "admin.email",
  phone: "admin.phone",
  password: "admin.password",
};

export function AddSchoolAdminButton({ school, rules }: { school: { id: string; name: string }; rules: InputRules }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string>();
  const schema = useMemo(() => AddAdminForm(rules), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: EMPTY,
    action: ({ admin }) => addSchoolAdminAction({ school: school.id, admin }),
    aliases: ALIASES,
    onSuccess: (_, { admin }) => {
      setCreated(createdNotice(admin.full_name || admin.email || admin.phone || "The new admin", admin));
      setOpen(false);
      form.reset();
    },
  });
  const { register } = form.form;
  const contactRule = (form.form.formState.errors.admin as Record<string, { message?: string }> | undefined)?.non_field_errors?.message;
  return (
    <div className="flex flex-col items-stretch gap-1 sm:items-end">
      <Button
        onClick={() => {
          setCreated(undefined);
          setOpen(true);
        }}
      >
        Add another admin
      </Button>
      <p role="status" className="text-sm text-green-800 empty:hidden sm:text-right">
        {created}
      </p>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title={`Add an admin to ${school.name}`}
        description="A new staff account of this school with its Admin role: it can do everything in the school's portal."
        submitLabel="Add admin"
        width="wide"
        form={form}
      >
        <AdminFields
          rules={rules}
          field={(name) => ({ ...register(`admin.${name}`), error: form.error(`admin.${name}`) })}
          ruleError={contactRule}
          choice={form.form.watch("admin.credential")}
        />
      </FormDialog>
    </div>
  );
}

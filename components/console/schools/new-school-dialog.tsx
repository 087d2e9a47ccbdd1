"use client";
// "New school": the school and its first Admin, created together by one server action (one
// transaction). The form checks every rule of the body at once before sending; the server's
// answers (a taken slug, domain or email) land next to the same fields, and what was typed stays.
import { useMemo, useState } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { createSchoolAction } from "@/lib/console/actions/school-actions";
import { Button } from "@/components/ui/button";
import { createdNotice } from "@/components/ui/credential-choice";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";
import { AdminFields } from "@/components/console/schools/admin-fields";
import { NewSchoolForm } from "@/components/console/schools/school-forms";

const EMPTY = {
  school: { name: "", slug: "", domains: "" },
  admin: { full_name: "", email: "", phone: "", credential: "invite" as const, password: "" },
};

// The body's "email or phone" rule arrives as `admin.non_field_errors`: shown with the contact fields.
const CONTACT_RULE = "admin.non_field_errors";

export function NewSchoolDialog({
  rules,
  open,
  onOpenChange,
  onCreated,
}: {
  rules: InputRules;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** What to tell the user once the school exists: how its first admin signs in. */
  onCreated?: (notice: string) => void;
}) {
  const schema = useMemo(() => NewSchoolForm(rules), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: EMPTY,
    action: createSchoolAction,
    aliases: { [CONTACT_RULE]: CONTACT_RULE },
    onSuccess: (_, { school, admin }) => {
      onCreated?.(`${school.name} is created. ${createdNotice(admin.full_name || admin.email || admin.phone || "Its first admin", admin)}`);
      onOpenChange(false);
      form.reset();
    },
  });
  const { register } = form.form;
  const slug = form.form.watch("school.slug").trim().toLowerCase();
  const contactRule = (form.form.formState.errors.admin as Record<string, { message?: string }> | undefined)?.non_field_errors?.message;
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="New school"
      description="Creates the school, its default roles and its first administrator in one step."
      submitLabel="Create school"
      width="wide"
      form={form}
    >
      <fieldset className="space-y-4">
        <legend className="mb-2 text-sm font-semibold text-slate-900">School</legend>
        <TextField label="School name" autoComplete="off" error={form.error("school.name")} {...register("school.name")} />
        <TextField
          label="Slug"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          hint={
            <>
              Lower-case letters, digits and hyphens. Its address:{" "}
              <span className="break-words font-mono">{`${slug || "slug"}.${rules.rootDomain}`}</span>
            </>
          }
          error={form.error("school.slug")}
          {...register("school.slug")}
        />
        <TextAreaField
          mono
          label="Custom domains (optional)"
          rows={2}
          spellCheck={false}
          hint="One a line, e.g. portal.greenwood.edu."
          error={form.error("school.domains")}
          {...register("school.domains")}
        />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-sm font-semibold text-slate-900">First administrator</legend>
        <AdminFields
          rules={rules}
          field={(name) => ({ ...register(`admin.${name}`), error: form.error(`admin.${name}`) })}
          ruleError={contactRule}
          choice={form.form.watch("admin.credential")}
        />
      </fieldset>
    </FormDialog>
  );
}

export function NewSchoolButton({ rules }: { rules: InputRules }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string>();
  return (
    <div className="flex flex-col items-stretch gap-1 sm:items-end">
      <Button
        onClick={() => {
          setCreated(undefined);
          setOpen(true);
        }}
      >
        New school
      </Button>
      <p role="status" className="text-sm text-green-800 empty:hidden sm:text-right">
        {created}
      </p>
      <NewSchoolDialog rules={rules} open={open} onOpenChange={setOpen} onCreated={setCreated} />
    </div>
  );
}

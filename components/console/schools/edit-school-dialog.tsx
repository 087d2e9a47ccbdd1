"use client";
// Editing a school's name and custom domains (the slug, its address, stays as it is).
import { useMemo } from "react";
import type { InputRules } from "@/lib/config/input-rules";
import { editSchoolAction } from "@/lib/console/actions/school-actions";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormDialog, useActionForm } from "@/components/ui/form";
import { EditSchoolForm } from "@/components/console/schools/school-forms";
import type { SchoolRow } from "@/components/console/schools/schools-table";

export function EditSchoolDialog({
  school,
  rules,
  open,
  onOpenChange,
}: {
  school: SchoolRow;
  rules: InputRules;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const schema = useMemo(() => EditSchoolForm(rules), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: { name: school.name, domains: school.domains.join("\n") },
    action: (values) => editSchoolAction({ id: school.id, ...values }),
    onSuccess: () => onOpenChange(false),
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Edit ${school.name}`}
      description={`Slug: ${school.slug} (it cannot be changed here).`}
      submitLabel="Save changes"
      form={form}
    >
      <TextField label="School name" autoComplete="off" error={form.error("name")} {...form.form.register("name")} />
      <TextAreaField
        mono
        label="Custom domains"
        rows={4}
        spellCheck={false}
        hint="One a line. Remove a line to stop serving that domain; leave empty for none."
        error={form.error("domains")}
        {...form.form.register("domains")}
      />
    </FormDialog>
  );
}

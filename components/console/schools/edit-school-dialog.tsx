"use client";
// Editing a school's name and custom domains (the slug, its address, stays as it is).
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { editSchoolAction } from "@/lib/console/actions/school-actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/field";
import { EditSchoolForm, applyServerErrors, domainLines, type EditSchoolValues } from "@/components/console/schools/school-forms";
import type { SchoolRow } from "@/components/console/schools/schools-table";

export function EditSchoolDialog({ school, onClose }: { school: SchoolRow; onClose: () => void }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditSchoolValues, unknown, z.output<typeof EditSchoolForm>>({
    resolver: zodResolver(EditSchoolForm),
    defaultValues: { name: school.name, domains: school.domains.join("\n") },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const domains = domainLines(values.domains);
    const result = await editSchoolAction({ id: school.id, name: values.name, domains });
    if (!result.ok) {
      const leftover = applyServerErrors(result.fieldErrors, setError, { name: "name", domains: "domains" }, domains);
      setFormError(leftover.length ? leftover.join(" ") : result.error);
      return;
    }
    onClose();
    router.refresh();
  });

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open && !isSubmitting) onClose();
      }}
      title={`Edit ${school.name}`}
      description={`Slug: ${school.slug} (it cannot be changed here).`}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={formError} />
        <TextField label="School name" autoComplete="off" error={errors.name?.message} {...register("name")} />
        <TextAreaField
          label="Custom domains"
          rows={4}
          spellCheck={false}
          hint="One per line. Remove a line to stop serving that domain; leave empty for none."
          error={errors.domains?.message}
          {...register("domains")}
        />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            Save changes
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

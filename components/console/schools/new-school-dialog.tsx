"use client";
// "New school": the school and its first Admin, created together by one server action (one
// transaction). Field errors — the browser's and the server's — appear next to their fields,
// and what was typed stays.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import type { z } from "zod";
import { createSchoolAction } from "@/lib/console/actions/school-actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/field";
import { NewSchoolForm, applyServerErrors, domainLines, type NewSchoolValues } from "@/components/console/schools/school-forms";

const EMPTY: NewSchoolValues = {
  school: { name: "", slug: "", domains: "" },
  admin: { full_name: "", email: "", phone: "", password: "" },
};

// Server paths → form fields. The contract's "email or phone" error sits next to the email.
const SERVER_FIELDS: Record<string, FieldPath<NewSchoolValues>> = {
  "school.name": "school.name",
  "school.slug": "school.slug",
  "school.domains": "school.domains",
  "admin.full_name": "admin.full_name",
  "admin.email": "admin.email",
  "admin.phone": "admin.phone",
  "admin.password": "admin.password",
  "admin.non_field_errors": "admin.email",
};

export function NewSchoolDialog({ rootDomain }: { rootDomain: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    clearErrors,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<NewSchoolValues, unknown, z.output<typeof NewSchoolForm>>({
    resolver: zodResolver(NewSchoolForm),
    defaultValues: EMPTY,
  });
  const slug = watch("school.slug").trim().toLowerCase();

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const domains = domainLines(values.school.domains);
    const result = await createSchoolAction({
      school: { name: values.school.name, slug: values.school.slug, domains },
      admin: {
        full_name: values.admin.full_name,
        email: values.admin.email || undefined,
        phone: values.admin.phone || undefined,
        password: values.admin.password,
      },
    });
    if (!result.ok) {
      const leftover = applyServerErrors(result.fieldErrors, setError, SERVER_FIELDS, domains);
      setFormError(leftover.length ? leftover.join(" ") : result.error);
      return;
    }
    setOpen(false);
    reset(EMPTY);
    router.refresh();
  });

  const onOpenChange = (next: boolean) => {
    if (isSubmitting) return;
    setOpen(next);
    if (!next) {
      clearErrors();
      setFormError(undefined);
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>New school</Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title="New school"
        description="Creates the school, its default roles and its first administrator in one step."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-5">
          <FormError message={formError} />
          <fieldset className="space-y-4">
            <legend className="mb-2 text-sm font-semibold text-slate-900">School</legend>
            <TextField label="School name" autoComplete="off" error={errors.school?.name?.message} {...register("school.name")} />
            <TextField
              label="Slug"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              hint={
                <>
                  Lower-case letters, digits and hyphens. Its address:{" "}
                  <span className="font-mono">
                    {slug || "slug"}.{rootDomain}
                  </span>
                </>
              }
              error={errors.school?.slug?.message}
              {...register("school.slug")}
            />
            <TextAreaField
              label="Custom domains (optional)"
              rows={2}
              spellCheck={false}
              hint="One per line, e.g. portal.greenwood.edu."
              error={errors.school?.domains?.message}
              {...register("school.domains")}
            />
          </fieldset>
          <fieldset className="space-y-4">
            <legend className="mb-2 text-sm font-semibold text-slate-900">First administrator</legend>
            <TextField
              label="Admin full name"
              autoComplete="off"
              error={errors.admin?.full_name?.message}
              {...register("admin.full_name")}
            />
            <TextField
              label="Admin email"
              type="email"
              autoComplete="off"
              error={errors.admin?.email?.message}
              {...register("admin.email")}
            />
            <TextField
              label="Admin phone (optional)"
              type="tel"
              autoComplete="off"
              error={errors.admin?.phone?.message}
              {...register("admin.phone")}
            />
            <TextField
              label="Admin password"
              type="password"
              autoComplete="new-password"
              hint="Share it with them securely; they can change it after signing in."
              error={errors.admin?.password?.message}
              {...register("admin.password")}
            />
          </fieldset>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" pending={isSubmitting}>
              Create school
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

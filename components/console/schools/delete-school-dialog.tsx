"use client";
// Deleting a school for good: the dialog says what goes with it and asks for its slug, typed. The
// server action checks the typed slug again. (A FormDialog, but with a red submit button.)
import { z } from "zod";
import { deleteSchoolAction } from "@/lib/console/actions/school-actions";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormAlert, FormButtons, useActionForm } from "@/components/ui/form";
import type { SchoolRow } from "@/components/console/schools/schools-table";

const SUBMIT = "Delete school";

export function DeleteSchoolDialog({
  school,
  open,
  onOpenChange,
  onDeleted,
}: {
  school: SchoolRow;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** After the deletion (the school's own page leaves for the list). */
  onDeleted?: () => void;
}) {
  const form = useActionForm({
    schema: z.object({
      confirm_slug: z
        .string()
        .trim()
        .refine((typed) => typed === school.slug, `Type the slug “${school.slug}” exactly to confirm.`),
    }),
    defaultValues: { confirm_slug: "" },
    action: ({ confirm_slug }) => deleteSchoolAction({ id: school.id, confirm_slug }),
    onSuccess: () => {
      onOpenChange(false);
      onDeleted?.();
    },
  });
  const change = (next: boolean) => {
    if (form.pending) return;
    if (!next) form.reset();
    onOpenChange(next);
  };
  return (
    <Dialog open={open} onOpenChange={change} title={`Delete ${school.name}?`}>
      <form onSubmit={form.submit} noValidate className="space-y-4">
        <div className="space-y-2 text-sm text-slate-700">
          <p>
            This permanently deletes <strong>{school.name}</strong> and everything it owns: its staff accounts and their sessions, its
            roles, its API keys, its domains and its own audit trail. It cannot be undone.
          </p>
          <p>To keep its data and only stop access, suspend it instead.</p>
        </div>
        <FormAlert problem={form.problem} retryLabel={SUBMIT} />
        <TextField
          label={`Type the slug “${school.slug}” to confirm`}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={form.error("confirm_slug")}
          {...form.form.register("confirm_slug")}
        />
        <FormButtons submitLabel={SUBMIT} pending={form.pending} onCancel={() => change(false)} danger />
      </form>
    </Dialog>
  );
}

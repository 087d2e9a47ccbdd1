"use client";
// Deleting a school for good: the dialog says what goes with it and asks for its slug, typed.
// The server checks the typed slug again.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { deleteSchoolAction } from "@/lib/console/actions/school-actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import type { SchoolRow } from "@/components/console/schools/schools-table";

export function DeleteSchoolDialog({ school, onClose }: { school: SchoolRow; onClose: () => void }) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [fieldError, setFieldError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const matches = typed.trim() === school.slug;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!matches || pending) return;
    setPending(true);
    setFieldError(undefined);
    setFormError(undefined);
    const result = await deleteSchoolAction({ id: school.id, confirm_slug: typed });
    setPending(false);
    if (!result.ok) {
      const confirm = result.fieldErrors?.confirm_slug;
      if (confirm) setFieldError(confirm.join(" "));
      else setFormError(result.error);
      return;
    }
    onClose();
    router.refresh();
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open && !pending) onClose();
      }}
      title={`Delete ${school.name}?`}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div className="space-y-2 text-sm text-slate-700">
          <p>
            This permanently deletes <strong>{school.name}</strong> and everything it owns: its staff accounts and their sessions, its
            roles, its API keys, its domains and its own audit trail. It cannot be undone.
          </p>
          <p>To keep its data and only stop access, suspend it instead.</p>
        </div>
        <FormError message={formError} />
        <TextField
          label={`Type the slug “${school.slug}” to confirm`}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={fieldError}
        />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!matches} pending={pending}>
            Delete school
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

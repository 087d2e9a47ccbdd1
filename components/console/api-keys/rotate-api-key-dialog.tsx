"use client";
// "Rotate": a new key replaces this one (same name, school, scopes and expiry); the old one keeps
// working for the grace period chosen here (POST …/{id}/rotate/'s ApiKeyRotateBody), so the
// integrations using it can move over. The new key is then shown once, as after a creation.
import { useState } from "react";
import { z } from "zod";
import { ApiKeyRotateBody } from "@/lib/api-keys/api-key-schemas";
import { rotateKey } from "@/lib/console/actions/api-key-actions";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert, FormButtons, useActionForm } from "@/components/ui/form";
import type { ApiKeyRow } from "@/components/console/api-keys/api-keys-table";
import { ShownOnce } from "@/components/console/api-keys/key-form-parts";

const SUBMIT = "Rotate key";

const HOUR = 3600;
const DAY = 24 * HOUR;
const GRACE_CHOICES = [
  { seconds: 0, label: "Stop it now" },
  { seconds: HOUR, label: "1 hour" },
  { seconds: DAY, label: "1 day" },
  { seconds: 7 * DAY, label: "7 days" },
  { seconds: 30 * DAY, label: "30 days" },
];

// The body, with the grace period as the radio buttons hold it (a string of seconds).
const RotateForm = ApiKeyRotateBody.extend({
  grace_seconds: z.string().transform(Number).pipe(ApiKeyRotateBody.shape.grace_seconds.unwrap()),
});

export function RotateApiKeyDialog({
  apiKey,
  open,
  onOpenChange,
}: {
  apiKey: ApiKeyRow;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [created, setCreated] = useState<string | null>(null);
  const form = useActionForm({
    schema: RotateForm,
    defaultValues: { grace_seconds: String(DAY) },
    action: ({ grace_seconds }) => rotateKey({ id: apiKey.id, grace_seconds }),
    onSuccess: (key) => setCreated(key.key),
  });
  const change = (next: boolean) => {
    if (form.pending) return;
    if (!next) {
      form.reset();
      setCreated(null); // the key leaves memory with the dialog
    }
    onOpenChange(next);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={created ? "Your new API key" : `Rotate “${apiKey.name}”`}
      description={
        created
          ? undefined
          : "A new key replaces this one, with the same name, school, scopes and expiry. Both keys work until the old one stops; then only the new key does."
      }
    >
      {created ? (
        <ShownOnce keyValue={created} name={apiKey.name} onDone={() => change(false)} />
      ) : (
        <form onSubmit={form.submit} noValidate className="space-y-4">
          <FormAlert problem={form.problem} retryLabel={SUBMIT} />
          <fieldset className="space-y-2" aria-describedby={form.error("grace_seconds") ? "rotate-grace-error" : undefined}>
            <legend className="text-sm font-medium text-slate-800">
              The old key (<code className="font-mono">{apiKey.prefix}…</code>) keeps working for
            </legend>
            <div className="flex flex-col gap-2">
              {GRACE_CHOICES.map((choice) => (
                <label key={choice.seconds} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    value={String(choice.seconds)}
                    className="h-4 w-4 shrink-0"
                    {...form.form.register("grace_seconds")}
                  />
                  {choice.label}
                </label>
              ))}
            </div>
            {form.error("grace_seconds") ? (
              <p id="rotate-grace-error" role="alert" className="text-sm text-red-700">
                {form.error("grace_seconds")}
              </p>
            ) : null}
          </fieldset>
          <p className="text-sm text-slate-600">
            Put the new key in place before then. “Stop it now” refuses the old key from the next request.
          </p>
          <FormButtons submitLabel={SUBMIT} pending={form.pending} onCancel={() => change(false)} />
        </form>
      )}
    </Dialog>
  );
}

"use client";
// "Edit" on a live key: its name, scopes and expiry (PATCH /api/v1/system/api-keys/{id}/'s body,
// ApiKeyPatchBody). The school is shown, not offered: a key never changes school.
import { useMemo } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { ApiKeyPatchBody } from "@/lib/api-keys/api-key-schemas";
import { updateKey } from "@/lib/console/actions/api-key-actions";
import { FormDialog, useActionForm } from "@/components/ui/form";
import type { ApiKeyRow } from "@/components/console/api-keys/api-keys-table";
import { ExpiryField, KeyNameField, ScopePicker, expiryDay, localDay } from "@/components/console/api-keys/key-form-parts";

const SUBMIT = "Save changes";

// The body with its name and scopes required (the form always holds them) and the expiry as a day,
// left out of the change when it is still the day the key had (a past day of an expired key, or
// an instant set through the API that is not the end of a local day, stays as it is).
function editForm(initialDay: string) {
  return ApiKeyPatchBody.pick({ name: true, scopes: true })
    .required()
    .extend({
      expires_at: z
        .string()
        .transform((day) => (day === initialDay ? undefined : day))
        .pipe(expiryDay(ApiKeyPatchBody.shape.expires_at.unwrap()).optional()),
    });
}

export function EditApiKeyDialog({
  apiKey,
  schoolName,
  open,
  onOpenChange,
}: {
  apiKey: ApiKeyRow;
  /** What the key works on, as the list shows it. */
  schoolName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const initialDay = apiKey.expires_at ? localDay(new Date(apiKey.expires_at)) : "";
  const schema = useMemo(() => editForm(initialDay), [initialDay]);
  const form = useActionForm({
    schema,
    defaultValues: { name: apiKey.name, scopes: apiKey.scopes, expires_at: initialDay },
    action: ({ expires_at, ...patch }) =>
      updateKey({
        id: apiKey.id,
        ...patch,
        ...(expires_at === undefined ? {} : { expires_at: expires_at?.toISOString() ?? null }),
      }),
    onSuccess: () => onOpenChange(false),
  });
  const { control, register } = form.form;
  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Edit “${apiKey.name}”`}
      description="Changes apply to the key's next request. The key itself stays the same."
      submitLabel={SUBMIT}
      form={form}
    >
      <KeyNameField error={form.error("name")} {...register("name")} />
      <div className="text-sm">
        <p className="font-medium text-slate-800">Works on</p>
        <p className="mt-1 text-slate-700">
          {schoolName} <span className="text-slate-600">(a key's school cannot be changed)</span>
        </p>
      </div>
      <Controller
        control={control}
        name="scopes"
        render={({ field }) => <ScopePicker value={field.value ?? []} onChange={field.onChange} error={form.error("scopes")} />}
      />
      <ExpiryField error={form.error("expires_at")} {...register("expires_at")} />
    </FormDialog>
  );
}

"use client";
// "New API key": name, the school it works on (or, chosen on purpose, every school), scopes and an
// optional expiry. The form is POST /api/v1/system/api-keys/'s body (ApiKeyCreateBody), checked
// whole in the browser first. On success the same dialog shows the key — the only time anyone
// sees it — with a Copy button; closing the dialog drops it from memory.
import { useState } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { ApiKeyCreateBody } from "@/lib/api-keys/api-key-schemas";
import { createKey } from "@/lib/console/actions/api-key-actions";
import { searchSchoolsAction } from "@/lib/console/actions/picker-actions";
import { Button } from "@/components/ui/button";
import { Combobox, type PickerOption } from "@/components/ui/combobox";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert, FormButtons, useActionForm } from "@/components/ui/form";
import { ExpiryField, KeyNameField, ScopePicker, ShownOnce, expiryDay } from "@/components/console/api-keys/key-form-parts";

const SUBMIT = "Create key";

// The body, with the form's own representation of two fields: the school is a choice between one
// school (then picked) and every school, and the expiry is a day (a date input; "" for none) that
// ends where the user is.
const KeyForm = ApiKeyCreateBody.extend({
  reach: z.enum(["school", "global"]),
  expires_at: expiryDay(ApiKeyCreateBody.shape.expires_at.unwrap()),
})
  .refine((key) => key.reach === "global" || key.client !== null, {
    message: "Choose the school this key works on, or make it a global key.",
    path: ["client"],
    // Checked with the other fields, not only once they are valid.
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  })
  .transform(({ reach, ...key }) => ({ ...key, client: reach === "global" ? null : key.client }));

type KeyFormInput = z.input<typeof KeyForm>;

const EMPTY: KeyFormInput = { name: "", reach: "school", client: null, scopes: [], expires_at: "" };

export function NewApiKeyButton() {
  const [open, setOpen] = useState(false);
  const [school, setSchool] = useState<PickerOption | null>(null);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const form = useActionForm({
    schema: KeyForm,
    defaultValues: EMPTY,
    action: (key) => createKey({ ...key, expires_at: key.expires_at?.toISOString() ?? null }),
    onSuccess: (key) => setCreated({ key: key.key, name: key.name }),
  });
  const { control, register, watch } = form.form;
  const reach = watch("reach");

  const change = (next: boolean) => {
    if (form.pending) return;
    if (!next) {
      form.reset();
      setSchool(null);
      setCreated(null); // the key leaves memory with the dialog
    }
    setOpen(next);
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>New API key</Button>
      <Dialog
        open={open}
        onOpenChange={change}
        title={created ? "Your new API key" : "New API key"}
        description={
          created ? undefined : "For a script or an integration calling the school API. It acts with the scopes you pick, nothing more."
        }
      >
        {created ? (
          <ShownOnce keyValue={created.key} name={created.name} onDone={() => change(false)} />
        ) : (
          <form onSubmit={form.submit} noValidate className="space-y-4">
            <FormAlert problem={form.problem} retryLabel={SUBMIT} />
            <KeyNameField error={form.error("name")} {...register("name")} />
            <fieldset className="space-y-3">
              <legend className="text-sm font-medium text-slate-800">Works on</legend>
              <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" value="school" className="h-4 w-4 shrink-0" {...register("reach")} />
                  One school
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" value="global" className="h-4 w-4 shrink-0" {...register("reach")} />
                  Every school (a global key)
                </label>
              </div>
              {reach === "school" ? (
                <Controller
                  control={control}
                  name="client"
                  render={({ field }) => (
                    <Combobox
                      label="School"
                      placeholder="Type to search schools"
                      value={school}
                      onChange={(option) => {
                        setSchool(option);
                        field.onChange(option?.id ?? null);
                      }}
                      search={searchSchoolsAction}
                      hint="The key works on this school only."
                      error={form.error("client")}
                    />
                  )}
                />
              ) : (
                <p className="text-sm text-slate-700">A global key works on every school, including schools created later.</p>
              )}
            </fieldset>
            <Controller
              control={control}
              name="scopes"
              render={({ field }) => <ScopePicker value={field.value ?? []} onChange={field.onChange} error={form.error("scopes")} />}
            />
            <ExpiryField error={form.error("expires_at")} {...register("expires_at")} />
            <FormButtons submitLabel={SUBMIT} pending={form.pending} onCancel={() => change(false)} />
          </form>
        )}
      </Dialog>
    </>
  );
}

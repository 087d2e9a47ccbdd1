"use client";
// "New API key": name, the school it works on (or, chosen on purpose, every school), scopes and an
// optional expiry. The form is POST /api/v1/system/api-keys/'s body (ApiKeyCreateBody), checked
// whole in the browser first. On success the same dialog shows the key — the only time anyone
// sees it — with a Copy button; closing the dialog drops it from memory.
import { useRef, useState } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { ApiKeyCreateBody } from "@/lib/api-keys/api-key-schemas";
import { createKey } from "@/lib/console/actions/api-key-actions";
import { searchSchoolsAction } from "@/lib/console/actions/picker-actions";
import { Button } from "@/components/ui/button";
import { Combobox, type PickerOption } from "@/components/ui/combobox";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormAlert, FormButtons, useActionForm } from "@/components/ui/form";
import { endOfLocalDay, useTimeZone } from "@/components/ui/time";
import { SCOPE_GROUPS } from "@/components/console/api-keys/key-scopes";

const SUBMIT = "Create key";

// The body, with the form's own representation of two fields: the school is a choice between one
// school (then picked) and every school, and the expiry is a day (a date input; "" for none) that
// ends where the user is.
const KeyForm = ApiKeyCreateBody.extend({
  reach: z.enum(["school", "global"]),
  expires_at: z
    .string()
    .transform((day) => (day ? (endOfLocalDay(day) ?? day) : null))
    .pipe(ApiKeyCreateBody.shape.expires_at.unwrap()),
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

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function ShownOnce({ keyValue, name, onDone }: { keyValue: string; name: string; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "manual">("idle");

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(keyValue);
      setCopy("copied");
    } catch {
      // No clipboard access (an insecure origin, or the browser said no): select it for Ctrl+C.
      input.current?.focus();
      input.current?.select();
      setCopy("manual");
    }
  };

  return (
    <div className="space-y-4">
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        <p className="font-medium">Copy this key now. It will never be shown again.</p>
        <p className="mt-1">We keep only a hash of it. If it is lost, revoke “{name}” and create a new key.</p>
      </div>
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <TextField
            ref={input}
            label="API key"
            readOnly
            // The form it replaced had focus: the key takes it, selected, ready to copy.
            autoFocus
            value={keyValue}
            className="font-mono"
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
        <Button type="button" variant="secondary" onClick={onCopy}>
          Copy
        </Button>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm">
        {copy === "copied" ? <span className="text-green-800">Copied to the clipboard.</span> : null}
        {copy === "manual" ? (
          <span className="text-slate-700">Your browser did not allow copying. The key is selected: press Ctrl+C (⌘C on a Mac).</span>
        ) : null}
      </p>
      <p className="text-sm text-slate-600">
        Send it in the <code className="font-mono">X-API-KEY</code> header.
      </p>
      <div className="flex justify-end">
        <Button type="button" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

function ScopePicker({ value, onChange, error }: { value: string[]; onChange: (scopes: string[]) => void; error?: string }) {
  const all = value.includes("*");
  const toggle = (codename: string, on: boolean) => onChange(on ? [...value, codename] : value.filter((s) => s !== codename));
  return (
    <fieldset className="space-y-3" aria-describedby={error ? "new-key-scopes-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">Scopes</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 shrink-0" checked={all} onChange={(e) => toggle("*", e.target.checked)} />
        <span>
          All permissions (<code className="font-mono">*</code>)
        </span>
      </label>
      <div className="space-y-2">
        {SCOPE_GROUPS.map((group) => (
          <fieldset
            key={group.resource}
            disabled={all}
            className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-slate-200 px-3 py-2 disabled:bg-slate-50"
          >
            <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-700">{group.heading}</legend>
            {group.permissions.map((p) => (
              // Shows "View" under its group's heading; is named "View students" (the catalogue's label).
              <label key={p.codename} title={p.codename} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  aria-label={p.label}
                  className="h-4 w-4 shrink-0"
                  checked={all || value.includes(p.codename)}
                  onChange={(e) => toggle(p.codename, e.target.checked)}
                />
                <span className="capitalize">{p.action}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      {error ? (
        <p id="new-key-scopes-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function NewApiKeyButton() {
  const [open, setOpen] = useState(false);
  const [school, setSchool] = useState<PickerOption | null>(null);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const zone = useTimeZone();
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
            <TextField
              label="Name"
              maxLength={100}
              autoComplete="off"
              hint="Say who uses it, e.g. “Timetable sync”."
              error={form.error("name")}
              {...register("name")}
            />
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
            <TextField
              label="Expires on (optional)"
              type="date"
              min={localToday()}
              hint={`The key stops working at the end of this day in your time zone (${zone}). Leave empty for a key that does not expire.`}
              error={form.error("expires_at")}
              {...register("expires_at")}
            />
            <FormButtons submitLabel={SUBMIT} pending={form.pending} onCancel={() => change(false)} />
          </form>
        )}
      </Dialog>
    </>
  );
}

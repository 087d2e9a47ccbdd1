"use client";
// What the API key dialogs share: the name, the scope picker and the expiry day of "New API key" and "Edit",
// and the key shown once after a creation or a rotation.
import { forwardRef, useId, useRef, useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField, type TextFieldProps } from "@/components/ui/field";
import { endOfLocalDay, useTimeZone } from "@/components/ui/time";
import { SCOPE_GROUPS } from "@/components/console/api-keys/key-scopes";

/** A day as a date input holds it ("2026-12-31"), in the browser's own zone. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/**
 * The form's expiry: a day ("" for none) that ends where the user is, then the API's own rule for
 * the instant (`instant`: the body schema's `expires_at`, unwrapped of its optionality).
 */
export function expiryDay<S extends z.ZodType<unknown, string | null>>(instant: S) {
  return z
    .string()
    .transform((day) => (day ? (endOfLocalDay(day) ?? day) : null))
    .pipe(instant);
}

/** The key's name, with what makes a good one said in the hint. */
export const KeyNameField = forwardRef<HTMLInputElement, Omit<TextFieldProps, "label" | "hint">>(function KeyNameField(props, ref) {
  return <TextField ref={ref} label="Name" maxLength={100} autoComplete="off" hint="Say who uses it, e.g. “Timetable sync”." {...props} />;
});

/** The expiry day's date input, with what the day means said in the hint. */
export const ExpiryField = forwardRef<HTMLInputElement, Omit<TextFieldProps, "label" | "type" | "hint">>(function ExpiryField(props, ref) {
  const zone = useTimeZone();
  return (
    <TextField
      ref={ref}
      label="Expires on (optional)"
      type="date"
      min={localDay(new Date())}
      hint={`The key stops working at the end of this day in your time zone (${zone}). Leave empty for a key that does not expire.`}
      {...props}
    />
  );
});

export function ScopePicker({ value, onChange, error }: { value: string[]; onChange: (scopes: string[]) => void; error?: string }) {
  const errorId = `${useId()}-scopes-error`;
  const all = value.includes("*");
  const toggle = (codename: string, on: boolean) => onChange(on ? [...value, codename] : value.filter((s) => s !== codename));
  return (
    <fieldset className="space-y-3" aria-describedby={error ? errorId : undefined}>
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
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The key itself, the only time anyone sees it, with a Copy button. */
export function ShownOnce({ keyValue, name, onDone }: { keyValue: string; name: string; onDone: () => void }) {
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

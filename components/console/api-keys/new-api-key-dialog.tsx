"use client";
// "New API key": name, school (or global), scopes, optional expiry. On success the same dialog
// shows the key — the only time anyone sees it — with a Copy button; closing the dialog drops it
// from memory.
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { fieldError, nonFieldMessage } from "@/components/console/action-error";
import { SCOPE_GROUPS } from "@/components/console/api-keys/key-scopes";
import { createKey } from "@/lib/console/actions/api-key-actions";
import type { ActionResult } from "@/lib/console/console-action";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
type School = { id: string; name: string; slug: string };

/** A date input's day ends at midnight in the admin's own time zone; the server gets that instant. */
function endOfDay(date: string): string | null {
  if (!date) return null;
  const instant = new Date(`${date}T23:59:59.999`);
  return Number.isNaN(instant.getTime()) ? date : instant.toISOString();
}

function today(): string {
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
        <div className="flex-1">
          <TextField
            ref={input}
            label="API key"
            readOnly
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

export function NewApiKeyDialog({ schools }: { schools: School[] }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [client, setClient] = useState("");
  const [all, setAll] = useState(false);
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiry, setExpiry] = useState("");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const clear = () => {
    setName("");
    setClient("");
    setAll(false);
    setScopes([]);
    setExpiry("");
    setFailure(null);
    setCreated(null); // the key leaves memory with the dialog
  };
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) clear();
  };

  const toggle = (codename: string, on: boolean) =>
    setScopes((current) => (on ? [...current, codename] : current.filter((s) => s !== codename)));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setFailure(null);
      const result = await createKey({ name, client: client || null, scopes: all ? ["*"] : scopes, expires_at: endOfDay(expiry) });
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setCreated({ key: result.data.key, name: result.data.name });
    });
  };

  const scopeError = failure?.fieldErrors
    ? Object.entries(failure.fieldErrors)
        .filter(([field]) => field === "scopes" || field.startsWith("scopes."))
        .flatMap(([, m]) => m)
        .join(" ") || undefined
    : undefined;
  const formLevel = failure ? (nonFieldMessage(failure) ?? failure.error) : undefined;

  return (
    <>
      <Button onClick={() => setOpen(true)}>New API key</Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title={created ? "Your new API key" : "New API key"}
        description={
          created ? undefined : "For a script or an integration calling the school API. It acts with the scopes you pick, nothing more."
        }
      >
        {created ? (
          <ShownOnce keyValue={created.key} name={created.name} onDone={() => onOpenChange(false)} />
        ) : (
          <form onSubmit={submit} noValidate className="space-y-4">
            <FormError message={formLevel} />
            <TextField
              label="Name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={100}
              autoComplete="off"
              hint="Say who uses it, e.g. “Timetable sync”."
              error={fieldError(failure, "name")}
            />
            <SelectField
              label="School"
              value={client}
              onChange={(e) => setClient(e.target.value)}
              hint="A school's key works only on that school. A global key works on every school."
              error={fieldError(failure, "client")}
            >
              <option value="">Global (every school)</option>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            <fieldset className="space-y-3" aria-describedby={scopeError ? "new-key-scopes-error" : undefined}>
              <legend className="text-sm font-medium text-slate-800">Scopes</legend>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" className="h-4 w-4 shrink-0" checked={all} onChange={(e) => setAll(e.target.checked)} />
                <span>
                  All permissions (<code className="font-mono">*</code>)
                </span>
              </label>
              <div className={`space-y-2 ${all ? "opacity-50" : ""}`}>
                {SCOPE_GROUPS.map((group) => (
                  <fieldset
                    key={group.resource}
                    disabled={all}
                    className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-slate-200 px-3 py-2"
                  >
                    <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{group.heading}</legend>
                    {group.permissions.map((p) => (
                      // Shows "View" under its group's heading; is named "View students" (the catalogue's label).
                      <label key={p.codename} title={p.codename} className="flex items-center gap-1.5 text-sm">
                        <input
                          type="checkbox"
                          aria-label={p.label}
                          className="h-4 w-4 shrink-0"
                          checked={all || scopes.includes(p.codename)}
                          onChange={(e) => toggle(p.codename, e.target.checked)}
                        />
                        <span className="capitalize">{p.action}</span>
                      </label>
                    ))}
                  </fieldset>
                ))}
              </div>
              {scopeError ? (
                <p id="new-key-scopes-error" role="alert" className="text-sm text-red-700">
                  {scopeError}
                </p>
              ) : null}
            </fieldset>
            <TextField
              label="Expires on (optional)"
              type="date"
              min={today()}
              value={expiry}
              onChange={(e) => setExpiry(e.target.value)}
              hint="The key stops working at the end of this day, in your time zone. Leave empty for a key that does not expire."
              error={fieldError(failure, "expires_at")}
            />
            <div className="flex justify-end gap-2 pt-2">
              <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" pending={pending}>
                Create key
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}

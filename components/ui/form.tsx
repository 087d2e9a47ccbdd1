"use client";
// The form kit of the console and the portal. A form is a zod schema derived from the server's
// body schema (so the browser checks every rule at once, with the server's own messages, before
// the server checks them again), react-hook-form for the state, and a server action that answers
// an ActionResult. The kit wires the rest the same way everywhere:
// - the action's field errors land on the fields they name (`teacher.employee_number`, `domains.0`
//   → the closest field the form has); the rest becomes the form's message;
// - pending state disables the submit button and keeps the dialog open;
// - a session that ended while the form was open says so, with a sign-in link that opens in a new
//   tab and returns to this page — the form keeps what was typed, to be sent again.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/http/action-result";
import { useSignInHref } from "@/components/ui/app-context";
import { AlertCancel, AlertDialog, Dialog } from "@/components/ui/dialog";
import { Button, type ButtonProps } from "@/components/ui/button";

export type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** What went wrong with the last submission, beyond the field errors. */
export interface Problem {
  message?: string;
  sessionEnded: boolean;
}

function problemOf(failure: Failure, leftover: string[]): Problem {
  if (failure.code === "not_authenticated") return { sessionEnded: true };
  return { message: leftover.length ? leftover.join(" ") : failure.error, sessionEnded: false };
}

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object" || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Puts the server's field errors on the form's fields: each key goes to its longest prefix the form
 * holds (or that `aliases` maps); returns the messages no field took.
 */
export function applyFieldErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  errors: Record<string, string[]> | undefined,
  aliases: Record<string, string> = {},
): string[] {
  const leftover: string[] = [];
  const byField = new Map<string, string[]>();
  const values = form.getValues();
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const parts = key.split(".");
    let field: string | undefined;
    for (let n = parts.length; n > 0 && !field; n--) {
      const candidate = parts.slice(0, n).join(".");
      field = aliases[candidate] ?? (candidate !== "non_field_errors" && hasPath(values, candidate) ? candidate : undefined);
    }
    if (field) byField.set(field, [...(byField.get(field) ?? []), ...messages]);
    else leftover.push(...messages);
  }
  let first = true;
  for (const [field, messages] of byField) {
    form.setError(field as Path<T>, { type: "server", message: messages.join(" ") }, { shouldFocus: first });
    first = false;
  }
  return leftover;
}

export interface ActionFormOptions<In extends FieldValues, Out, R> {
  /** The form's schema: the server's body schema, `.pick`ed / `.extend`ed for the form's fields. */
  schema: z.ZodType<Out, In>;
  defaultValues: DefaultValues<In>;
  action: (values: Out) => Promise<ActionResult<R>>;
  onSuccess?: (data: R, values: Out) => void;
  /** Server field names that differ from the form's (`client` → `school`). */
  aliases?: Record<string, string>;
  /** Re-render the page's server data after success (default true). */
  refresh?: boolean;
}

export function useActionForm<In extends FieldValues, Out, R>(options: ActionFormOptions<In, Out, R>) {
  const router = useRouter();
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(options.schema),
    defaultValues: options.defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    const result = await options.action(values);
    if (!result.ok) {
      setProblem(problemOf(result, applyFieldErrors(form, result.fieldErrors, options.aliases)));
      return;
    }
    options.onSuccess?.(result.data, values);
    if (options.refresh !== false) router.refresh();
  });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  return {
    form,
    submit,
    problem,
    /** A rule about several fields at once (zod's refine on `non_field_errors`). */
    formRuleError: errors.non_field_errors?.message,
    pending: form.formState.isSubmitting,
    /** Forgets the problem and (by default) the edits: what Cancel does. */
    reset: (values?: DefaultValues<In>) => {
      setProblem(null);
      form.reset(values ?? options.defaultValues);
    },
    error: (field: Path<In>): string | undefined => {
      let node: unknown = form.formState.errors;
      for (const part of String(field).split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
      return (node as { message?: string } | undefined)?.message;
    },
  };
}

export type ActionForm = ReturnType<typeof useActionForm<FieldValues, unknown, unknown>>;

/** A server action run from a button (suspend, revoke, delete): pending state and its problem. */
export function useAction<R>({ onSuccess, refresh = true }: { onSuccess?: (data: R) => void; refresh?: boolean } = {}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = (action: () => Promise<ActionResult<R>>) => {
    setProblem(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setProblem(problemOf(result, [...Object.values(result.fieldErrors ?? {}).flat()]));
        return;
      }
      onSuccess?.(result.data);
      if (refresh) router.refresh();
    });
  };
  return { run, pending, problem, clear: () => setProblem(null) };
}

/** "Your session has ended": a way to sign in again without losing this page. */
export function SessionEndedNotice({ retryLabel }: { retryLabel: string }) {
  const signIn = useSignInHref();
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="font-medium">Your session has ended.</p>
      <p className="mt-1">
        <Link href={signIn} target="_blank" rel="noopener" className="font-medium underline underline-offset-4">
          Sign in again in a new tab
        </Link>
        , then come back and press “{retryLabel}” again — what you entered here is kept.
      </p>
    </div>
  );
}

/** The message of a failed submission (or a rule about several fields), or the session notice. */
export function FormAlert({ problem, ruleError, retryLabel }: { problem: Problem | null; ruleError?: string; retryLabel: string }) {
  if (problem?.sessionEnded) return <SessionEndedNotice retryLabel={retryLabel} />;
  const message = problem?.message ?? ruleError;
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}

/** Cancel and submit, at the foot of a form; on a phone they stack, the main action on top. */
export function FormButtons({
  submitLabel,
  pending,
  onCancel,
  danger = false,
}: {
  submitLabel: string;
  pending: boolean;
  onCancel?: () => void;
  danger?: boolean;
}) {
  return (
    <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
      {onCancel ? (
        <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      ) : null}
      <Button type="submit" variant={danger ? "danger" : "primary"} pending={pending}>
        {submitLabel}
      </Button>
    </div>
  );
}

/**
 * A form in a dialog. Cancel and Escape forget the edits (unless `keepOnClose`); the dialog stays
 * open while the action runs; focus returns to the control that opened it.
 */
export function FormDialog<In extends FieldValues, Out, R>({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  form,
  width,
  keepOnClose = false,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  form: ReturnType<typeof useActionForm<In, Out, R>>;
  width?: "normal" | "wide";
  keepOnClose?: boolean;
  children: ReactNode;
}) {
  const change = (next: boolean) => {
    if (form.pending) return;
    if (!next && !keepOnClose) form.reset();
    onOpenChange(next);
  };
  return (
    <Dialog open={open} onOpenChange={change} title={title} description={description} width={width}>
      <form onSubmit={form.submit} noValidate className="space-y-4">
        <FormAlert problem={form.problem} ruleError={form.formRuleError} retryLabel={submitLabel} />
        {children}
        <FormButtons submitLabel={submitLabel} pending={form.pending} onCancel={() => change(false)} />
      </form>
    </Dialog>
  );
}

/**
 * A button that asks first (suspend, revoke, delete): the confirmation stays open while the action
 * runs and shows its refusal inside; it closes once the action succeeded.
 */
export function ConfirmAction<R>({
  label,
  title,
  description,
  confirmLabel,
  action,
  danger = true,
  trigger,
  onSuccess,
}: {
  /** The trigger's text; `trigger` replaces the button when given. */
  label: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  action: () => Promise<ActionResult<R>>;
  danger?: boolean;
  trigger?: ButtonProps;
  onSuccess?: (data: R) => void;
}) {
  const [open, setOpen] = useState(false);
  const { run, pending, problem, clear } = useAction<R>({
    onSuccess: (data) => {
      setOpen(false);
      onSuccess?.(data);
    },
  });
  const change = (next: boolean) => {
    if (pending) return;
    if (!next) clear();
    setOpen(next);
  };
  return (
    <>
      <Button variant="secondary" {...trigger} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <AlertDialog open={open} onOpenChange={change} title={title} description={description}>
        <div className="mt-4">
          <FormAlert problem={problem} retryLabel={confirmLabel} />
        </div>
        <div className="mt-4 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <AlertCancel asChild>
            <Button variant="secondary" disabled={pending}>
              Cancel
            </Button>
          </AlertCancel>
          <Button variant={danger ? "danger" : "primary"} pending={pending} onClick={() => run(action)}>
            {confirmLabel}
          </Button>
        </div>
      </AlertDialog>
    </>
  );
}

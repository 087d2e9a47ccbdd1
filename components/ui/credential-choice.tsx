"use client";
// How a new account gets its password, in every "new person" form (a school's staff, a school's
// admins from the console, platform staff): "Send an invitation (recommended)" — the default: they
// get a single-use link and choose their own (API §8: a create body without `password`) — or "Set
// a password now", which shows the password field (the deployment's rules said up front). The form
// holds the choice and the password; `withCredentialChoice` turns them back into the body.
import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { z } from "zod";
import type { InputRules } from "@/lib/config/input-rules";
import { NewPassword, passwordRuleText } from "@/lib/credentials/rules";
import { TextField } from "@/components/ui/field";

export type CredentialChoice = "invite" | "password";

/** The form's two fields, to `safeExtend` a create body with (its `password` becomes plain text). */
export const CREDENTIAL_FIELDS = { credential: z.enum(["invite", "password"]), password: z.string() };

type Chosen = { credential: CredentialChoice; password: string };

/**
 * The body again from a form with CREDENTIAL_FIELDS: the password is checked (with the body's own
 * rule) only when it is set now, and sent only then — left out, the server invites.
 */
export function chosenCredential<Out extends Chosen, In>(form: z.ZodType<Out, In>, rules: Pick<InputRules, "passwordMinLength">) {
  return form
    .superRefine((v, ctx) => {
      if (v.credential !== "password") return;
      for (const issue of NewPassword(rules).safeParse(v.password).error?.issues ?? [])
        ctx.addIssue({ code: "custom", message: issue.message, path: ["password"] });
    })
    .transform((v): Omit<Out, keyof Chosen> & { password?: string } => {
      const { credential, password, ...body } = v;
      return credential === "password" ? { ...body, password } : body;
    });
}

/** What the form says once the account exists: how they will sign in. */
export function createdNotice(name: string, body: { email?: string | null; phone?: string | null; password?: string }): string {
  if (body.password !== undefined) return `${name} can now sign in with the password you set. Share it with them over a safe channel.`;
  if (body.email) return `Invitation sent to ${body.email}: ${name} chooses their password with its link.`;
  return `Invitation sent by text message to ${body.phone ?? "their phone"}: ${name} chooses their password with its link.`;
}

export function CredentialChoiceFields({
  choice,
  credential,
  password,
  passwordLabel = "Password",
  rules,
}: {
  /** The choice as the form holds it now (`watch`). */
  choice: CredentialChoice;
  credential: UseFormRegisterReturn;
  password: UseFormRegisterReturn & { error?: string };
  passwordLabel?: string;
  rules: Pick<InputRules, "passwordMinLength">;
}) {
  const id = useId();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">How they get their password</legend>
      <div className="mt-2 space-y-2">
        <div className="flex items-start gap-2">
          <input
            id={`${id}-invite`}
            type="radio"
            value="invite"
            aria-describedby={`${id}-invite-hint`}
            className="mt-0.5 h-4 w-4 shrink-0 accent-slate-900"
            {...credential}
          />
          <div className="min-w-0 text-sm">
            <label htmlFor={`${id}-invite`} className="font-medium text-slate-900">
              Send an invitation (recommended)
            </label>
            <p id={`${id}-invite-hint`} className="text-xs text-slate-600">
              A link to choose their own password goes to their email, or by text message to a phone-only account.
            </p>
          </div>
        </div>
        <div className="flex items-start gap-2">
          <input
            id={`${id}-password`}
            type="radio"
            value="password"
            aria-describedby={`${id}-password-hint`}
            className="mt-0.5 h-4 w-4 shrink-0 accent-slate-900"
            {...credential}
          />
          <div className="min-w-0 text-sm">
            <label htmlFor={`${id}-password`} className="font-medium text-slate-900">
              Set a password now
            </label>
            <p id={`${id}-password-hint`} className="text-xs text-slate-600">
              You share it with them yourself, over a safe channel.
            </p>
          </div>
        </div>
      </div>
      {choice === "password" ? (
        <div className="mt-3">
          <TextField label={passwordLabel} type="password" autoComplete="new-password" hint={passwordRuleText(rules)} {...password} />
        </div>
      ) : null}
    </fieldset>
  );
}

"use client";
// The page a reset link opens, shared by the console and the school portal: a new password and
// its confirmation, the body of POST …/auth/password-reset/confirm/ with the deployment's rules
// stated up front. Success ends every session, so the page sends them to sign in; a link that
// cannot be used says so, with a way to ask for a new one.
import { useMemo, useState } from "react";
import { z } from "zod";
import type { InputRules } from "@/lib/config/input-rules";
import type { ActionResult } from "@/lib/http/action-result";
import { PasswordResetConfirmBody } from "@/lib/auth/account-link-schemas";
import { passwordRuleText } from "@/lib/credentials/rules";
import { TextField } from "@/components/ui/field";
import { FormAlert, FormButtons, useActionForm } from "@/components/ui/form";
import { AuthLink } from "@/components/auth/auth-card";
import { LinkNotValid } from "@/components/auth/link-not-valid";

function ResetForm(rules: InputRules) {
  return PasswordResetConfirmBody(rules)
    .extend({ confirm_password: z.string() })
    .refine((v) => v.new_password === v.confirm_password, { message: "The two passwords differ.", path: ["confirm_password"] });
}

export function ResetPasswordForm({
  token,
  rules,
  action,
  signInHref,
  forgotHref,
}: {
  token: string;
  rules: InputRules;
  action: (input: { token: string; new_password: string }) => Promise<ActionResult<null>>;
  signInHref: string;
  forgotHref: string;
}) {
  const [outcome, setOutcome] = useState<"done" | "not_valid" | null>(null);
  const schema = useMemo(() => ResetForm(rules), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: { token, new_password: "", confirm_password: "" },
    action: async ({ token, new_password }) => {
      const result = await action({ token, new_password });
      if (!result.ok && (result.code === "token_not_valid" || result.fieldErrors?.token)) setOutcome("not_valid");
      return result;
    },
    refresh: false,
    onSuccess: () => setOutcome("done"),
  });
  if (outcome === "not_valid") return <LinkNotValid kind="reset" forgotHref={forgotHref} signInHref={signInHref} />;
  if (outcome === "done")
    return (
      <div className="space-y-4 text-sm">
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-green-900">
          Your password is changed, and every session of your account has been signed out. Sign in with your new password.
        </p>
        <p>
          <AuthLink href={signInHref}>Sign in</AuthLink>
        </p>
      </div>
    );
  const { register } = form.form;
  return (
    // method="post": a click before the page is interactive must never put a password in a URL.
    <form onSubmit={form.submit} method="post" noValidate className="space-y-4">
      <FormAlert problem={form.problem} ruleError={form.formRuleError} retryLabel="Set new password" />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint={passwordRuleText(rules)}
        error={form.error("new_password")}
        {...register("new_password")}
      />
      <TextField
        label="New password again"
        type="password"
        autoComplete="new-password"
        error={form.error("confirm_password")}
        {...register("confirm_password")}
      />
      <FormButtons submitLabel="Set new password" pending={form.pending} />
    </form>
  );
}

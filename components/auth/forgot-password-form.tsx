"use client";
// "Forgot your password?", shared by the console and the school portal: one field, the body of
// POST …/auth/password-reset/. The answer is the same whether or not an account uses what was
// typed (API §8), so the page says the same thing too; only too many requests (429) is an error,
// with how long to wait.
import { useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { PasswordResetRequestBody } from "@/lib/auth/account-link-schemas";
import { TextField } from "@/components/ui/field";
import { FormAlert, FormButtons, useActionForm } from "@/components/ui/form";
import { AuthLink } from "@/components/auth/auth-card";

export function ForgotPasswordForm({
  action,
  signInHref,
}: {
  action: (input: { identifier: string }) => Promise<ActionResult<null>>;
  signInHref: string;
}) {
  const [sent, setSent] = useState(false);
  const form = useActionForm({
    schema: PasswordResetRequestBody,
    defaultValues: { identifier: "" },
    action,
    refresh: false,
    onSuccess: () => setSent(true),
  });
  if (sent)
    return (
      <div className="space-y-4 text-sm">
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-green-900">
          If an account uses that email or phone number, a link to choose a new password is on its way. Check your email, or your text
          messages if your account has only a phone number. The link works once, for a limited time.
        </p>
        <p>
          <AuthLink href={signInHref}>Back to sign-in</AuthLink>
        </p>
      </div>
    );
  return (
    // method="post": a click before the page is interactive must not put the address in a URL.
    <form onSubmit={form.submit} method="post" noValidate className="space-y-4">
      <FormAlert problem={form.problem} retryLabel="Send me a link" />
      <TextField
        label="Email or phone"
        hint="The one you sign in with."
        autoComplete="username"
        autoFocus
        error={form.error("identifier")}
        {...form.form.register("identifier")}
      />
      <FormButtons submitLabel="Send me a link" pending={form.pending} />
      <p className="text-sm">
        <AuthLink href={signInHref}>Back to sign-in</AuthLink>
      </p>
    </form>
  );
}

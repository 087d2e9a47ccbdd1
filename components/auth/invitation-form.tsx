"use client";
// The page an invitation's link opens, shared by the console and the school portal: the password
// they choose (the deployment's rules stated up front) and its confirmation, and the name they go
// by if the one their inviter typed is not it — POST …/auth/invitation/accept/'s body. Accepting
// signs them in (`accept` does, each app its own way); then the browser goes to `next`. A link that
// cannot be used says so.
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { z } from "zod";
import type { InputRules } from "@/lib/config/input-rules";
import type { ActionResult } from "@/lib/http/action-result";
import { InvitationAcceptBody } from "@/lib/auth/account-link-schemas";
import { passwordRuleText } from "@/lib/credentials/rules";
import { TextField } from "@/components/ui/field";
import { FormAlert, FormButtons, useActionForm } from "@/components/ui/form";
import { LinkNotValid } from "@/components/auth/link-not-valid";

function AcceptForm(rules: InputRules) {
  const body = InvitationAcceptBody(rules);
  return body
    .extend({
      // Blank keeps the name their inviter typed.
      full_name: z
        .string()
        .transform((v) => v.trim() || undefined)
        .pipe(body.shape.full_name),
      confirm_password: z.string(),
    })
    .refine((v) => v.password === v.confirm_password, { message: "The two passwords differ.", path: ["confirm_password"] });
}

export function InvitationForm({
  token,
  rules,
  accept,
  next,
  signInHref,
  forgotHref,
}: {
  token: string;
  rules: InputRules;
  /** Accepts the invitation and signs in; `token_not_valid` when the link cannot be used. */
  accept: (input: { token: string; password: string; full_name?: string }) => Promise<ActionResult<null>>;
  next: string;
  signInHref: string;
  forgotHref: string;
}) {
  const router = useRouter();
  const [notValid, setNotValid] = useState(false);
  const schema = useMemo(() => AcceptForm(rules), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: { token, full_name: "", password: "", confirm_password: "" },
    action: async ({ token, password, full_name }) => {
      const result = await accept({ token, password, ...(full_name ? { full_name } : {}) });
      if (!result.ok && (result.code === "token_not_valid" || result.fieldErrors?.token)) setNotValid(true);
      return result;
    },
    refresh: false,
    onSuccess: () => {
      router.replace(next);
      router.refresh();
    },
  });
  if (notValid) return <LinkNotValid kind="invitation" forgotHref={forgotHref} signInHref={signInHref} />;
  const { register } = form.form;
  return (
    // method="post": a click before the page is interactive must never put a password in a URL.
    <form onSubmit={form.submit} method="post" noValidate className="space-y-4">
      <FormAlert problem={form.problem} ruleError={form.formRuleError} retryLabel="Set password and sign in" />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint={passwordRuleText(rules)}
        error={form.error("password")}
        {...register("password")}
      />
      <TextField
        label="Password again"
        type="password"
        autoComplete="new-password"
        error={form.error("confirm_password")}
        {...register("confirm_password")}
      />
      <TextField
        label="Your name (optional)"
        autoComplete="name"
        hint="Leave blank to keep the name you were invited with."
        error={form.error("full_name")}
        {...register("full_name")}
      />
      <FormButtons submitLabel="Set password and sign in" pending={form.pending} />
    </form>
  );
}

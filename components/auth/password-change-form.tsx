"use client";
// "Change your password", shared by the console and the school portal: POST …/auth/password/'s body
// (PasswordChangeBody, with the deployment's length rule) and a confirmation, checked in the
// browser first; a wrong current password comes back on its field. On success the user's own
// session goes on and the browser goes to `next`.
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { z } from "zod";
import type { InputRules } from "@/lib/config/input-rules";
import type { ActionResult } from "@/lib/http/action-result";
import { NewPassword, passwordRuleText } from "@/lib/credentials/rules";
import { PasswordChangeBody } from "@/lib/auth/auth-schemas";
import { TextField } from "@/components/ui/field";
import { FormAlert, FormButtons, useActionForm } from "@/components/ui/form";

function PasswordChangeForm(rules: InputRules) {
  return PasswordChangeBody.extend({ new_password: NewPassword(rules), confirm_password: z.string() }).refine(
    (v) => v.new_password === v.confirm_password,
    { message: "The two new passwords differ.", path: ["confirm_password"] },
  );
}

const EMPTY = { old_password: "", new_password: "", confirm_password: "" };

export function ChangePasswordForm({
  rules,
  action,
  next,
}: {
  rules: InputRules;
  action: (input: { old_password: string; new_password: string }) => Promise<ActionResult<null>>;
  next: string;
}) {
  const router = useRouter();
  const schema = useMemo(() => PasswordChangeForm(rules), [rules]);
  const form = useActionForm({
    schema,
    defaultValues: EMPTY,
    action: ({ old_password, new_password }) => action({ old_password, new_password }),
    refresh: false,
    onSuccess: () => {
      router.replace(next);
      router.refresh();
    },
  });
  const { register } = form.form;
  return (
    // method="post": a click before the page is interactive must never put a password in a URL.
    <form onSubmit={form.submit} method="post" noValidate className="space-y-4">
      <FormAlert problem={form.problem} ruleError={form.formRuleError} retryLabel="Change password" />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        autoFocus
        error={form.error("old_password")}
        {...register("old_password")}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
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
      <FormButtons submitLabel="Change password" pending={form.pending} />
    </form>
  );
}

"use client";
// The email-or-phone + password form shared by the console's and the school portal's sign-in:
// react-hook-form + zod in the browser; `submit` runs the real login and returns an error to show
// (or null), then the browser goes to `next`. With two-factor on, the login answers an mfa_token
// instead: the form asks for the code and `verify` completes the sign-in.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";

const Credentials = z.object({
  identifier: z.string().trim().min(1, "Enter your email or phone number.").max(254, "Ensure this field has no more than 254 characters."),
  password: z.string().min(1, "Enter your password.").max(128, "Passwords have at most 128 characters."),
});

export type CredentialsInput = z.infer<typeof Credentials>;

/** What a sign-in's first step answered: an error to show, null (signed in), or a code to ask for. */
export type SignInStep = string | null | { mfaToken: string };

export function CredentialsForm({
  submit,
  verify,
  next,
}: {
  submit: (values: CredentialsInput) => Promise<SignInStep>;
  verify: (mfaToken: string, code: string) => Promise<string | null>;
  next: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<CredentialsInput>({ resolver: zodResolver(Credentials) });

  const onSubmit = handleSubmit(async (values) => {
    setError(undefined);
    const problem = await submit(values);
    if (problem && typeof problem === "object") {
      setMfaToken(problem.mfaToken);
      return;
    }
    if (problem) {
      setError(problem);
      return;
    }
    router.replace(next);
    router.refresh();
  });

  if (mfaToken) return <CodeStep mfaToken={mfaToken} verify={verify} next={next} />;

  return (
    // method="post": a click before the page is interactive must never put a password in a URL.
    <form onSubmit={onSubmit} method="post" noValidate className="space-y-4">
      <FormError message={error} />
      <TextField label="Email or phone" autoComplete="username" autoFocus error={errors.identifier?.message} {...register("identifier")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" className="w-full" pending={isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}

const Code = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter the code from your authenticator app.")
    .max(64, "Ensure this field has no more than 64 characters."),
});

/** The second step: the authenticator app's code, or a recovery code. */
function CodeStep({
  mfaToken,
  verify,
  next,
}: {
  mfaToken: string;
  verify: (mfaToken: string, code: string) => Promise<string | null>;
  next: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<z.infer<typeof Code>>({ resolver: zodResolver(Code) });
  const onSubmit = handleSubmit(async ({ code }) => {
    setError(undefined);
    const problem = await verify(mfaToken, code);
    if (problem) {
      setError(problem);
      return;
    }
    router.replace(next);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} method="post" noValidate className="space-y-4">
      <FormError message={error} />
      <TextField
        label="Authentication code"
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        inputMode="numeric"
        autoComplete="one-time-code"
        autoFocus
        error={errors.code?.message}
        {...register("code")}
      />
      <Button type="submit" className="w-full" pending={isSubmitting}>
        Verify
      </Button>
    </form>
  );
}

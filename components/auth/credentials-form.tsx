"use client";
// The email-or-phone + password form shared by the console's and the school portal's sign-in:
// react-hook-form + zod in the browser; `submit` runs the real login and returns an error to show
// (or null), then the browser goes to `next`.
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

export function CredentialsForm({ submit, next }: { submit: (values: CredentialsInput) => Promise<string | null>; next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<CredentialsInput>({ resolver: zodResolver(Credentials) });

  const onSubmit = handleSubmit(async (values) => {
    setError(undefined);
    const problem = await submit(values);
    if (problem) {
      setError(problem);
      return;
    }
    router.replace(next);
    router.refresh();
  });

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

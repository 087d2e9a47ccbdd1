"use client";
// The school sign-in form: react-hook-form + zod in the browser, the school login behind it.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { signInAction } from "@/app/s/[host]/session-actions";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";

const SignIn = z.object({
  identifier: z.string().trim().min(1, "Enter your email or phone number.").max(254, "Ensure this field has no more than 254 characters."),
  password: z.string().min(1, "Enter your password.").max(128, "Passwords have at most 128 characters."),
});

export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm<z.infer<typeof SignIn>>({ resolver: zodResolver(SignIn) });

  const onSubmit = handleSubmit(async (values) => {
    setError(undefined);
    const result = await signInAction(values);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    router.replace("/profile");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={error} />
      <TextField label="Email or phone" autoComplete="username" autoFocus error={errors.identifier?.message} {...register("identifier")} />
      <TextField label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...register("password")} />
      <Button type="submit" className="w-full" pending={isSubmitting}>Sign in</Button>
    </form>
  );
}

"use server";
// Signing in and out of the school portal (see lib/portal/portal-session.ts).
import { redirect } from "next/navigation";
import { LoginBody } from "@/lib/auth/login";
import { ApiError } from "@/lib/http/api-error";
import { zodFieldErrors } from "@/lib/http/errors";
import { log } from "@/lib/log";
import type { ActionResult } from "@/lib/portal/portal-action";
import { signInToPortal, signOutOfPortal } from "@/lib/portal/portal-session";

export async function signInAction(input: { identifier: string; password: string }): Promise<ActionResult<null>> {
  const parsed = LoginBody.safeParse({ identifier: input?.identifier, password: input?.password });
  if (!parsed.success)
    return { ok: false, error: "Enter your email or phone and your password.", fieldErrors: zodFieldErrors(parsed.error) };
  try {
    await signInToPortal(parsed.data);
    return { ok: true, data: null };
  } catch (error) {
    if (error instanceof ApiError) {
      // A user of another school gets the same answer as a wrong password (the REST contract §4).
      if (error.status === 401) return { ok: false, error: "Wrong email/phone or password." };
      if (error.code === "tenant_inactive")
        return { ok: false, error: "This school's account is suspended. Contact the platform administrators." };
      return { ok: false, error: error.detail };
    }
    log.error({ err: error }, "portal sign-in failed");
    return { ok: false, error: "Something went wrong on our side. Please try again." };
  }
}

export async function signOutAction(): Promise<void> {
  await signOutOfPortal();
  redirect("/sign-in");
}

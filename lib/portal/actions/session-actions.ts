"use server";
// Signing in and out of the school portal (see lib/portal/portal-session.ts).
import { redirect } from "next/navigation";
import { LoginBody } from "@/lib/auth/login";
import { MfaVerifyBody } from "@/lib/auth/mfa-schemas";
import { ApiError } from "@/lib/http/api-error";
import { zodFieldErrors } from "@/lib/http/errors";
import { log } from "@/lib/log";
import type { ActionResult } from "@/lib/portal/portal-action";
import { signInToPortal, signOutOfPortal, verifyPortalSignIn } from "@/lib/portal/portal-session";

/** The password step: signed in (null), or — two-factor on — the mfa_token for `verifyCodeAction`. */
export async function signInAction(input: { identifier: string; password: string }): Promise<ActionResult<{ mfaToken: string } | null>> {
  const parsed = LoginBody.safeParse({ identifier: input?.identifier, password: input?.password });
  if (!parsed.success)
    return { ok: false, error: "Enter your email or phone and your password.", fieldErrors: zodFieldErrors(parsed.error) };
  try {
    return { ok: true, data: await signInToPortal(parsed.data) };
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

/** The code step of a two-factor sign-in. */
export async function verifyCodeAction(input: { mfa_token: string; code: string }): Promise<ActionResult<null>> {
  const parsed = MfaVerifyBody.safeParse({ mfa_token: input?.mfa_token, code: input?.code });
  if (!parsed.success)
    return { ok: false, error: "Enter the code from your authenticator app.", fieldErrors: zodFieldErrors(parsed.error) };
  try {
    await verifyPortalSignIn(parsed.data);
    return { ok: true, data: null };
  } catch (error) {
    if (error instanceof ApiError) {
      if (error.code === "authentication_failed") return { ok: false, error: "That code is not valid." };
      if (error.code === "token_not_valid") return { ok: false, error: "Your sign-in took too long. Reload the page and sign in again." };
      return { ok: false, error: error.detail };
    }
    log.error({ err: error }, "portal code step failed");
    return { ok: false, error: "Something went wrong on our side. Please try again." };
  }
}

export async function signOutAction(): Promise<void> {
  await signOutOfPortal();
  redirect("/sign-in");
}

"use server";
// The console's "Change your password": the same body and domain function as
// POST /api/v1/system/auth/password/ — the caller's own console session goes on, every other ends,
// and a temporary password an admin set stops being one.
import { consoleAction } from "@/lib/console/console-action";
import { PasswordChangeBody } from "@/lib/auth/auth-schemas";
import { changePassword } from "@/lib/auth/auth-actions";

export async function changeConsolePassword(input: { old_password: string; new_password: string }) {
  return consoleAction(
    "any",
    PasswordChangeBody,
    async (body, actor) => {
      await changePassword(body, actor.principal, "system", null, actor.origin);
      return null;
    },
    { beforePasswordChange: true, beforeMfaEnrolment: true },
  )(input);
}

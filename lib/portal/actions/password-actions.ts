"use server";
// The portal's "Change your password": the same body and domain function as
// POST /api/v1/school/auth/password/ — the caller's own portal session goes on, every other ends,
// and a temporary password an admin set stops being one.
import { portalAction } from "@/lib/portal/portal-action";
import { PasswordChangeBody } from "@/lib/auth/auth-schemas";
import { changePassword } from "@/lib/auth/auth-actions";

export async function changePortalPassword(input: { old_password: string; new_password: string }) {
  return portalAction(
    null,
    PasswordChangeBody,
    async (body, { schoolId, actor }) => {
      await changePassword(body, actor.principal, "school", schoolId, actor.origin);
      return null;
    },
    { beforePasswordChange: true, beforeMfaEnrolment: true },
  )(input);
}

// GET, PATCH /api/v1/school/auth/me/ — my profile in this school: roles, permissions, teacher
// profile; PATCH changes my name and phone (no permission needed: it is my own account)
import { inputRules } from "@/lib/env";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { schoolProfile, schoolProfileRead } from "@/lib/school/profile";
import { updateMyAccount } from "@/lib/auth/my-account";
import { MyAccountPatchBody } from "@/lib/auth/my-account-body";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute(
    { apiKeys: false, beforePasswordChange: true, beforeMfaEnrolment: true, read: ({ userId }) => schoolProfileRead(userId!) },
    async ({ principal, school, read: profile }) => ok(profile(principal.user, school)),
  ),
  PATCH: schoolRoute(
    { apiKeys: false, beforePasswordChange: true, body: MyAccountPatchBody(inputRules()) },
    async ({ principal, school, body, origin }) => {
      const user = await updateMyAccount({ principal, audience: "school", schoolId: school.id, patch: body, origin });
      return ok(await schoolProfile(user, school));
    },
  ),
});

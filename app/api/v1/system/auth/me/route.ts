// GET, PATCH /api/v1/system/auth/me/ — the signed-in platform user; PATCH changes my name and phone
import { inputRules } from "@/lib/env";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { toMeOut } from "@/lib/users/user-schemas";
import { updateMyAccount } from "@/lib/auth/my-account";
import { MyAccountPatchBody } from "@/lib/auth/my-account-body";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({ beforePasswordChange: true, beforeMfaEnrolment: true }, async ({ principal }) => ok(toMeOut(principal.user))),
  // Any platform role: it is their own account (support too).
  PATCH: systemRoute(
    { access: "any", beforePasswordChange: true, body: MyAccountPatchBody(inputRules()) },
    async ({ principal, body, origin }) =>
      ok(toMeOut(await updateMyAccount({ principal, audience: "system", schoolId: null, patch: body, origin }))),
  ),
});

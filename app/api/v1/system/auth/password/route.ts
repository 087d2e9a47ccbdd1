// POST /api/v1/system/auth/password/ — change my password (ends every session)
import { changePassword } from "@/lib/auth/auth-actions";
import { PasswordChangeBody } from "@/lib/auth/auth-schemas";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute(
    { access: "any", beforePasswordChange: true, beforeMfaEnrolment: true, body: PasswordChangeBody },
    async ({ body, principal, origin }) => {
      await changePassword(body, principal, "system", null, origin);
      return noContent();
    },
  ),
});

// POST /api/v1/school/auth/password/ — change my password (ends every session)
import { changePassword } from "@/lib/auth/auth-actions";
import { PasswordChangeBody } from "@/lib/auth/auth-schemas";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute(
    { apiKeys: false, beforePasswordChange: true, beforeMfaEnrolment: true, body: PasswordChangeBody },
    async ({ body, principal, school, origin }) => {
      await changePassword(body, principal, "school", school.id, origin);
      return noContent();
    },
  ),
});

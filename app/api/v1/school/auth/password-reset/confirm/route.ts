// POST /api/v1/school/auth/password-reset/confirm/ — spend a reset link: a new password, every session ended
import { PasswordResetConfirmBody } from "@/lib/auth/account-link-schemas";
import { confirmPasswordReset } from "@/lib/auth/password-reset";
import { inputRules } from "@/lib/env";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute({ auth: false, body: PasswordResetConfirmBody(inputRules()) }, async ({ body, school, origin }) => {
    await confirmPasswordReset(body, { audience: "school", schoolId: school.id }, origin);
    return noContent();
  }),
});

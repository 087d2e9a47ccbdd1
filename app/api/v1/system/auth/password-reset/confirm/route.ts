// POST /api/v1/system/auth/password-reset/confirm/ — spend a reset link: a new password, every session ended
import { PasswordResetConfirmBody } from "@/lib/auth/account-link-schemas";
import { confirmPasswordReset } from "@/lib/auth/password-reset";
import { inputRules } from "@/lib/env";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({ auth: false, body: PasswordResetConfirmBody(inputRules()) }, async ({ body, origin }) => {
    await confirmPasswordReset(body, { audience: "system", schoolId: null }, origin);
    return noContent();
  }),
});

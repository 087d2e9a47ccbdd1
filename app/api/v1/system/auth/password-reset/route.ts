// POST /api/v1/system/auth/password-reset/ — ask for a reset link (202 whether or not the account exists)
import { PasswordResetRequestBody } from "@/lib/auth/account-link-schemas";
import { PASSWORD_RESET_ANSWER, requestPasswordReset } from "@/lib/auth/password-reset";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { accepted } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({ auth: false, body: PasswordResetRequestBody }, async ({ body, origin }) => {
    await requestPasswordReset(body, { audience: "system", schoolId: null }, origin);
    return accepted(PASSWORD_RESET_ANSWER);
  }),
});

// POST /api/v1/system/auth/mfa/verify/ — a login's second step: the mfa_token and a code (or a recovery code)
import { systemLoginAnswer, verifyMfaLogin } from "@/lib/auth/login";
import { MfaVerifyBody } from "@/lib/auth/mfa-schemas";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({ auth: false, body: MfaVerifyBody }, async ({ body, origin }) => {
    const { user, tokens } = await verifyMfaLogin(body, { audience: "system", schoolId: null }, origin);
    return ok(systemLoginAnswer(user, tokens));
  }),
});

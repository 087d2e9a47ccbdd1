// POST /api/v1/system/auth/login/ — platform user login (or, with two-factor on, its first step)
import { LoginBody, login, systemLoginAnswer } from "@/lib/auth/login";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({ auth: false, body: LoginBody }, async ({ body, origin }) => {
    const result = await login(body, { audience: "system", schoolId: null }, origin);
    if (result.mfaRequired) return ok({ mfa_required: true, mfa_token: result.mfaToken });
    return ok(systemLoginAnswer(result.user, result.tokens));
  }),
});

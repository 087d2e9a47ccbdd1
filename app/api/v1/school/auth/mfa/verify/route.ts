// POST /api/v1/school/auth/mfa/verify/ — a login's second step: the mfa_token and a code (or a recovery code)
import { verifyMfaLogin } from "@/lib/auth/login";
import { MfaVerifyBody } from "@/lib/auth/mfa-schemas";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { schoolProfileRead } from "@/lib/school/profile";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute({ auth: false, body: MfaVerifyBody }, async ({ body, school, origin }) => {
    const {
      user,
      tokens,
      read: profile,
    } = await verifyMfaLogin(body, { audience: "school", schoolId: school.id }, origin, schoolProfileRead);
    return ok({ ...tokens, ...profile(user, school) });
  }),
});

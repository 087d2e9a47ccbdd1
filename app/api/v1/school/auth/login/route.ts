// POST /api/v1/school/auth/login/ — school staff login on the school's host (or X-Tenant); with two-factor on, its first step
import { LoginBody, login } from "@/lib/auth/login";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { schoolProfileRead } from "@/lib/school/profile";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute({ auth: false, body: LoginBody }, async ({ body, school, origin }) => {
    // The profile is read in the same round trip as the login's writes.
    const result = await login(body, { audience: "school", schoolId: school.id }, origin, schoolProfileRead);
    if (result.mfaRequired) return ok({ mfa_required: true, mfa_token: result.mfaToken });
    return ok({ ...result.tokens, ...result.read(result.user, school) });
  }),
});

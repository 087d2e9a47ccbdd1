// POST /api/v1/school/auth/login/ — school staff login on the school's host (or X-Tenant)
import { LoginBody, login } from "@/lib/auth/login";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { schoolProfileRead } from "@/lib/school/profile";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute({ auth: false, body: LoginBody }, async ({ body, school, origin }) => {
    // The profile is read in the same round trip as the login's writes.
    const { user, tokens, read: profile } = await login(body, { audience: "school", schoolId: school.id }, origin, schoolProfileRead);
    return ok({ ...tokens, ...profile(user, school) });
  }),
});

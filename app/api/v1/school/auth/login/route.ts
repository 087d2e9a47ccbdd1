// POST /api/v1/school/auth/login/ — school staff login on the school's host (or X-Tenant)
import { LoginBody, login } from "@/lib/auth/login";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";
import { schoolProfile } from "@/lib/school/profile";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute({ auth: false, body: LoginBody }, async ({ body, tenant, origin }) => {
    const { user, tokens } = await login(body, { audience: "school", tenantId: tenant.id }, origin);
    return ok({ ...tokens, ...(await schoolProfile(user, tenant)) });
  }),
});

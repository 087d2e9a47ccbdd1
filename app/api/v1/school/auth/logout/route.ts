// POST /api/v1/school/auth/logout/ — end one session, or (with a Bearer token and "all") every one
import { LogoutBody } from "@/lib/auth/auth-schemas";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { noContent } from "@/lib/http/respond";
import { logout, schoolOfLogout } from "@/lib/auth/auth-actions";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute({
    auth: "optional", apiKeys: false, body: LogoutBody,
    tenantOfBody: schoolOfLogout,
  }, async ({ body, principal, tenant, origin }) => {
    await logout(body, "school", tenant.id, principal, origin);
    return noContent();
  }),
});

// POST /api/v1/school/auth/logout/ — end one session, or (with a Bearer token and "all") every one
import { logout } from "@/lib/auth/auth-actions";
import { LogoutBody } from "@/lib/auth/auth-schemas";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { noContent } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute({ auth: "optional", apiKeys: false, body: LogoutBody }, async ({ body, principal, tenant, origin }) => {
    await logout(body, "school", tenant.id, principal, origin);
    return noContent();
  }),
});

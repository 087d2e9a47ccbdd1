// POST /api/v1/system/auth/logout/ — end one session, or (with a Bearer token and "all") every one
import { logout } from "@/lib/auth/auth-actions";
import { LogoutBody } from "@/lib/auth/auth-schemas";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute(
    { auth: "optional", access: "any", beforePasswordChange: true, beforeMfaEnrolment: true, body: LogoutBody },
    async ({ body, principal, origin }) => {
      await logout(body, "system", null, principal, origin);
      return noContent();
    },
  ),
});

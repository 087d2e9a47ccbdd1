// POST /api/v1/school/auth/logout/ — end one session, or (with a Bearer token and "all") every one
import { LogoutBody } from "@/lib/auth/auth-schemas";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent } from "@/lib/http/respond";
import { logout, schoolOfLogout } from "@/lib/auth/auth-actions";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute(
    {
      auth: "optional",
      apiKeys: false,
      beforePasswordChange: true,
      beforeMfaEnrolment: true,
      body: LogoutBody,
      schoolOfBody: schoolOfLogout,
    },
    async ({ body, principal, school, origin }) => {
      await logout(body, "school", school.id, principal, origin);
      return noContent();
    },
  ),
});

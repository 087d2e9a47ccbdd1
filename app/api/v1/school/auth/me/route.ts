// GET /api/v1/school/auth/me/ — my profile in this school: roles, permissions, teacher profile
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { schoolProfileRead } from "@/lib/school/profile";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute(
    { apiKeys: false, beforePasswordChange: true, read: ({ userId }) => schoolProfileRead(userId!) },
    async ({ principal, school, read: profile }) => ok(profile(principal.user, school)),
  ),
});

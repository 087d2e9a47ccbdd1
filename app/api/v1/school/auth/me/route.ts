// GET /api/v1/school/auth/me/ — my profile in this school: roles, permissions, teacher profile
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";
import { schoolProfile } from "@/lib/school/profile";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ apiKeys: false }, async ({ principal, tenant }) => ok(await schoolProfile(principal.user, tenant))),
});

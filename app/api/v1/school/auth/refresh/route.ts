// POST /api/v1/school/auth/refresh/ — rotate a school refresh token
import { refreshSession } from "@/lib/auth/auth-actions";
import { RefreshBody } from "@/lib/auth/auth-schemas";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { schoolOfRefreshToken } from "@/lib/auth/sessions";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute(
    { auth: false, body: RefreshBody, schoolOfBody: (body) => schoolOfRefreshToken(body.refresh) },
    async ({ body, school, origin }) => ok(await refreshSession(body.refresh, "school", school.id, origin)),
  ),
});

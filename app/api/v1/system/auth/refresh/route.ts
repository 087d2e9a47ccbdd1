// POST /api/v1/system/auth/refresh/ — rotate a refresh token
import { refreshSession } from "@/lib/auth/auth-actions";
import { RefreshBody } from "@/lib/auth/auth-schemas";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({ auth: false, body: RefreshBody }, async ({ body, origin }) =>
    ok(await refreshSession(body.refresh, "system", null, origin)),
  ),
});

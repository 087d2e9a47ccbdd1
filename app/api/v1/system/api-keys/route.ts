// GET, POST /api/v1/system/api-keys/ — list keys (?client=, ?revoked=); create one (the key is shown once)
import { ApiKeyCreateBody } from "@/lib/api-keys/api-key-schemas";
import { createApiKey, listApiKeys } from "@/lib/api-keys/api-keys";
import { endpoint, systemRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ url }) => ok(await listApiKeys(url))),
  POST: systemRoute({ body: ApiKeyCreateBody }, async ({ body, principal, origin }) =>
    ok(await createApiKey(body, { user: principal.user, origin }), 201),
  ),
});

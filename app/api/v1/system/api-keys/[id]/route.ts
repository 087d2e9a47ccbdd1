// GET, PATCH, DELETE /api/v1/system/api-keys/{id}/ — one key; DELETE revokes it for good
import { ApiKeyPatchBody } from "@/lib/api-keys/api-key-schemas";
import { getApiKey, revokeApiKey, updateApiKey } from "@/lib/api-keys/api-keys";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/http/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ params }) => ok(await getApiKey(idParam(params)))),
  PATCH: systemRoute({ body: ApiKeyPatchBody }, async ({ params, body, principal, origin }) =>
    ok(await updateApiKey(idParam(params), body, { user: principal.user, origin })),
  ),
  DELETE: systemRoute({}, async ({ params, principal, origin }) => {
    await revokeApiKey(idParam(params), { user: principal.user, origin });
    return noContent();
  }),
});

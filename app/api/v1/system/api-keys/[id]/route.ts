// GET, PATCH, DELETE /api/v1/system/api-keys/{id}/ — one API key; DELETE revokes it (irreversible)
import { ApiKeyPatchBody } from "@/lib/api-keys/api-key-schemas";
import { getApiKey, revokeApiKey, updateApiKey } from "@/lib/api-keys/api-keys";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ params }) => ok(await getApiKey(idParam(params)))),
  PATCH: systemRoute({ body: ApiKeyPatchBody }, async (ctx) =>
    ok(await updateApiKey({ actor: ctx, id: idParam(ctx.params), patch: ctx.body })),
  ),
  DELETE: systemRoute({}, async (ctx) => {
    await revokeApiKey({ actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

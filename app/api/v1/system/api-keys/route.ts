// GET, POST /api/v1/system/api-keys/ — API keys (?client=, ?revoked=); the key is in the create answer only
import { ApiKeyCreateBody, ApiKeyListQuery } from "@/lib/api-keys/api-key-schemas";
import { createApiKey, listApiKeys } from "@/lib/api-keys/api-keys";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({ query: ApiKeyListQuery }, async ({ query, url }) => ok(pageBody(url, await listApiKeys(query)))),
  POST: systemRoute({ body: ApiKeyCreateBody }, async (ctx) => ok(await createApiKey({ actor: ctx, key: ctx.body }), 201)),
});

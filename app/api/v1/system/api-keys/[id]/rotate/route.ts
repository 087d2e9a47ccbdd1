// POST /api/v1/system/api-keys/{id}/rotate/ — a new key replacing this one, which works until the grace period ends
import { ApiKeyRotateBody } from "@/lib/api-keys/api-key-schemas";
import { rotateApiKey } from "@/lib/api-keys/api-keys";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({ body: ApiKeyRotateBody }, async (ctx) =>
    ok(await rotateApiKey({ actor: ctx, id: idParam(ctx.params), graceSeconds: ctx.body.grace_seconds }), 201),
  ),
});

// GET, PATCH, DELETE /api/v1/system/clients/{id}/ — one school; PATCH {"is_active": false} suspends it
import { inputRules } from "@/lib/env";
import { ClientPatchBody } from "@/lib/platform/client-schemas";
import { deleteSchool, getSchool, updateSchool } from "@/lib/platform/schools";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ params }) => ok(await getSchool(idParam(params)))),
  PATCH: systemRoute({ body: ClientPatchBody(inputRules()) }, async (ctx) =>
    ok(await updateSchool({ actor: ctx, id: idParam(ctx.params), patch: ctx.body })),
  ),
  DELETE: systemRoute({}, async (ctx) => {
    await deleteSchool({ actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

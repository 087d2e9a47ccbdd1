// GET, PATCH, DELETE /api/v1/system/clients/{id}/ — one school; PATCH {"is_active": false} suspends it
import { ClientPatchBody } from "@/lib/platform/client-schemas";
import { deleteClient, getClient, updateClient } from "@/lib/platform/clients";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/http/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ params }) => ok(await getClient(idParam(params)))),
  PATCH: systemRoute({ body: ClientPatchBody }, async ({ params, body, principal, origin }) =>
    ok(await updateClient(idParam(params), body, { user: principal.user, origin })),
  ),
  DELETE: systemRoute({}, async ({ params, principal, origin }) => {
    await deleteClient(idParam(params), { user: principal.user, origin });
    return noContent();
  }),
});

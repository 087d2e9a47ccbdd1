// GET, POST /api/v1/system/clients/ — list schools (search, is_active), create one with its default roles
import { ClientCreateBody } from "@/lib/platform/client-schemas";
import { createClient, listClients } from "@/lib/platform/clients";
import { endpoint, systemRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ url }) => ok(await listClients(url))),
  POST: systemRoute({ body: ClientCreateBody }, async ({ body, principal, origin }) =>
    ok(await createClient(body, { user: principal.user, origin }), 201),
  ),
});

// GET, POST /api/v1/system/clients/{id}/users/ — a school's users; create one with roles (e.g. its first admin)
import { createTenantUser, listTenantUsers } from "@/lib/platform/tenant-users";
import { TenantUserCreateBody } from "@/lib/users/user-schemas";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ params, url }) => ok(await listTenantUsers(idParam(params), url))),
  POST: systemRoute({ body: TenantUserCreateBody() }, async ({ params, body, principal, origin }) =>
    ok(await createTenantUser(idParam(params), body, { user: principal.user, origin }), 201),
  ),
});

// GET, PATCH, DELETE /api/v1/system/users/{id}/ — one platform user; changes are for superadmins only
import { deletePlatformUser, getPlatformUser, updatePlatformUser } from "@/lib/platform/platform-users";
import { PlatformUserPatchBody } from "@/lib/users/user-schemas";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/http/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ params }) => ok(await getPlatformUser(idParam(params)))),
  PATCH: systemRoute({ access: "superadmin", body: PlatformUserPatchBody() }, async ({ params, body, principal, origin }) =>
    ok(await updatePlatformUser(idParam(params), body, { user: principal.user, origin })),
  ),
  DELETE: systemRoute({ access: "superadmin" }, async ({ params, principal, origin }) => {
    await deletePlatformUser(idParam(params), { user: principal.user, origin });
    return noContent();
  }),
});

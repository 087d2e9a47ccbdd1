// GET, POST /api/v1/system/users/ — platform staff; only a superadmin creates them
import { createPlatformStaff, listPlatformUsers } from "@/lib/platform/platform-users";
import { PlatformUserCreateBody } from "@/lib/users/user-schemas";
import { endpoint, systemRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ url }) => ok(await listPlatformUsers(url))),
  POST: systemRoute({ access: "superadmin", body: PlatformUserCreateBody() }, async ({ body, principal, origin }) =>
    ok(await createPlatformStaff(body, { user: principal.user, origin }), 201),
  ),
});

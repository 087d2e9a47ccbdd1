// GET, PATCH, DELETE /api/v1/system/users/{id}/ — one platform user; only a superadmin changes or deletes
import { inputRules } from "@/lib/env";
import { deletePlatformUser, getPlatformUser, updatePlatformUser } from "@/lib/platform/platform-users";
import { PlatformUserPatchBody } from "@/lib/users/user-schemas";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ params }) => ok(await getPlatformUser(idParam(params)))),
  PATCH: systemRoute({ access: "superadmin", body: PlatformUserPatchBody(inputRules()) }, async (ctx) =>
    ok(await updatePlatformUser({ actor: ctx, id: idParam(ctx.params), patch: ctx.body })),
  ),
  DELETE: systemRoute({ access: "superadmin" }, async (ctx) => {
    await deletePlatformUser({ actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

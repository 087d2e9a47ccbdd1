// DELETE /api/v1/system/users/{id}/mfa/ — a superadmin turns a platform user's two-factor off (ends their sessions)
import { resetPlatformUserMfa } from "@/lib/platform/platform-users";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  DELETE: systemRoute({ access: "superadmin" }, async (ctx) => {
    await resetPlatformUserMfa({ actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

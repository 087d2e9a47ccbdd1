// DELETE /api/v1/system/clients/{id}/users/{uid}/mfa/ — a superadmin or platform_admin turns a school user's two-factor off (ends their sessions)
import { resetSchoolUserMfaByPlatform } from "@/lib/platform/school-users";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  DELETE: systemRoute({}, async (ctx) => {
    await resetSchoolUserMfaByPlatform({ schoolId: idParam(ctx.params), actor: ctx, id: idParam(ctx.params, "uid") });
    return noContent();
  }),
});

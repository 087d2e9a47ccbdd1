// GET, DELETE /api/v1/system/clients/{id}/users/{uid}/sessions/ — a school user's live sessions; superadmin or platform_admin signs them out everywhere
import { endSchoolUserSessionsByPlatform, listSchoolUserSessionsByPlatform } from "@/lib/platform/school-users";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ params }) =>
    ok(await listSchoolUserSessionsByPlatform({ schoolId: idParam(params), id: idParam(params, "uid") })),
  ),
  DELETE: systemRoute({}, async (ctx) => {
    await endSchoolUserSessionsByPlatform({ schoolId: idParam(ctx.params), actor: ctx, id: idParam(ctx.params, "uid") });
    return noContent();
  }),
});

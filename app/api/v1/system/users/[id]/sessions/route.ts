// GET, DELETE /api/v1/system/users/{id}/sessions/ — a platform user's live sessions (any platform role); a superadmin signs them out everywhere
import { endPlatformUserSessions, listPlatformUserSessions } from "@/lib/platform/platform-users";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ params, principal }) =>
    ok(await listPlatformUserSessions({ id: idParam(params), callerSessionId: principal.sessionId })),
  ),
  DELETE: systemRoute({ access: "superadmin" }, async (ctx) => {
    await endPlatformUserSessions({ actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

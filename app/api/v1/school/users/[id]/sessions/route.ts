// GET, DELETE /api/v1/school/users/{id}/sessions/ — a colleague's live sessions (users.view); sign them out everywhere (users.change)
import { endStaffSessions, listStaffSessions } from "@/lib/school/staff";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "users" }, async ({ school, params, principal }) =>
    ok(
      await listStaffSessions({
        schoolId: school.id,
        id: idParam(params),
        callerSessionId: principal.kind === "user" ? principal.sessionId : undefined,
      }),
    ),
  ),
  DELETE: schoolRoute({ permission: "users.change" }, async (ctx) => {
    await endStaffSessions({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

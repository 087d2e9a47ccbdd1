// GET, DELETE /api/v1/school/role-assignments/{id}/ — one assignment; deleting it is roles.change
import { deleteAssignment, getAssignment } from "@/lib/school/role-assignments";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ permission: "roles.view" }, async ({ school, params }) => ok(await getAssignment(school.id, idParam(params)))),
  DELETE: schoolRoute({ permission: "roles.change" }, async (ctx) => {
    await deleteAssignment({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

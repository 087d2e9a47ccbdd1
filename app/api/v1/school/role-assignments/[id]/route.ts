// GET, PATCH, DELETE /api/v1/school/role-assignments/{id}/ — one assignment; changing its term or deleting it is roles.change
import { AssignmentPatchBody } from "@/lib/school/school-schemas";
import { deleteAssignment, getAssignment, updateAssignmentTerm } from "@/lib/school/role-assignments";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ permission: "roles.view" }, async ({ school, params }) => ok(await getAssignment(school.id, idParam(params)))),
  PATCH: schoolRoute({ permission: "roles.change", body: AssignmentPatchBody }, async (ctx) =>
    ok(await updateAssignmentTerm({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params), term: ctx.body })),
  ),
  DELETE: schoolRoute({ permission: "roles.change" }, async (ctx) => {
    await deleteAssignment({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

// GET, DELETE /api/v1/school/role-assignments/{id}/ — one assignment; deleting it is roles.change
import { deleteAssignment, getAssignment } from "@/lib/school/role-assignments";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ permission: "roles.view" }, async ({ tenant, params }) => ok(await getAssignment(tenant.id, idParam(params)))),
  DELETE: schoolRoute({ permission: "roles.change" }, async (ctx) => {
    await deleteAssignment(idParam(ctx.params), ctx);
    return noContent();
  }),
});

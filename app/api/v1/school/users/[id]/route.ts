// GET, PUT, PATCH, DELETE /api/v1/school/users/{id}/ — this school's staff: create with roles, PATCH {"is_active": false} deactivates
import { StaffPutBody, StaffPatchBody } from "@/lib/school/school-schemas";
import { deleteStaff, getStaff, updateStaff } from "@/lib/school/staff";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "users" }, async ({ tenant, params }) => ok(await getStaff(tenant.id, idParam(params)))),
  PUT: schoolRoute({ resource: "users", body: StaffPutBody }, async (ctx) => ok(await updateStaff(idParam(ctx.params), ctx.body, ctx))),
  PATCH: schoolRoute({ resource: "users", body: StaffPatchBody }, async (ctx) => ok(await updateStaff(idParam(ctx.params), ctx.body, ctx))),
  DELETE: schoolRoute({ resource: "users" }, async (ctx) => {
    await deleteStaff(idParam(ctx.params), ctx);
    return noContent();
  }),
});

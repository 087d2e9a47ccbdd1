// GET, PUT, PATCH, DELETE /api/v1/school/users/{id}/ — this school's staff: create with roles, PATCH {"is_active": false} deactivates
import { inputRules } from "@/lib/env";
import { StaffPutBody, StaffPatchBody } from "@/lib/school/school-schemas";
import { deleteStaff, getStaff, updateStaff } from "@/lib/school/staff";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "users" }, async ({ school, params }) => ok(await getStaff(school.id, idParam(params)))),
  PUT: schoolRoute({ resource: "users", body: StaffPutBody(inputRules()) }, async (ctx) =>
    ok(await updateStaff({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params), patch: ctx.body })),
  ),
  PATCH: schoolRoute({ resource: "users", body: StaffPatchBody(inputRules()) }, async (ctx) =>
    ok(await updateStaff({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params), patch: ctx.body })),
  ),
  DELETE: schoolRoute({ resource: "users" }, async (ctx) => {
    await deleteStaff({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

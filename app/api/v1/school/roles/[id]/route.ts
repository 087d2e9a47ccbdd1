// GET, PUT, PATCH, DELETE /api/v1/school/roles/{id}/ — roles of this school (unique names, permissions from the catalogue)
import { RoleBody, RolePatchBody } from "@/lib/school/school-schemas";
import { deleteRole, getRole, updateRole } from "@/lib/school/roles";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "roles" }, async ({ school, params }) => ok(await getRole(school.id, idParam(params)))),
  PUT: schoolRoute({ resource: "roles", body: RoleBody }, async (ctx) =>
    ok(await updateRole({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params), patch: ctx.body })),
  ),
  PATCH: schoolRoute({ resource: "roles", body: RolePatchBody }, async (ctx) =>
    ok(await updateRole({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params), patch: ctx.body })),
  ),
  DELETE: schoolRoute({ resource: "roles" }, async (ctx) => {
    await deleteRole({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

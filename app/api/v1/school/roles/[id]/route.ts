// GET, PUT, PATCH, DELETE /api/v1/school/roles/{id}/ — roles of this school (unique names, permissions from the catalogue)
import { RoleBody, RolePatchBody } from "@/lib/school/school-schemas";
import { deleteRole, getRole, updateRole } from "@/lib/school/roles";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "roles" }, async ({ tenant, params }) => ok(await getRole(tenant.id, idParam(params)))),
  PUT: schoolRoute({ resource: "roles", body: RoleBody }, async (ctx) => ok(await updateRole(idParam(ctx.params), ctx.body, ctx))),
  PATCH: schoolRoute({ resource: "roles", body: RolePatchBody }, async (ctx) => ok(await updateRole(idParam(ctx.params), ctx.body, ctx))),
  DELETE: schoolRoute({ resource: "roles" }, async (ctx) => {
    await deleteRole(idParam(ctx.params), ctx);
    return noContent();
  }),
});

// GET, POST /api/v1/school/roles/ — roles of this school (unique names, permissions from the catalogue)
import { RoleBody } from "@/lib/school/school-schemas";
import { createRole, listRoles } from "@/lib/school/roles";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "roles" }, async ({ tenant, url }) => ok(await listRoles(tenant.id, url))),
  POST: schoolRoute({ resource: "roles", body: RoleBody }, async (ctx) => ok(await createRole(ctx.body, ctx), 201)),
});

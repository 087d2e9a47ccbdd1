// GET, POST /api/v1/school/roles/ — roles of this school (unique names, permissions from the catalogue)
import { RoleBody, RoleListQuery } from "@/lib/school/school-schemas";
import { createRole, listRoles } from "@/lib/school/roles";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "roles", query: RoleListQuery }, async ({ school, query, url }) =>
    ok(pageBody(url, await listRoles({ schoolId: school.id, ...query }))),
  ),
  POST: schoolRoute({ resource: "roles", body: RoleBody }, async (ctx) =>
    ok(await createRole({ schoolId: ctx.school.id, actor: ctx, role: ctx.body }), 201),
  ),
});

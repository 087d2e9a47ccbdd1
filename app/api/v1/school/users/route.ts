// GET, POST /api/v1/school/users/ — this school's staff: create with roles, PATCH {"is_active": false} deactivates
import { TenantUserCreateBody } from "@/lib/users/user-schemas";
import { createStaff, listStaff } from "@/lib/school/staff";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "users" }, async ({ tenant, url }) => ok(await listStaff(tenant.id, url))),
  POST: schoolRoute({ resource: "users", body: TenantUserCreateBody() }, async (ctx) => ok(await createStaff(ctx.body, ctx), 201)),
});

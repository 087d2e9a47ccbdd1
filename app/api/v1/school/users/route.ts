// GET, POST /api/v1/school/users/ — this school's staff: create with roles, PATCH {"is_active": false} deactivates
import { inputRules } from "@/lib/env";
import { TenantUserCreateBody } from "@/lib/users/user-schemas";
import { StaffListQuery } from "@/lib/school/school-schemas";
import { createStaff, listStaff } from "@/lib/school/staff";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "users", query: StaffListQuery }, async ({ school, query, url }) =>
    ok(pageBody(url, await listStaff({ schoolId: school.id, ...query }))),
  ),
  POST: schoolRoute({ resource: "users", body: TenantUserCreateBody(inputRules()) }, async (ctx) =>
    ok(await createStaff({ schoolId: ctx.school.id, actor: ctx, staff: ctx.body }), 201),
  ),
});

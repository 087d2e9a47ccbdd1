// GET, POST /api/v1/system/clients/{id}/users/ — a school's users, as the platform sees and creates them
import { inputRules } from "@/lib/env";
import { createSchoolUserByPlatform, listSchoolUsers } from "@/lib/platform/school-users";
import { SchoolUserListQuery } from "@/lib/platform/client-schemas";
import { TenantUserCreateBody } from "@/lib/users/user-schemas";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({ query: SchoolUserListQuery }, async ({ params, query, url }) =>
    ok(pageBody(url, await listSchoolUsers({ schoolId: idParam(params), ...query }))),
  ),
  POST: systemRoute({ body: TenantUserCreateBody(inputRules()) }, async (ctx) =>
    ok(await createSchoolUserByPlatform({ schoolId: idParam(ctx.params), actor: ctx, user: ctx.body }), 201),
  ),
});

// GET, PATCH /api/v1/system/clients/{id}/users/{uid}/ — one of a school's users, as the platform sees and changes them
import { inputRules } from "@/lib/env";
import { getSchoolUserByPlatform, updateSchoolUserByPlatform } from "@/lib/platform/school-users";
import { TenantUserPatchBody } from "@/lib/users/user-schemas";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ params }) => ok(await getSchoolUserByPlatform({ schoolId: idParam(params), id: idParam(params, "uid") }))),
  PATCH: systemRoute({ body: TenantUserPatchBody(inputRules()) }, async (ctx) =>
    ok(
      await updateSchoolUserByPlatform({
        schoolId: idParam(ctx.params),
        actor: ctx,
        id: idParam(ctx.params, "uid"),
        patch: ctx.body,
      }),
    ),
  ),
});

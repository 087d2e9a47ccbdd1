// GET, POST /api/v1/system/users/ — platform users (?search=, ?platform_role=); only a superadmin creates
import { inputRules } from "@/lib/env";
import { createPlatformStaff, listPlatformUsers } from "@/lib/platform/platform-users";
import { PlatformUserCreateBody, PlatformUserListQuery } from "@/lib/users/user-schemas";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({ query: PlatformUserListQuery }, async ({ query, url }) => ok(pageBody(url, await listPlatformUsers(query)))),
  POST: systemRoute({ access: "superadmin", body: PlatformUserCreateBody(inputRules()) }, async (ctx) =>
    ok(await createPlatformStaff({ actor: ctx, user: ctx.body }), 201),
  ),
});

// GET /api/v1/school/permissions/ — every permission codename with a label (any authenticated caller)
import { PermissionListQuery, listPermissions } from "@/lib/rbac/list-permissions";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ query: PermissionListQuery }, async ({ query, url }) => ok(pageBody(url, await listPermissions(query)))),
});

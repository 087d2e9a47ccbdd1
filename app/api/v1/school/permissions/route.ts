// GET /api/v1/school/permissions/ — every permission codename with a label (any authenticated caller)
import { PERMISSIONS } from "@/lib/rbac/catalogue";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { paginate } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({}, async ({ url }) =>
    ok(await paginate(url, {
      count: async () => PERMISSIONS.length,
      rows: async ({ skip, take }) => PERMISSIONS.slice(skip, skip + take),
    }, ({ codename, label, resource, action }) => ({ codename, label, resource, action }))),
  ),
});

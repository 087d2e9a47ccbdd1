// GET, POST /api/v1/school/classes/ — classes (?search=, ?teacher=, ?grade=) with their teacher
import { ClassBody } from "@/lib/school/school-schemas";
import { createClass, listClasses } from "@/lib/school/classes";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "classes" }, async ({ tenant, url }) => ok(await listClasses(tenant.id, url))),
  POST: schoolRoute({ resource: "classes", body: ClassBody }, async (ctx) => ok(await createClass(ctx.body, ctx), 201)),
});

// GET, POST /api/v1/school/classes/ — classes (?search=, ?teacher=, ?grade=) with their teacher
import { ClassBody, ClassListQuery } from "@/lib/school/school-schemas";
import { createClass, listClasses } from "@/lib/school/classes";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "classes", query: ClassListQuery }, async ({ school, query, url }) =>
    ok(pageBody(url, await listClasses({ schoolId: school.id, ...query }))),
  ),
  POST: schoolRoute({ resource: "classes", body: ClassBody }, async (ctx) =>
    ok(await createClass({ schoolId: ctx.school.id, actor: ctx, class: ctx.body }), 201),
  ),
});

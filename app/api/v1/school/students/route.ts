// GET, POST /api/v1/school/students/ — students (?search=, ?class=)
import { StudentBody, StudentListQuery } from "@/lib/school/school-schemas";
import { createStudent, studentsPage } from "@/lib/school/students";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  // The hot read: it travels with the authentication statement (lib/pipeline/school-route.ts).
  GET: schoolRoute(
    { resource: "students", query: StudentListQuery, read: ({ query }) => studentsPage(query) },
    async ({ read: page, url }) => ok(pageBody(url, page)),
  ),
  POST: schoolRoute({ resource: "students", body: StudentBody }, async (ctx) =>
    ok(await createStudent({ schoolId: ctx.school.id, actor: ctx, student: ctx.body }), 201),
  ),
});

// GET, POST /api/v1/school/students/ — students (?search=, ?class=)
import { StudentBody } from "@/lib/school/school-schemas";
import { createStudent, studentsPage } from "@/lib/school/students";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "students", read: ({ url }) => studentsPage(url) }, async ({ read: page }) => ok(page)),
  POST: schoolRoute({ resource: "students", body: StudentBody }, async (ctx) => ok(await createStudent(ctx.body, ctx), 201)),
});

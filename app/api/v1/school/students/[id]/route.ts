// GET, PUT, PATCH, DELETE /api/v1/school/students/{id}/ — students (?search=, ?class=)
import { StudentBody, StudentPatchBody } from "@/lib/school/school-schemas";
import { deleteStudent, getStudent, updateStudent } from "@/lib/school/students";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "students" }, async ({ school, params }) => ok(await getStudent(school.id, idParam(params)))),
  PUT: schoolRoute({ resource: "students", body: StudentBody }, async (ctx) =>
    ok(await updateStudent({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params), patch: ctx.body })),
  ),
  PATCH: schoolRoute({ resource: "students", body: StudentPatchBody }, async (ctx) =>
    ok(await updateStudent({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params), patch: ctx.body })),
  ),
  DELETE: schoolRoute({ resource: "students" }, async (ctx) => {
    await deleteStudent({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

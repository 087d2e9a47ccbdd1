// GET, PUT, PATCH, DELETE /api/v1/school/students/{id}/ — students (?search=, ?class=)
import { StudentBody, StudentPatchBody } from "@/lib/school/school-schemas";
import { deleteStudent, getStudent, updateStudent } from "@/lib/school/students";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "students" }, async ({ tenant, params }) => ok(await getStudent(tenant.id, idParam(params)))),
  PUT: schoolRoute({ resource: "students", body: StudentBody }, async (ctx) => ok(await updateStudent(idParam(ctx.params), ctx.body, ctx))),
  PATCH: schoolRoute({ resource: "students", body: StudentPatchBody }, async (ctx) => ok(await updateStudent(idParam(ctx.params), ctx.body, ctx))),
  DELETE: schoolRoute({ resource: "students" }, async (ctx) => {
    await deleteStudent(idParam(ctx.params), ctx);
    return noContent();
  }),
});

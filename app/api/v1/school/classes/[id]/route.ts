// GET, PUT, PATCH, DELETE /api/v1/school/classes/{id}/ — classes (?search=, ?teacher=, ?grade=) with their teacher
import { ClassBody, ClassPatchBody } from "@/lib/school/school-schemas";
import { deleteClass, getClass, updateClass } from "@/lib/school/classes";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ resource: "classes" }, async ({ school, params }) => ok(await getClass(school.id, idParam(params)))),
  PUT: schoolRoute({ resource: "classes", body: ClassBody }, async (ctx) =>
    ok(await updateClass({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params), patch: ctx.body })),
  ),
  PATCH: schoolRoute({ resource: "classes", body: ClassPatchBody }, async (ctx) =>
    ok(await updateClass({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params), patch: ctx.body })),
  ),
  DELETE: schoolRoute({ resource: "classes" }, async (ctx) => {
    await deleteClass({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

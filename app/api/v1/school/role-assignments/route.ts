// GET, POST /api/v1/school/role-assignments/ — who holds which role and for how long (?user=, ?role=); creating one is roles.change
import { AssignmentBody, AssignmentListQuery } from "@/lib/school/school-schemas";
import { createAssignment, listAssignments } from "@/lib/school/role-assignments";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ permission: "roles.view", query: AssignmentListQuery }, async ({ school, query, url }) =>
    ok(pageBody(url, await listAssignments({ schoolId: school.id, ...query }))),
  ),
  POST: schoolRoute({ permission: "roles.change", body: AssignmentBody }, async (ctx) =>
    ok(await createAssignment({ schoolId: ctx.school.id, actor: ctx, assignment: ctx.body }), 201),
  ),
});

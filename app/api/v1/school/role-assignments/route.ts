// GET, POST /api/v1/school/role-assignments/ — who holds which role (?user=, ?role=); creating one is roles.change
import { AssignmentBody } from "@/lib/school/school-schemas";
import { createAssignment, listAssignments } from "@/lib/school/role-assignments";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ permission: "roles.view" }, async ({ tenant, url }) => ok(await listAssignments(tenant.id, url))),
  POST: schoolRoute({ permission: "roles.change", body: AssignmentBody }, async (ctx) => ok(await createAssignment(ctx.body, ctx), 201)),
});

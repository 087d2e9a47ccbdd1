// GET /api/v1/school/audit/ — this school's audit trail (permission roles.view; ?actor=, ?action=, ?since=, ?until=)
import { listSchoolAuditEvents } from "@/lib/audit/list-audit";
import { endpoint, schoolRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ permission: "roles.view" }, async ({ tenant, url }) => ok(await listSchoolAuditEvents(tenant.id, url))),
});

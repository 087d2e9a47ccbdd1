// GET /api/v1/school/audit/ — this school's audit trail (permission roles.view; ?actor=, ?action=, ?since=, ?until=)
import { SchoolAuditListQuery, listSchoolAuditEvents } from "@/lib/audit/list-audit";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ permission: "roles.view", query: SchoolAuditListQuery }, async ({ school, query, url }) =>
    ok(pageBody(url, await listSchoolAuditEvents({ schoolId: school.id, ...query }))),
  ),
});

// GET /api/v1/system/audit/ — the audit trail, newest first (?actor=, ?client=, ?action=, ?since=, ?until=)
import { AuditListQuery, listAuditEvents } from "@/lib/audit/list-audit";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { pageBody } from "@/lib/http/pagination";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({ query: AuditListQuery }, async ({ query, url }) => ok(pageBody(url, await listAuditEvents(query)))),
});

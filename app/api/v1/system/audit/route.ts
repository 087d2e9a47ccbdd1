// GET /api/v1/system/audit/ — the audit trail (?actor=, ?client=, ?action=, ?since=, ?until=), newest first
import { listAuditEvents } from "@/lib/audit/list-audit";
import { endpoint, systemRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ url }) => ok(await listAuditEvents(url))),
});

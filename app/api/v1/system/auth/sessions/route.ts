// GET /api/v1/system/auth/sessions/ — my live platform sessions, this one marked
import { endpoint, systemRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { listMySessions } from "@/lib/auth/session-list";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({}, async ({ principal }) => ok(await listMySessions({ principal, audience: "system", schoolId: null }))),
});

// GET /api/v1/school/auth/sessions/ — my live sessions in this school, this one marked
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { listMySessions } from "@/lib/auth/session-list";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({ apiKeys: false }, async ({ principal, school }) =>
    ok(await listMySessions({ principal, audience: "school", schoolId: school.id })),
  ),
});

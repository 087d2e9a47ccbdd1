// GET /api/health — liveness with a database round trip (503 while the database is unreachable)
import { databaseAnswers } from "@/lib/db/health";
import { endpoint, publicRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: publicRoute(async () =>
    (await databaseAnswers())
      ? ok({ status: "ok" })
      : ok({ status: "unavailable", detail: "The database is unreachable.", code: "service_unavailable" }, 503, { "retry-after": "5" }),
  ),
});

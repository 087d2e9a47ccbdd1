// GET /api/bench/ceiling-public — benchmark only (404 unless SMS_BENCH=1): the ceiling inside publicRoute
//
// The same handler as /api/bench/ceiling wrapped in our thinnest pipeline (request id, access
// log, error mapping): the difference between the two is what that wrapper costs.
import { ceilingResponse } from "@/lib/bench/ceiling";
import { endpoint, publicRoute } from "@/lib/pipeline";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: publicRoute(async ({ request }) => ceilingResponse(request)),
});

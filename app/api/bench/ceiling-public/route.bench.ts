// GET /api/bench/ceiling-public — benchmark build only: the ceiling inside publicRoute
//
// Not a route of the product (see ../ceiling/route.bench.ts). The same handler as
// /api/bench/ceiling wrapped in our thinnest pipeline (request id, access log, error mapping):
// the difference between the two is what that wrapper costs.
import { ceilingResponse } from "@/bench/ceiling/ceiling";
import { endpoint, publicRoute } from "@/lib/pipeline";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: publicRoute(async ({ request }) => ceilingResponse(request)),
});

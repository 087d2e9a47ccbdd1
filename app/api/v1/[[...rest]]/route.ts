// Any /api/v1/<unknown path> — the contract's 404 instead of an HTML page
import { ApiError } from "@/lib/http/errors";
import { endpoint, publicRoute } from "@/lib/http/pipeline";

const notFound = publicRoute(async () => {
  throw ApiError.notFound();
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({ GET: notFound, POST: notFound, PUT: notFound, PATCH: notFound, DELETE: notFound });

// GET /api/v1/openapi.json — the OpenAPI 3.1 document of the REST API
import { openApiDocument } from "@/lib/api/openapi";
import { endpoint, publicRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: publicRoute(async () => ok(openApiDocument())),
});

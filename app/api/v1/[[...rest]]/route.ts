// Any /api/v1/* — the contract's JSON 404 for every path no other route serves
import { ApiError } from "@/lib/http/api-error";
import { endpoint, publicRoute } from "@/lib/pipeline";

const notFound = publicRoute(async () => {
  throw ApiError.notFound();
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: notFound,
  POST: notFound,
  PUT: notFound,
  PATCH: notFound,
  DELETE: notFound,
});

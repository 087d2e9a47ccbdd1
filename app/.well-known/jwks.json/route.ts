// GET /.well-known/jwks.json — public keys that verify this platform's JWTs
import { publicJwks } from "@/lib/auth/signing-keys";
import { endpoint, publicRoute } from "@/lib/http/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  // Verifiers may cache for a few minutes; a rotated-in key is published before it signs anything
  // it could be asked to verify only after the ring reload (see lib/auth/signing-keys.ts).
  GET: publicRoute(async () => ok(await publicJwks(), 200, { "cache-control": "public, max-age=300" })),
});

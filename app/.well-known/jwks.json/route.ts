// GET /.well-known/jwks.json — public keys that verify this platform's JWTs
import { publicJwks } from "@/lib/auth/signing-keys";
import { endpoint, publicRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  // Verifiers may cache it for a few minutes; one that meets an unknown `kid` (after a rotation)
  // should fetch it again, as jose's createRemoteJWKSet does.
  GET: publicRoute(async () => ok(await publicJwks(), 200, { "cache-control": "public, max-age=300" })),
});

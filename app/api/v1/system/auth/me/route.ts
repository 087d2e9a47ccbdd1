// GET /api/v1/system/auth/me/ — the signed-in platform user
import { endpoint, systemRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { toMeOut } from "@/lib/users/user-schemas";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: systemRoute({ beforePasswordChange: true }, async ({ principal }) => ok(toMeOut(principal.user))),
});

// DELETE /api/v1/system/auth/sessions/{id}/ — end one of my platform sessions at once (any platform role: it is my own)
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent } from "@/lib/http/respond";
import { idParam } from "@/lib/http/ids";
import { endMySession } from "@/lib/auth/session-list";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  DELETE: systemRoute({ access: "any" }, async ({ principal, params, origin }) => {
    await endMySession({ principal, audience: "system", schoolId: null, id: idParam(params), origin });
    return noContent();
  }),
});

// DELETE /api/v1/school/auth/sessions/{id}/ — end one of my sessions in this school at once
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent } from "@/lib/http/respond";
import { idParam } from "@/lib/http/ids";
import { endMySession } from "@/lib/auth/session-list";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  DELETE: schoolRoute({ apiKeys: false }, async ({ principal, school, params, origin }) => {
    await endMySession({ principal, audience: "school", schoolId: school.id, id: idParam(params), origin });
    return noContent();
  }),
});

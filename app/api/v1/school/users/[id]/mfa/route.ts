// DELETE /api/v1/school/users/{id}/mfa/ — turn a colleague's two-factor off (users.change, within reach; ends their sessions)
import { resetStaffMfa } from "@/lib/school/staff";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  DELETE: schoolRoute({ permission: "users.change" }, async (ctx) => {
    await resetStaffMfa({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params) });
    return noContent();
  }),
});

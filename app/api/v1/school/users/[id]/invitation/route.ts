// POST, DELETE /api/v1/school/users/{id}/invitation/ — resend a colleague's invitation (a new link) or withdraw it (users.add, within reach)
import { changeStaffInvitation } from "@/lib/school/staff";
import { idParam } from "@/lib/http/ids";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { accepted, noContent } from "@/lib/http/respond";
import { INVITATION_RESENT } from "@/lib/auth/invitations";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute({ permission: "users.add" }, async (ctx) => {
    await changeStaffInvitation({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params), change: "resend" });
    return accepted(INVITATION_RESENT);
  }),
  DELETE: schoolRoute({ permission: "users.add" }, async (ctx) => {
    await changeStaffInvitation({ schoolId: ctx.school.id, actor: ctx, id: idParam(ctx.params), change: "withdraw" });
    return noContent();
  }),
});

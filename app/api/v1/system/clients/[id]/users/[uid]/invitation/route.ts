// POST, DELETE /api/v1/system/clients/{id}/users/{uid}/invitation/ — resend a school user's invitation or withdraw it (superadmin or platform_admin)
import { changeSchoolUserInvitationByPlatform } from "@/lib/platform/school-users";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { accepted, noContent } from "@/lib/http/respond";
import { INVITATION_RESENT } from "@/lib/auth/invitations";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({}, async (ctx) => {
    await changeSchoolUserInvitationByPlatform({
      schoolId: idParam(ctx.params),
      actor: ctx,
      id: idParam(ctx.params, "uid"),
      change: "resend",
    });
    return accepted(INVITATION_RESENT);
  }),
  DELETE: systemRoute({}, async (ctx) => {
    await changeSchoolUserInvitationByPlatform({
      schoolId: idParam(ctx.params),
      actor: ctx,
      id: idParam(ctx.params, "uid"),
      change: "withdraw",
    });
    return noContent();
  }),
});

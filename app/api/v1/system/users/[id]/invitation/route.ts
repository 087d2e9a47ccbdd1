// POST, DELETE /api/v1/system/users/{id}/invitation/ — resend a platform user's invitation or withdraw it (superadmin only)
import { changePlatformUserInvitation } from "@/lib/platform/platform-users";
import { idParam } from "@/lib/http/ids";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { accepted, noContent } from "@/lib/http/respond";
import { INVITATION_RESENT } from "@/lib/auth/invitations";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({ access: "superadmin" }, async (ctx) => {
    await changePlatformUserInvitation({ actor: ctx, id: idParam(ctx.params), change: "resend" });
    return accepted(INVITATION_RESENT);
  }),
  DELETE: systemRoute({ access: "superadmin" }, async (ctx) => {
    await changePlatformUserInvitation({ actor: ctx, id: idParam(ctx.params), change: "withdraw" });
    return noContent();
  }),
});

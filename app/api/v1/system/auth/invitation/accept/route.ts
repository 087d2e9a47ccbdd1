// POST /api/v1/system/auth/invitation/accept/ — choose a password with an invitation's link, and be signed in
import { InvitationAcceptBody } from "@/lib/auth/account-link-schemas";
import { acceptInvitation } from "@/lib/auth/invitations";
import { systemLoginAnswer } from "@/lib/auth/login";
import { inputRules } from "@/lib/env";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({ auth: false, body: InvitationAcceptBody(inputRules()) }, async ({ body, origin }) => {
    const { user, tokens } = await acceptInvitation(body, { audience: "system", schoolId: null }, origin);
    return ok(systemLoginAnswer(user, tokens));
  }),
});

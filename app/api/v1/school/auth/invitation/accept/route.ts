// POST /api/v1/school/auth/invitation/accept/ — choose a password with an invitation's link, and be signed in
import { InvitationAcceptBody } from "@/lib/auth/account-link-schemas";
import { acceptInvitation } from "@/lib/auth/invitations";
import { inputRules } from "@/lib/env";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { schoolProfileRead } from "@/lib/school/profile";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute({ auth: false, body: InvitationAcceptBody(inputRules()) }, async ({ body, school, origin }) => {
    const { user, tokens, read } = await acceptInvitation(body, { audience: "school", schoolId: school.id }, origin, schoolProfileRead);
    return ok({ ...tokens, ...read(user, school) });
  }),
});

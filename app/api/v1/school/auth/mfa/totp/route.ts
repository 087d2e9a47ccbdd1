// POST, DELETE /api/v1/school/auth/mfa/totp/ — start enrolling an authenticator app; turn two-factor off (password)
import { disableTotp, startTotpEnrolment } from "@/lib/auth/mfa";
import { MfaDisableBody } from "@/lib/auth/mfa-schemas";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute({ apiKeys: false, beforeMfaEnrolment: true }, async ({ principal, school, origin }) =>
    ok(await startTotpEnrolment({ principal, audience: "school", schoolId: school.id, origin, issuer: school.name })),
  ),
  DELETE: schoolRoute({ apiKeys: false, body: MfaDisableBody }, async ({ body, principal, school, origin }) => {
    await disableTotp({ principal, audience: "school", schoolId: school.id, origin, password: body.password });
    return noContent();
  }),
});

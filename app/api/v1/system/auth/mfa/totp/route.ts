// POST, DELETE /api/v1/system/auth/mfa/totp/ — start enrolling an authenticator app; turn two-factor off (password)
import { env } from "@/lib/env";
import { disableTotp, startTotpEnrolment } from "@/lib/auth/mfa";
import { MfaDisableBody } from "@/lib/auth/mfa-schemas";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { noContent, ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({ access: "any", beforeMfaEnrolment: true }, async ({ principal, origin }) =>
    ok(await startTotpEnrolment({ principal, audience: "system", schoolId: null, origin, issuer: env().SMS_ROOT_DOMAIN })),
  ),
  DELETE: systemRoute({ access: "any", body: MfaDisableBody }, async ({ body, principal, origin }) => {
    await disableTotp({ principal, audience: "system", schoolId: null, origin, password: body.password });
    return noContent();
  }),
});

// POST /api/v1/system/auth/mfa/totp/confirm/ — turn two-factor on with the app's first code; answers ten recovery codes, once
import { confirmTotp } from "@/lib/auth/mfa";
import { MfaConfirmBody } from "@/lib/auth/mfa-schemas";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({ access: "any", beforeMfaEnrolment: true, body: MfaConfirmBody }, async ({ body, principal, origin }) =>
    ok(await confirmTotp({ principal, audience: "system", schoolId: null, origin, code: body.code })),
  ),
});

// POST /api/v1/school/auth/mfa/totp/confirm/ — turn two-factor on with the app's first code; answers ten recovery codes, once
import { confirmTotp } from "@/lib/auth/mfa";
import { MfaConfirmBody } from "@/lib/auth/mfa-schemas";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: schoolRoute({ apiKeys: false, beforeMfaEnrolment: true, body: MfaConfirmBody }, async ({ body, principal, school, origin }) =>
    ok(await confirmTotp({ principal, audience: "school", schoolId: school.id, origin, code: body.code })),
  ),
});

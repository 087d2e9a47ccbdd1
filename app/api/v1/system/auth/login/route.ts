// POST /api/v1/system/auth/login/ — platform user login
import { LoginBody, login } from "@/lib/auth/login";
import { endpoint, systemRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";
import { toUserOut } from "@/lib/users/user-schemas";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  POST: systemRoute({ auth: false, body: LoginBody }, async ({ body, origin }) => {
    const { user, tokens } = await login(body, { audience: "system", schoolId: null }, origin);
    return ok({ ...tokens, user: toUserOut(user), password_change_required: user.passwordChangeRequired });
  }),
});

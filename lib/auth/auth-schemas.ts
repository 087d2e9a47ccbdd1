// Bodies and answers of the auth endpoints (the REST contract §4), shared by system and school auth.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PresentedPassword } from "@/lib/credentials/rules";
import { PasswordChangeRequiredField, UserOut } from "@/lib/users/user-schemas";

const Jwt = z.string().min(1, "This field may not be blank.").max(4096, "Ensure this field has no more than 4096 characters.");

export const RefreshBody = z.object({ refresh: Jwt.describe("A refresh token") }).meta({ id: "RefreshBody" });

export const LogoutBody = z
  .object({
    refresh: Jwt.optional().describe("Revoke the session (refresh family) of this refresh token"),
    all: z.literal(true).optional().describe("Revoke every session of the authenticated user (needs a Bearer access token)"),
  })
  .refine((b) => b.refresh !== undefined || b.all === true, { message: 'Provide "refresh" or "all": true.', path: ["refresh"] })
  .meta({ id: "LogoutBody" });

export const PasswordChangeBody = z
  .object({
    old_password: PresentedPassword,
    // Length rules depend on configuration, so they are checked in the action (still before hashing).
    new_password: z.string().max(PASSWORD_MAX_LENGTH, `Ensure this field has no more than ${PASSWORD_MAX_LENGTH} characters.`),
  })
  .meta({ id: "PasswordChangeBody" });

/**
 * The two-factor policy holds the user (lib/auth/authenticate.ts `mfaEnrolmentRequired`): in the
 * login answers and the school's `me`.
 */
export const MfaEnrolmentRequiredField = {
  mfa_enrolment_required: z
    .boolean()
    .describe(
      "The two-factor policy requires it (SMS_MFA_REQUIRED_PLATFORM for platform users, the school's mfa_required for its staff) and two-factor is not on: until it is (POST …/auth/mfa/totp/ and confirm), every route but those, auth/me, auth/password and auth/logout answers 403 mfa_enrolment_required",
    ),
};

export const TokenPairOut = z
  .object({ access: z.string().describe("Access JWT"), refresh: z.string().describe("Refresh JWT (rotates)") })
  .meta({ id: "TokenPair" });

export const SystemLoginOut = TokenPairOut.extend({
  user: UserOut,
  ...PasswordChangeRequiredField,
  ...MfaEnrolmentRequiredField,
}).meta({ id: "SystemLoginResult" });

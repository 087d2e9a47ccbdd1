// Bodies and answers of two-factor sign-in (the REST contract §8, "Two-factor sign-in"), for both
// audiences. Browser-safe: the console's and portal's forms derive theirs from these.
import { z } from "zod";
import { PresentedPassword } from "@/lib/credentials/rules";

/** A code from the authenticator app (6 digits) or a recovery code (`XXXX-XXXX-XXXX-XXXX`). */
const Code = z
  .string()
  .trim()
  .min(1, "This field may not be blank.")
  .max(64, "Ensure this field has no more than 64 characters.")
  .describe("The 6-digit code of the authenticator app");

export const MfaConfirmBody = z.object({ code: Code }).meta({ id: "MfaConfirmBody" });

export const MfaDisableBody = z.object({ password: PresentedPassword.describe("Your current password") }).meta({ id: "MfaDisableBody" });

export const MfaVerifyBody = z
  .object({
    mfa_token: z
      .string()
      .min(1, "This field may not be blank.")
      .max(200, "Ensure this field has no more than 200 characters.")
      .describe("The mfa_token of the login answer"),
    code: Code.describe("The 6-digit code of the authenticator app, or one of the recovery codes"),
  })
  .meta({ id: "MfaVerifyBody" });

export const MfaEnrolmentOut = z
  .object({
    secret: z.string().describe("The TOTP secret (base32), for typing into an authenticator app"),
    otpauth_url: z.string().describe("otpauth://totp/… URL (SHA1, 6 digits, 30 s), for a QR code"),
  })
  .meta({ id: "MfaEnrolment" });

export const RecoveryCodesOut = z
  .object({
    recovery_codes: z
      .array(z.string())
      .length(10)
      .describe("Ten single-use codes that stand in for the app's code at sign-in; shown this once"),
  })
  .meta({ id: "MfaRecoveryCodes" });

export const MfaRequiredOut = z
  .object({
    mfa_required: z.literal(true),
    mfa_token: z.string().describe("Send with a code to …/auth/mfa/verify/ within 300 s; single use; grants nothing else"),
  })
  .meta({ id: "MfaRequired" });

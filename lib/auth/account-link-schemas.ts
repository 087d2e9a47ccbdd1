// The bodies of the signed-out credential endpoints (API §8: password reset, invitation accept),
// pure like lib/credentials/rules.ts: the services and routes validate with them, and the pages'
// forms derive their schemas from them in the browser.
import { z } from "zod";
import { byRules } from "@/lib/config/input-rules";
import { NewPassword } from "@/lib/credentials/rules";

/** A link's token as a body field (what the link carries as ?token=). */
export const LinkToken = z
  .string()
  .trim()
  .min(1, "This field may not be blank.")
  .max(200, "Ensure this field has no more than 200 characters.");

export const PasswordResetRequestBody = z
  .object({
    identifier: z
      .string()
      .trim()
      .min(1, "This field may not be blank.")
      .max(254, "Ensure this field has no more than 254 characters.")
      .describe("The account's email or phone number"),
  })
  .meta({ id: "PasswordResetRequest" });

/** The body of POST …/auth/password-reset/confirm/ (the password's rules depend on the deployment). */
export const PasswordResetConfirmBody = byRules((rules) =>
  z
    .object({
      token: LinkToken.describe("The token of the reset link (its ?token=)"),
      new_password: NewPassword(rules),
    })
    .meta({ id: "PasswordResetConfirm" }),
);

/** The body of POST …/auth/invitation/accept/ (the password's rules depend on the deployment). */
export const InvitationAcceptBody = byRules((rules) =>
  z
    .object({
      token: LinkToken.describe("The token of the invitation's link (its ?token=)"),
      password: NewPassword(rules),
      full_name: z
        .string()
        .trim()
        .max(200, "Ensure this field has no more than 200 characters.")
        .optional()
        .describe("Replaces the name the inviter typed"),
    })
    .meta({ id: "InvitationAccept" }),
);

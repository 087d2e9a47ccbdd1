// The body of `PATCH …/auth/me/` (my own name and phone), as plain zod: the API and the My
// account forms in the browser both parse with it.
import { z } from "zod";
import { byRules } from "@/lib/config/input-rules";
import { PhoneField } from "@/lib/credentials/rules";

export const MyAccountPatchBody = byRules((rules) =>
  z
    .object({
      full_name: z.string().trim().max(200, "Ensure this field has no more than 200 characters.").optional(),
      phone: PhoneField(rules).nullable().optional().describe("null removes it (only while the account has an email)"),
    })
    .meta({ id: "MyAccountPatch" }),
);
export type MyAccountPatch = { full_name?: string; phone?: string | null };

// Email / phone identifiers (the REST contract §3): emails compare case-insensitively (stored lower-case),
// phones are stored in E.164, national formats read in SMS_DEFAULT_REGION.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { z } from "zod";
import { env } from "@/lib/env";

export type Identifier = { kind: "email"; value: string } | { kind: "phone"; value: string };

const EmailFormat = z.email();

export function normalizeEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return value.length <= 254 && EmailFormat.safeParse(value).success ? value : null;
}

export function normalizePhone(raw: string): string | null {
  const value = raw.trim();
  if (value.length > 32 || !/^[+0-9 ().-]+$/.test(value)) return null;
  const parsed = parsePhoneNumberFromString(value, env().SMS_DEFAULT_REGION as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/** Reads an email-or-phone login identifier; null when it can be neither. */
export function parseIdentifier(raw: string): Identifier | null {
  if (raw.includes("@")) {
    const email = normalizeEmail(raw);
    return email ? { kind: "email", value: email } : null;
  }
  const phone = normalizePhone(raw);
  return phone ? { kind: "phone", value: phone } : null;
}

/** zod field for an email in a create/update body: normalised, or a field error. */
export const EmailField = z
  .string()
  .max(254, "Ensure this field has no more than 254 characters.")
  .transform((v, ctx) => {
    const email = normalizeEmail(v);
    if (!email) {
      ctx.addIssue({ code: "custom", message: "Enter a valid email address." });
      return z.NEVER;
    }
    return email;
  });

export const PhoneField = z
  .string()
  .max(32, "Ensure this field has no more than 32 characters.")
  .transform((v, ctx) => {
    const phone = normalizePhone(v);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "Enter a valid phone number." });
      return z.NEVER;
    }
    return phone;
  });

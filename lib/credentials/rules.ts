// The rules of credentials as zod schemas, pure: the same schemas validate a request on the server
// and a form in the browser (which gets the configuration they depend on — the minimum password
// length, the phone region — from the page that renders it, as `InputRules`).
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { z } from "zod";
import type { InputRules } from "@/lib/config/input-rules";

export const PASSWORD_MAX_LENGTH = 128;

/** A password presented for verification: bounded, so a huge one is refused before hashing. */
export const PresentedPassword = z
  .string()
  .min(1, "This field may not be blank.")
  .max(PASSWORD_MAX_LENGTH, `Ensure this field has no more than ${PASSWORD_MAX_LENGTH} characters.`);

/** A new password (creation, change): length rules of the REST contract §4, checked before any hashing. */
export function NewPassword(rules: Pick<InputRules, "passwordMinLength">) {
  const min = rules.passwordMinLength;
  return z
    .string()
    .min(min, `This password is too short. It must contain at least ${min} characters.`)
    .max(PASSWORD_MAX_LENGTH, `Ensure this field has no more than ${PASSWORD_MAX_LENGTH} characters.`);
}

/** The password rules in words, for a form to state before anyone types. */
export function passwordRuleText(rules: Pick<InputRules, "passwordMinLength">): string {
  return `At least ${rules.passwordMinLength} characters, at most ${PASSWORD_MAX_LENGTH}. A passphrase of a few words is easier to remember.`;
}

const EmailFormat = z.email();

export function normalizeEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return value.length <= 254 && EmailFormat.safeParse(value).success ? value : null;
}

export function normalizePhone(raw: string, region: string): string | null {
  const value = raw.trim();
  if (value.length > 32 || !/^[+0-9 ().-]+$/.test(value)) return null;
  const parsed = parsePhoneNumberFromString(value, region as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
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

/** zod field for a phone number: E.164, national formats read in the configured region. */
export function PhoneField(rules: Pick<InputRules, "region">) {
  return z
    .string()
    .max(32, "Ensure this field has no more than 32 characters.")
    .transform((v, ctx) => {
      const phone = normalizePhone(v, rules.region);
      if (!phone) {
        ctx.addIssue({ code: "custom", message: "Enter a valid phone number, e.g. +1 415 555 0123." });
        return z.NEVER;
      }
      return phone;
    });
}

// Email / phone identifiers (the REST contract §3): emails compare case-insensitively (stored
// lower-case), phones are stored in E.164, national formats read in SMS_DEFAULT_REGION.
import { env } from "@/lib/env";
import { normalizeEmail, normalizePhone } from "@/lib/credentials/rules";

export type Identifier = { kind: "email"; value: string } | { kind: "phone"; value: string };

/** Reads an email-or-phone login identifier; null when it can be neither. */
export function parseIdentifier(raw: string): Identifier | null {
  if (raw.includes("@")) {
    const email = normalizeEmail(raw);
    return email ? { kind: "email", value: email } : null;
  }
  const phone = normalizePhone(raw, env().SMS_DEFAULT_REGION);
  return phone ? { kind: "phone", value: phone } : null;
}

// Tenant slug rules (the REST contract §5): 3–63 of a-z, 0-9, '-', not starting or ending with '-', and not
// a name the platform needs for itself.
import { z } from "zod";

export const RESERVED_SLUGS = new Set([
  "www",
  "api",
  "admin",
  "app",
  "static",
  "assets",
  "cdn",
  "mail",
  "smtp",
  "imap",
  "pop",
  "ftp",
  "ns1",
  "ns2",
  "dns",
  "auth",
  "login",
  "sso",
  "oauth",
  "id",
  "accounts",
  "account",
  "system",
  "platform",
  "console",
  "dashboard",
  "status",
  "health",
  "docs",
  "help",
  "support",
  "blog",
  "dev",
  "test",
  "staging",
  "internal",
  "localhost",
  "root",
  "public",
  "media",
  "files",
  "billing",
  "school",
  "schools",
  "tenant",
  "tenants",
  "_next",
]);

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;

export const Slug = z
  .string()
  .min(3, "Ensure this field has at least 3 characters.")
  .max(63, "Ensure this field has no more than 63 characters.")
  .regex(SLUG_PATTERN, "Use only lower-case letters, digits and hyphens, not starting or ending with a hyphen.")
  .refine((s) => !RESERVED_SLUGS.has(s), "This name is reserved.");

export function isValidSlug(value: string): boolean {
  return Slug.safeParse(value).success;
}

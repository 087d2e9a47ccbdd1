// API keys as the system API reads and writes them (the REST contract §4 "API keys", §5, §8 "API keys").
import { z } from "zod";
import { isCodename } from "@/lib/rbac/catalogue";
import { QueryBoolean, QueryIdOrNull, QueryOrdering, listQuery } from "@/lib/http/query";

/** Newest key first by default; a key never used or without an expiry sorts last. */
export const ApiKeyOrdering = QueryOrdering(["name", "created_at", "last_used_at", "expires_at"], "-created_at,-id");

export const ApiKeyListQuery = listQuery({
  client: QueryIdOrNull("Enter a school id, or null for global keys.").describe("School id, or null for global keys"),
  revoked: QueryBoolean.describe("true or false"),
  ordering: ApiKeyOrdering,
});

const Scopes = z
  .array(z.string().max(64))
  .min(1, 'Give at least one scope (a permission codename, or "*" for all).')
  .max(64)
  .superRefine((scopes, ctx) => {
    for (const scope of scopes) {
      if (scope !== "*" && !isCodename(scope)) ctx.addIssue({ code: "custom", message: `Unknown scope "${scope.slice(0, 64)}".` });
    }
  })
  .transform((scopes) => (scopes.includes("*") ? ["*"] : [...new Set(scopes)].sort()));

const FutureInstant = z.iso
  .datetime({ offset: true, message: "Enter an ISO 8601 date-time, e.g. 2027-01-31T00:00:00Z." })
  .transform((v) => new Date(v))
  .refine((d) => d.getTime() > Date.now(), "The expiry must be in the future.");

export const ApiKeyCreateBody = z
  .object({
    name: z.string().trim().min(1, "This field may not be blank.").max(100, "Ensure this field has no more than 100 characters."),
    client: z.string().max(64).nullable().describe("School id the key is bound to; null for a global key"),
    scopes: Scopes.describe('School permission codenames, or ["*"] for all'),
    expires_at: FutureInstant.nullable().optional(),
  })
  .meta({ id: "ApiKeyCreate" });

export const ApiKeyPatchBody = z
  .object({
    name: z.string().trim().min(1, "This field may not be blank.").max(100).optional(),
    scopes: Scopes.optional(),
    expires_at: FutureInstant.nullable().optional(),
    // Named, not silently dropped: a caller who asks to move a key to another school must hear no.
    client: z
      .never({ error: "The school of a key cannot be changed." })
      .optional()
      .describe("Never accepted: the school of a key cannot be changed (400 naming client)"),
  })
  .meta({ id: "ApiKeyPatch" });

/** 30 days: the longest a replaced key may keep working beside its successor. */
export const MAX_GRACE_SECONDS = 30 * 86400;

export const ApiKeyRotateBody = z
  .object({
    grace_seconds: z
      .number({ error: "A valid integer is required." })
      .int("A valid integer is required.")
      .min(0, "Ensure this value is greater than or equal to 0.")
      .max(MAX_GRACE_SECONDS, `Ensure this value is less than or equal to ${MAX_GRACE_SECONDS}.`)
      .default(86400)
      .describe("How long the old key keeps working, in seconds (default 86400, at most 2592000 = 30 days; 0 ends it at once)"),
  })
  .meta({ id: "ApiKeyRotate" });

export const ApiKeyOut = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("Visible start of the key, e.g. sms_4fK9…"),
    client: z.string().nullable(),
    scopes: z.array(z.string()),
    created_at: z.string(),
    expires_at: z.string().nullable(),
    last_used_at: z.string().nullable(),
    revoked: z.boolean().describe("The key no longer works (revoked, or a rotation's grace period is over)"),
    revokes_at: z
      .string()
      .nullable()
      .describe("While a rotation's grace period runs: when this replaced key stops working; null otherwise"),
  })
  .meta({ id: "ApiKey" });

export const ApiKeyCreatedOut = ApiKeyOut.extend({ key: z.string().describe("The key itself: shown this once, never again") }).meta({
  id: "ApiKeyCreated",
});

/** `now`: the instant the answer speaks for (one per list, so a page agrees with its own filter). */
export function toApiKeyOut(
  k: {
    id: string;
    name: string;
    prefix: string;
    clientId: string | null;
    scopes: string[];
    createdAt: Date;
    expiresAt: Date | null;
    lastUsedAt: Date | null;
    revokedAt: Date | null;
  },
  now: Date,
): z.infer<typeof ApiKeyOut> {
  // A revocation in the future is a rotation's grace period: the key still works until then.
  const pending = k.revokedAt !== null && k.revokedAt > now;
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    client: k.clientId,
    scopes: k.scopes,
    created_at: k.createdAt.toISOString(),
    expires_at: k.expiresAt?.toISOString() ?? null,
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
    revoked: k.revokedAt !== null && !pending,
    revokes_at: pending ? k.revokedAt!.toISOString() : null,
  };
}

// X-API-KEY authentication for school endpoints (API.md §4): unknown, revoked or expired keys —
// and keys bound to another school — are `401 api_key_not_valid`.
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { hashKey, hashesMatch, parseKey } from "@/lib/api-keys/key-format";

export interface ApiKeyPrincipal {
  kind: "api_key";
  keyId: string;
  name: string;
  prefix: string;
  clientId: string | null;
  scopes: string[];
}

function invalid(): ApiError {
  return new ApiError(401, "api_key_not_valid", "API key is invalid, revoked or expired.");
}

// `last_used_at` is written on first use, then at most once a minute per key. The row just read
// usually says it is fresh enough (no write at all); when it does not, the conditional UPDATE lets
// only one of several concurrent requests, on any instance, write it.
const LAST_USED_EVERY_MS = 60_000;

async function touch(keyId: string, lastUsedAt: Date | null): Promise<void> {
  const now = Date.now();
  if (lastUsedAt && now - lastUsedAt.getTime() < LAST_USED_EVERY_MS) return;
  await prisma.apiKey.updateMany({
    where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_EVERY_MS) } }] },
    data: { lastUsedAt: new Date(now) },
  });
}

/** The key's row, if the header holds a live key; `tenantId` null means "not known yet". */
export async function authenticateApiKey(header: string, tenantId: string | null): Promise<ApiKeyPrincipal> {
  const key = header.trim();
  const parsed = key.length <= 128 ? parseKey(key) : null;
  if (!parsed) throw invalid(); // malformed or mistyped: no database round trip
  const row = await prisma.apiKey.findUnique({
    where: { prefix: parsed.prefix },
    select: { id: true, name: true, prefix: true, keyHash: true, clientId: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || !hashesMatch(row.keyHash, hashKey(key))) throw invalid();
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) throw invalid();
  if (tenantId && row.clientId && row.clientId !== tenantId) throw invalid();
  await touch(row.id, row.lastUsedAt);
  return { kind: "api_key", keyId: row.id, name: row.name, prefix: row.prefix, clientId: row.clientId, scopes: row.scopes };
}

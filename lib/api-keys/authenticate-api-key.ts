// X-API-KEY authentication for school endpoints (the REST contract §4): unknown, revoked or expired keys —
// and keys bound to another school — are `401 api_key_not_valid`.
//
// Like a Bearer token's (lib/auth/authenticate-school-bearer.ts), in ONE database round trip: the
// school named by the request (host, X-Tenant, or the key's own school), the key, and the route's
// reads, which only see the school's rows once the same checks pass in SQL. Errors come in the
// order the separate steps would give them: unknown school 404, host/header mismatch 400,
// suspended school 403, then the key's 401, then (in the pipeline) the scope's 403.
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { assertServes, schoolAddress, schoolErrors, type School } from "@/lib/schools/resolve-school";
import { prepared, runAuthenticated, type SqlText } from "@/lib/db/sql-script";
import { hashKey, hashesMatch, parseKey } from "@/lib/api-keys/key-format";
import type { ApiKeyPrincipal } from "@/lib/rbac/principal";

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

interface Row {
  id: string | null;
  slug: string;
  name: string;
  is_active: boolean;
  key_id: string | null;
  key_name: string;
  key_hash: string;
  key_client: string | null;
  scopes: string[];
  /** Not revoked (or in a rotation's grace period: revoked_at still ahead), not expired. */
  key_live: boolean;
  last_used_at: Date | null;
  granted: boolean;
}

// A key rotated away has a revoked_at in the future (lib/api-keys/api-keys.ts): it works until then.
// $1 names the school (by `where`), $2 the key's prefix, $3 the SHA-256 of the whole key, $4 the
// permission the route needs (NULL: none). As in the Bearer statement, the tenant context for the
// rest of the message is set only when the checks pass in SQL; one row always.
const keyStatement = (where: string) =>
  prepared(`
  SELECT c.id, c.slug, c.name, c.is_active,
         k.id AS key_id, k.name AS key_name, k.key_hash, k.client_id AS key_client, k.scopes, k.last_used_at,
         COALESCE((k.revoked_at IS NULL OR k.revoked_at > now()) AND (k.expires_at IS NULL OR k.expires_at > now()), false) AS key_live,
         set_config('app.client_id', CASE
           WHEN c.is_active AND k.key_hash = $3::text AND (k.revoked_at IS NULL OR k.revoked_at > now()) AND (k.expires_at IS NULL OR k.expires_at > now())
                AND (k.client_id IS NULL OR k.client_id = c.id) AND ($4::text IS NULL OR '*' = ANY (k.scopes) OR $4::text = ANY (k.scopes))
           THEN c.id::text ELSE '' END, true) <> '' AS granted
  FROM (VALUES (1)) AS one(x)
  LEFT JOIN api_keys k ON k.prefix = $2::text
  LEFT JOIN clients c ON ${where}`);

const bySlug = keyStatement("c.slug = $1::text");
const byDomain = keyStatement("c.id = (SELECT client_id FROM client_domains WHERE domain = $1::text)");
// No host or header: the key's own school ($1 unused but typed, so every variant takes the same arguments).
const byKey = keyStatement("c.id = k.client_id AND $1::text IS NULL");

export interface ApiKeyAuthentication {
  school: School;
  principal: ApiKeyPrincipal;
  /** Rows of the `reads`, one array per statement; empty arrays unless `granted`. */
  rows: unknown[][];
  /** The SQL side of the checks passed, `permission` included. */
  granted: boolean;
}

export async function authenticateSchoolApiKey(
  request: Request,
  header: string,
  options: { permission?: string | null; reads?: SqlText[] } = {},
): Promise<ApiKeyAuthentication> {
  const address = schoolAddress(request);
  const key = header.trim();
  const parsed = key.length <= 128 ? parseKey(key) : null; // malformed or mistyped: never matches
  const hash = parsed ? hashKey(key) : null;
  // the REST contract §2: without a host or X-Tenant, a key bound to one school names that school (a global
  // key needs one of them).
  if (!address && !parsed) throw invalid();
  const statement = !address ? byKey : address.by === "slug" ? bySlug : byDomain;
  const auth = statement.run(address?.value ?? null, parsed?.prefix ?? null, hash, options.permission ?? null);

  const { row, rows } = await runAuthenticated<Row>(auth, options.reads ?? []);
  const keyValid = !!(row.key_id && hash && hashesMatch(row.key_hash, hash) && row.key_live);
  if (!row.id) {
    if (address) throw schoolErrors.notFound();
    throw keyValid ? schoolErrors.required() : invalid();
  }
  assertServes(address, { slug: row.slug, isActive: row.is_active });
  if (!keyValid || (row.key_client && row.key_client !== row.id)) throw invalid();

  await touch(row.key_id!, row.last_used_at);
  return {
    school: { id: row.id, slug: row.slug, name: row.name, isActive: row.is_active },
    principal: {
      kind: "api_key",
      keyId: row.key_id!,
      name: row.key_name,
      prefix: parsed!.prefix,
      clientId: row.key_client,
      scopes: row.scopes,
    },
    rows,
    granted: row.granted,
  };
}

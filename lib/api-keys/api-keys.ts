// API key lifecycle (the REST contract §5): create (shown once), list, change, revoke (irreversible).
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type PlatformActor } from "@/lib/audit/actor";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { defaultOrdering, mapOrdering, type OrderColumns, type Ordering, type OrderingField } from "@/lib/http/query";
import { isId } from "@/lib/http/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generateKey } from "@/lib/api-keys/key-format";
import { ApiKeyOrdering, toApiKeyOut } from "@/lib/api-keys/api-key-schemas";

type ApiKeyField = OrderingField<typeof ApiKeyOrdering>;
const NEWEST_FIRST = defaultOrdering(ApiKeyOrdering);
// A key never used, or one that never expires, sorts last either way.
const apiKeyOrderBy: OrderColumns<ApiKeyField, Prisma.ApiKeyOrderByWithRelationInput> = {
  name: (d) => ({ name: d }),
  created_at: (d) => ({ createdAt: d }),
  last_used_at: (d) => ({ lastUsedAt: { sort: d, nulls: "last" } }),
  expires_at: (d) => ({ expiresAt: { sort: d, nulls: "last" } }),
  id: (d) => ({ id: d }),
};

export async function listApiKeys(options: {
  client?: string | null;
  revoked?: boolean;
  ordering?: Ordering<ApiKeyField>;
  page: PageRequest;
}) {
  const { client, revoked, ordering = NEWEST_FIRST, page } = options;
  const where: Prisma.ApiKeyWhereInput = {
    ...(client !== undefined ? { clientId: client } : {}),
    ...(revoked !== undefined ? { revokedAt: revoked ? { not: null } : null } : {}),
  };
  return paginate(
    page,
    {
      count: () => prisma.apiKey.count({ where }),
      rows: ({ skip, take }) => prisma.apiKey.findMany({ where, orderBy: mapOrdering(ordering, apiKeyOrderBy), skip, take }),
    },
    toApiKeyOut,
  );
}

async function findKey(db: Pick<Prisma.TransactionClient, "apiKey">, id: string) {
  const key = await db.apiKey.findUnique({ where: { id } });
  if (!key) throw ApiError.notFound();
  return key;
}

export async function getApiKey(id: string) {
  const key = await prisma.apiKey.findUnique({ where: { id } });
  if (!key) throw ApiError.notFound();
  return toApiKeyOut(key);
}

export async function createApiKey(options: {
  actor: PlatformActor;
  key: { name: string; client: string | null; scopes: string[]; expires_at?: Date | null };
}) {
  const { actor, key: input } = options;
  const { key, prefix, hash } = generateKey();
  const row = await prisma.$transaction(async (tx) => {
    if (
      input.client !== null &&
      !(isId(input.client) && (await tx.client.findUnique({ where: { id: input.client }, select: { id: true } })))
    ) {
      throw ApiError.invalid({ client: ["No school with this id."] });
    }
    const created = await tx.apiKey.create({
      data: {
        name: input.name,
        prefix,
        keyHash: hash,
        clientId: input.client,
        scopes: input.scopes,
        expiresAt: input.expires_at ?? null,
        createdById: actor.principal.user.id,
      },
    });
    await audit(
      tx,
      {
        action: "api_key.created",
        actor: auditActor(actor.principal),
        schoolId: input.client,
        target: { type: "api_key", id: created.id },
        metadata: { prefix, scopes: input.scopes },
      },
      actor.origin,
    );
    return created;
  });
  return { ...toApiKeyOut(row), key };
}

export async function updateApiKey(options: {
  actor: PlatformActor;
  id: string;
  patch: { name?: string; scopes?: string[]; expires_at?: Date | null };
}) {
  const { actor, id, patch } = options;
  const row = await prisma.$transaction(async (tx) => {
    const before = await findKey(tx, id);
    if (before.revokedAt) throw ApiError.invalid({ non_field_errors: ["A revoked key cannot be changed."] });
    const updated = await tx.apiKey.update({
      where: { id },
      data: { name: patch.name, scopes: patch.scopes, expiresAt: patch.expires_at },
    });
    await audit(
      tx,
      {
        action: "api_key.updated",
        actor: auditActor(actor.principal),
        schoolId: updated.clientId,
        target: { type: "api_key", id },
        metadata: { changed: Object.keys(patch) },
      },
      actor.origin,
    );
    return updated;
  });
  return toApiKeyOut(row);
}

/** Revoking is irreversible and idempotent: the row stays, for the list and the audit trail. */
export async function revokeApiKey(options: { actor: PlatformActor; id: string }) {
  const { actor, id } = options;
  await prisma.$transaction(async (tx) => {
    const key = await findKey(tx, id);
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count)
      await audit(
        tx,
        {
          action: "api_key.revoked",
          actor: auditActor(actor.principal),
          schoolId: key.clientId,
          target: { type: "api_key", id },
          metadata: { prefix: key.prefix },
        },
        actor.origin,
      );
  });
}

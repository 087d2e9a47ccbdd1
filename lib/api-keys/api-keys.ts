// API key lifecycle (the REST contract §5, §8): create (shown once), list, change, rotate, revoke (irreversible).
//
// A rotation revokes the old key in the future: its `revoked_at` is set to the end of the grace
// period, so no job has to run for it to stop working. A key is therefore live while `revoked_at`
// is NULL or still ahead — every check says so (`notRevoked` here, the SQL of
// authenticate-api-key.ts and of lib/platform/overview.ts).
import { prisma } from "@/lib/db/client";
import { databaseNow } from "@/lib/db/clock";
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

/** Keys that still work as far as revocation goes (expiry aside): never revoked, or in a rotation's grace period. */
const notRevoked = (now: Date): Prisma.ApiKeyWhereInput => ({ OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] });

export async function listApiKeys(options: {
  client?: string | null;
  revoked?: boolean;
  ordering?: Ordering<ApiKeyField>;
  page: PageRequest;
}) {
  const { client, revoked, ordering = NEWEST_FIRST, page } = options;
  const now = new Date();
  const where: Prisma.ApiKeyWhereInput = {
    ...(client !== undefined ? { clientId: client } : {}),
    ...(revoked === undefined ? {} : revoked ? { revokedAt: { lte: now } } : notRevoked(now)),
  };
  return paginate(
    page,
    {
      count: () => prisma.apiKey.count({ where }),
      rows: ({ skip, take }) => prisma.apiKey.findMany({ where, orderBy: mapOrdering(ordering, apiKeyOrderBy), skip, take }),
    },
    (row) => toApiKeyOut(row, now),
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
  return toApiKeyOut(key, new Date());
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
  return { ...toApiKeyOut(row, new Date()), key };
}

export async function updateApiKey(options: {
  actor: PlatformActor;
  id: string;
  patch: { name?: string; scopes?: string[]; expires_at?: Date | null };
}) {
  const { actor, id, patch } = options;
  const row = await prisma.$transaction(async (tx) => {
    const before = await findKey(tx, id);
    // A replaced key in its grace period is on its way out too: its successor is the one to change.
    const refuse = (revokedAt: Date) =>
      ApiError.invalid({
        non_field_errors: [
          revokedAt > new Date() ? "A rotated key cannot be changed; change its replacement." : "A revoked key cannot be changed.",
        ],
      });
    if (before.revokedAt) throw refuse(before.revokedAt);
    // Conditional, so that a revocation or rotation committed meanwhile is not changed after all.
    const { count } = await tx.apiKey.updateMany({
      where: { id, revokedAt: null },
      data: { name: patch.name, scopes: patch.scopes, expiresAt: patch.expires_at },
    });
    const updated = await findKey(tx, id);
    if (!count) throw refuse(updated.revokedAt ?? new Date());
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
  return toApiKeyOut(row, new Date());
}

/**
 * A new key of the same name, school, scopes and expiry (shown this once); the old one keeps
 * working for `graceSeconds` more, then is revoked. A revoked, already rotated or expired key is
 * not rotated (400): there is nothing live to hand over from.
 */
export async function rotateApiKey(options: { actor: PlatformActor; id: string; graceSeconds: number }) {
  const { actor, id, graceSeconds } = options;
  const { key, prefix, hash } = generateKey();
  let now = new Date();
  let revokesAt = now;
  const row = await prisma.$transaction(async (tx) => {
    // The key check compares `revoked_at` with the database's clock: the grace period ends by it
    // too, whatever this server's clock says.
    now = await databaseNow(tx);
    revokesAt = new Date(now.getTime() + graceSeconds * 1000);
    const old = await findKey(tx, id);
    const refuse = (message: string) => ApiError.invalid({ non_field_errors: [message] });
    if (old.revokedAt && old.revokedAt > now) throw refuse("This key is already being rotated; rotate its replacement instead.");
    if (old.revokedAt) throw refuse("A revoked key cannot be rotated.");
    if (old.expiresAt && old.expiresAt <= now) throw refuse("An expired key cannot be rotated; create a new key.");
    // Conditional, so that of two concurrent rotations (or a rotation and a revocation) one wins.
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: revokesAt } });
    if (!count) throw refuse("This key was revoked or rotated meanwhile.");
    const created = await tx.apiKey.create({
      data: {
        name: old.name,
        prefix,
        keyHash: hash,
        clientId: old.clientId,
        scopes: old.scopes,
        expiresAt: old.expiresAt,
        createdById: actor.principal.user.id,
      },
    });
    await audit(
      tx,
      {
        action: "api_key.rotated",
        actor: auditActor(actor.principal),
        schoolId: old.clientId,
        target: { type: "api_key", id },
        metadata: {
          prefix: old.prefix,
          replacement: { id: created.id, prefix },
          grace_seconds: graceSeconds,
          revokes_at: revokesAt.toISOString(),
        },
      },
      actor.origin,
    );
    return created;
  });
  return { ...toApiKeyOut(row, now), key };
}

/**
 * Revoking is irreversible and idempotent: the row stays, for the list and the audit trail. A key
 * in a rotation's grace period is revoked at once.
 */
export async function revokeApiKey(options: { actor: PlatformActor; id: string }) {
  const { actor, id } = options;
  await prisma.$transaction(async (tx) => {
    const key = await findKey(tx, id);
    // On the database's clock, as the key check reads it: revoked means revoked now, even where
    // this server's clock runs ahead.
    const now = await databaseNow(tx);
    const { count } = await tx.apiKey.updateMany({ where: { id, ...notRevoked(now) }, data: { revokedAt: now } });
    if (count)
      await audit(
        tx,
        {
          action: "api_key.revoked",
          actor: auditActor(actor.principal),
          schoolId: key.clientId,
          target: { type: "api_key", id },
          metadata: { prefix: key.prefix, ...(key.revokedAt ? { grace_cut_short: true } : {}) },
        },
        actor.origin,
      );
  });
}

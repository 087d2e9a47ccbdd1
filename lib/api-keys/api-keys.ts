// API key lifecycle (API.md §5): create (shown once), list, change, revoke (irreversible).
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { paginate } from "@/lib/http/pagination";
import { isId } from "@/lib/http/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditActor, type Actor } from "@/lib/platform/actor";
import { generateKey } from "@/lib/api-keys/key-format";
import { toApiKeyOut } from "@/lib/api-keys/api-key-schemas";

export async function listApiKeys(url: URL) {
  const client = url.searchParams.get("client");
  const revoked = url.searchParams.get("revoked");
  const where: Prisma.ApiKeyWhereInput = {
    ...(client === "null" ? { clientId: null } : client && isId(client) ? { clientId: client } : client ? { id: { in: [] } } : {}),
    ...(revoked === "true" ? { revokedAt: { not: null } } : revoked === "false" ? { revokedAt: null } : {}),
  };
  return paginate(url, {
    count: () => prisma.apiKey.count({ where }),
    rows: ({ skip, take }) => prisma.apiKey.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take }),
  }, toApiKeyOut);
}

async function findKey(id: string) {
  const key = await prisma.apiKey.findUnique({ where: { id } });
  if (!key) throw ApiError.notFound();
  return key;
}

export async function getApiKey(id: string) {
  return toApiKeyOut(await findKey(id));
}

export async function createApiKey(input: { name: string; client: string | null; scopes: string[]; expires_at?: Date | null }, actor: Actor) {
  if (input.client !== null && !(isId(input.client) && (await prisma.client.findUnique({ where: { id: input.client }, select: { id: true } })))) {
    throw ApiError.invalid({ client: ["No school with this id."] });
  }
  const { key, prefix, hash } = generateKey();
  const row = await prisma.apiKey.create({
    data: { name: input.name, prefix, keyHash: hash, clientId: input.client, scopes: input.scopes, expiresAt: input.expires_at ?? null, createdById: actor.user.id },
  });
  await recordAudit({ action: "api_key.created", actor: auditActor(actor), clientId: input.client, target: { type: "api_key", id: row.id }, metadata: { prefix, scopes: input.scopes } }, actor.origin);
  return { ...toApiKeyOut(row), key };
}

export async function updateApiKey(id: string, patch: { name?: string; scopes?: string[]; expires_at?: Date | null }, actor: Actor) {
  const before = await findKey(id);
  if (before.revokedAt) throw ApiError.invalid({ non_field_errors: ["A revoked key cannot be changed."] });
  const row = await prisma.apiKey.update({ where: { id }, data: { name: patch.name, scopes: patch.scopes, expiresAt: patch.expires_at } });
  await recordAudit({ action: "api_key.updated", actor: auditActor(actor), clientId: row.clientId, target: { type: "api_key", id }, metadata: { changed: Object.keys(patch) } }, actor.origin);
  return toApiKeyOut(row);
}

/** Revoking is irreversible and idempotent: the row stays, for the list and the audit trail. */
export async function revokeApiKey(id: string, actor: Actor) {
  const key = await findKey(id);
  const { count } = await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count) await recordAudit({ action: "api_key.revoked", actor: auditActor(actor), clientId: key.clientId, target: { type: "api_key", id }, metadata: { prefix: key.prefix } }, actor.origin);
}

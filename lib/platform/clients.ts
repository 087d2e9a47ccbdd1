// Tenant administration (API.md §5): list, create (with default roles), change, suspend, delete.
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { paginate } from "@/lib/http/pagination";
import { searchParam } from "@/lib/http/search";
import { DEFAULT_ROLES } from "@/lib/rbac/catalogue";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditActor, type Actor } from "@/lib/platform/actor";
import { toClientOut } from "@/lib/platform/client-schemas";

const withDomains = { domains: { select: { domain: true } } } as const;

/** Unique violations here name `slug` or `domain`; the API calls the latter `domains`. */
function conflictOf(error: unknown): never {
  if ((error as { code?: string }).code === "P2002") {
    const text = JSON.stringify((error as { meta?: unknown }).meta ?? "");
    throw text.includes("domain") ? ApiError.conflict("domains", "A school already uses one of these domains.", "One of these domains is already used by a school.") : ApiError.conflict("slug", "A school with this slug already exists.");
  }
  throw error;
}

export async function listClients(url: URL) {
  const search = searchParam(url, "search");
  const status = url.searchParams.get("is_active");
  const where: Prisma.ClientWhereInput = {
    ...(search ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { slug: { contains: search.toLowerCase() } }, { domains: { some: { domain: { contains: search.toLowerCase() } } } }] } : {}),
    ...(status === "true" || status === "false" ? { isActive: status === "true" } : {}),
  };
  return paginate(url, {
    count: () => prisma.client.count({ where }),
    rows: ({ skip, take }) => prisma.client.findMany({ where, include: withDomains, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take }),
  }, toClientOut);
}

export async function getClient(id: string) {
  const client = await prisma.client.findUnique({ where: { id }, include: withDomains });
  if (!client) throw ApiError.notFound();
  return toClientOut(client);
}

/** Creates the tenant and its default roles (API.md §6) in one transaction. */
export async function createClientTx(tx: Prisma.TransactionClient, input: { name: string; slug: string; domains: string[]; is_active?: boolean }) {
  const client = await tx.client.create({
    data: { name: input.name, slug: input.slug, isActive: input.is_active ?? true, domains: { create: input.domains.map((domain) => ({ domain })) } },
    include: withDomains,
  });
  await tx.schoolRole.createMany({
    data: DEFAULT_ROLES.map((r) => ({ clientId: client.id, name: r.name, description: r.description, permissions: r.permissions, isSystem: true })),
  });
  return client;
}

export async function createClient(input: { name: string; slug: string; domains: string[]; is_active: boolean }, actor: Actor) {
  const client = await prisma.$transaction((tx) => createClientTx(tx, input)).catch(conflictOf);
  await recordAudit({ action: "client.created", actor: auditActor(actor), clientId: client.id, target: { type: "client", id: client.id }, metadata: { slug: client.slug, name: client.name } }, actor.origin);
  return toClientOut(client);
}

export async function updateClient(id: string, patch: { name?: string; slug?: string; domains?: string[]; is_active?: boolean }, actor: Actor) {
  const before = await prisma.client.findUnique({ where: { id }, include: withDomains });
  if (!before) throw ApiError.notFound();
  const client = await prisma.$transaction(async (tx) => {
    if (patch.domains) {
      await tx.clientDomain.deleteMany({ where: { clientId: id } });
      await tx.clientDomain.createMany({ data: patch.domains.map((domain) => ({ clientId: id, domain })) });
    }
    return tx.client.update({
      where: { id },
      data: { name: patch.name, slug: patch.slug, isActive: patch.is_active },
      include: withDomains,
    });
  }).catch(conflictOf);
  const changed = Object.keys(patch);
  let action = "client.updated";
  if (patch.is_active === false && before.isActive) action = "client.suspended";
  else if (patch.is_active === true && !before.isActive) action = "client.reactivated";
  await recordAudit({ action, actor: auditActor(actor), clientId: id, target: { type: "client", id }, metadata: { changed } }, actor.origin);
  return toClientOut(client);
}

/**
 * Deletes the tenant and everything it owns — users, sessions, roles, keys, domains and its own
 * audit trail — in one transaction. One platform-level audit event (no tenant) keeps the record
 * that it existed and who deleted it.
 */
export async function deleteClient(id: string, actor: Actor) {
  const deleted = await prisma.$transaction(async (tx) => {
    const client = await tx.client.findUnique({ where: { id }, select: { id: true, slug: true, name: true } });
    if (!client) return null;
    await tx.auditEvent.deleteMany({ where: { clientId: id } });
    await tx.client.delete({ where: { id } });
    return client;
  });
  if (!deleted) throw ApiError.notFound();
  await recordAudit({ action: "client.deleted", actor: auditActor(actor), clientId: null, target: { type: "client", id }, metadata: { slug: deleted.slug, name: deleted.name } }, actor.origin);
}

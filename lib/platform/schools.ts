// Schools as the platform manages them (the REST contract §5, /system/clients/): list, create
// (with default roles), change, suspend, delete. Every write and its audit row are one transaction.
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type PlatformActor } from "@/lib/audit/actor";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { defaultOrdering, mapOrdering, type OrderColumns, type Ordering, type OrderingField } from "@/lib/http/query";
import { likeText } from "@/lib/http/search";
import { DEFAULT_ROLES } from "@/lib/rbac/catalogue";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SchoolOrdering, toClientOut } from "@/lib/platform/client-schemas";

const withDomains = { domains: { select: { domain: true } } } as const;

type SchoolField = OrderingField<typeof SchoolOrdering>;
const NEWEST_FIRST = defaultOrdering(SchoolOrdering);
const schoolOrderBy: OrderColumns<SchoolField, Prisma.ClientOrderByWithRelationInput> = {
  name: (d) => ({ name: d }),
  slug: (d) => ({ slug: d }),
  created_at: (d) => ({ createdAt: d }),
  id: (d) => ({ id: d }),
};

export async function listSchools(options: { search?: string; isActive?: boolean; ordering?: Ordering<SchoolField>; page: PageRequest }) {
  const { isActive, ordering = NEWEST_FIRST, page } = options;
  const search = options.search ? likeText(options.search) : undefined;
  const where: Prisma.ClientWhereInput = {
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: "insensitive" } },
            { slug: { contains: search.toLowerCase() } },
            { domains: { some: { domain: { contains: search.toLowerCase() } } } },
          ],
        }
      : {}),
    ...(isActive !== undefined ? { isActive } : {}),
  };
  return paginate(
    page,
    {
      count: () => prisma.client.count({ where }),
      rows: ({ skip, take }) =>
        prisma.client.findMany({ where, include: withDomains, orderBy: mapOrdering(ordering, schoolOrderBy), skip, take }),
    },
    toClientOut,
  );
}

export async function getSchool(id: string) {
  const client = await prisma.client.findUnique({ where: { id }, include: withDomains });
  if (!client) throw ApiError.notFound();
  return toClientOut(client);
}

export interface NewSchool {
  name: string;
  slug: string;
  domains?: string[];
  is_active?: boolean;
  mfa_required?: boolean;
}

/**
 * Creates the school and its default roles (the REST contract §6) inside `tx`; with an actor (the
 * API, the console) its audit row too. Without one (the demo data at boot, test fixtures) it is
 * setup, not anyone's act.
 */
export async function createSchoolTx(tx: Prisma.TransactionClient, options: { school: NewSchool; actor?: PlatformActor }) {
  const { school: input, actor } = options;
  const client = await tx.client.create({
    data: {
      name: input.name,
      slug: input.slug,
      isActive: input.is_active ?? true,
      mfaRequired: input.mfa_required ?? false,
      domains: { create: (input.domains ?? []).map((domain) => ({ domain })) },
    },
    include: withDomains,
  });
  await tx.schoolRole.createMany({
    data: DEFAULT_ROLES.map((r) => ({
      clientId: client.id,
      name: r.name,
      description: r.description,
      permissions: r.permissions,
      isSystem: true,
    })),
  });
  if (actor) {
    await audit(
      tx,
      {
        action: "client.created",
        actor: auditActor(actor.principal),
        schoolId: client.id,
        target: { type: "client", id: client.id },
        metadata: { slug: client.slug, name: client.name },
      },
      actor.origin,
    );
  }
  return client;
}

export async function createSchool(options: { school: NewSchool; actor?: PlatformActor }) {
  return toClientOut(await prisma.$transaction((tx) => createSchoolTx(tx, options)));
}

export async function updateSchool(options: {
  actor: PlatformActor;
  id: string;
  patch: { name?: string; slug?: string; domains?: string[]; is_active?: boolean; mfa_required?: boolean };
}) {
  const { actor, id, patch } = options;
  const client = await prisma.$transaction(async (tx) => {
    const before = await tx.client.findUnique({ where: { id }, select: { isActive: true } });
    if (!before) throw ApiError.notFound();
    if (patch.domains) {
      await tx.clientDomain.deleteMany({ where: { clientId: id } });
      await tx.clientDomain.createMany({ data: patch.domains.map((domain) => ({ clientId: id, domain })) });
    }
    const updated = await tx.client.update({
      where: { id },
      data: { name: patch.name, slug: patch.slug, isActive: patch.is_active, mfaRequired: patch.mfa_required },
      include: withDomains,
    });
    let action = "client.updated";
    if (patch.is_active === false && before.isActive) action = "client.suspended";
    else if (patch.is_active === true && !before.isActive) action = "client.reactivated";
    await audit(
      tx,
      {
        action,
        actor: auditActor(actor.principal),
        schoolId: id,
        target: { type: "client", id },
        // The policy's new value is kept: who required two-factor of a school's staff, and when.
        metadata: { changed: Object.keys(patch), ...(patch.mfa_required !== undefined ? { mfa_required: patch.mfa_required } : {}) },
      },
      actor.origin,
    );
    return updated;
  });
  return toClientOut(client);
}

/**
 * Deletes the school and everything it owns — users, sessions, roles, keys, domains and its own
 * audit trail — in one transaction. One platform-level audit event (no school) keeps the record
 * that it existed and who deleted it.
 */
export async function deleteSchool(options: { actor: PlatformActor; id: string }) {
  const { actor, id } = options;
  await prisma.$transaction(async (tx) => {
    const client = await tx.client.findUnique({ where: { id }, select: { id: true, slug: true, name: true } });
    if (!client) throw ApiError.notFound();
    await tx.auditEvent.deleteMany({ where: { clientId: id } });
    await tx.client.delete({ where: { id } });
    await audit(
      tx,
      {
        action: "client.deleted",
        actor: auditActor(actor.principal),
        schoolId: null,
        target: { type: "client", id },
        metadata: { slug: client.slug, name: client.name },
      },
      actor.origin,
    );
  });
}

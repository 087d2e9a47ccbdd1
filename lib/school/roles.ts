// School roles (the REST contract §6): names unique per school, permissions from the catalogue,
// nobody grants what they lack, and a school always keeps a full admin. Every write and its audit
// row are one transaction.
import { withSchool } from "@/lib/db/school-scope";
import { ApiError } from "@/lib/http/api-error";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { likeText } from "@/lib/http/search";
import { defaultOrdering, mapOrdering, type OrderColumns, type Ordering, type OrderingField } from "@/lib/http/query";
import { RoleOrdering } from "@/lib/school/school-schemas";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type Actor } from "@/lib/audit/actor";
import { assertCanGrant, keepingAFullAdmin } from "@/lib/rbac/escalation";
import { liveGrant } from "@/lib/rbac/grant-terms";
import type { Prisma } from "@/lib/generated/prisma/client";

/** `user_count` counts the holders now: grants within their term at the time of the read. */
const roleSelect = () =>
  ({
    id: true,
    name: true,
    description: true,
    permissions: true,
    isSystem: true,
    _count: { select: { assignments: { where: liveGrant() } } },
  }) as const;

type RoleRow = { id: string; name: string; description: string; permissions: string[]; isSystem: boolean; _count: { assignments: number } };

export function toRoleOut(r: RoleRow) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    permissions: [...r.permissions].sort(),
    is_system: r.isSystem,
    user_count: r._count.assignments,
  };
}

const BY_NAME = defaultOrdering(RoleOrdering);
const roleOrderBy: OrderColumns<OrderingField<typeof RoleOrdering>, Prisma.SchoolRoleOrderByWithRelationInput> = {
  name: (d) => ({ name: d }),
  id: (d) => ({ id: d }),
};

export async function listRoles(options: {
  schoolId: string;
  search?: string;
  ordering?: Ordering<OrderingField<typeof RoleOrdering>>;
  page: PageRequest;
}) {
  const { schoolId, search, ordering = BY_NAME, page } = options;
  const where = { clientId: schoolId, ...(search ? { name: { contains: likeText(search), mode: "insensitive" as const } } : {}) };
  return withSchool(schoolId, (tx) =>
    paginate(
      page,
      {
        count: () => tx.schoolRole.count({ where }),
        rows: ({ skip, take }) =>
          tx.schoolRole.findMany({ where, select: roleSelect(), orderBy: mapOrdering(ordering, roleOrderBy), skip, take }),
      },
      toRoleOut,
    ),
  );
}

export async function getRole(schoolId: string, id: string) {
  const role = await withSchool(schoolId, (tx) => tx.schoolRole.findFirst({ where: { id, clientId: schoolId }, select: roleSelect() }));
  if (!role) throw ApiError.notFound();
  return toRoleOut(role);
}

export async function createRole(options: {
  schoolId: string;
  actor: Actor;
  role: { name: string; description: string; permissions: string[] };
}) {
  const { schoolId, actor, role: input } = options;
  const role = await withSchool(schoolId, async (tx) => {
    await assertCanGrant(actor.principal, schoolId, input.permissions, tx);
    const created = await tx.schoolRole.create({
      data: { clientId: schoolId, name: input.name, description: input.description, permissions: input.permissions },
      select: roleSelect(),
    });
    await audit(
      tx,
      {
        action: "school.role.created",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "role", id: created.id },
        metadata: { name: created.name, permissions: created.permissions },
      },
      actor.origin,
    );
    return created;
  });
  return toRoleOut(role);
}

/**
 * Changing a role needs every permission it will hold — and every one it holds now, so nobody
 * renames or strips a role above their own station.
 */
export async function updateRole(options: {
  schoolId: string;
  actor: Actor;
  id: string;
  patch: { name?: string; description?: string; permissions?: string[] };
}) {
  const { schoolId, actor, id, patch } = options;
  const role = await withSchool(schoolId, async (tx) => {
    const current = await tx.schoolRole.findFirst({ where: { id, clientId: schoolId }, select: { permissions: true } });
    if (!current) throw ApiError.notFound();
    await assertCanGrant(actor.principal, schoolId, [...current.permissions, ...(patch.permissions ?? [])], tx);
    const updated = await keepingAFullAdmin(tx, schoolId, () =>
      tx.schoolRole.update({
        where: { id },
        data: { name: patch.name, description: patch.description, permissions: patch.permissions },
        select: roleSelect(),
      }),
    );
    await audit(
      tx,
      {
        action: "school.role.updated",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "role", id },
        metadata: { changed: Object.keys(patch), permissions: updated.permissions },
      },
      actor.origin,
    );
    return updated;
  });
  return toRoleOut(role);
}

export async function deleteRole(options: { schoolId: string; actor: Actor; id: string }) {
  const { schoolId, actor, id } = options;
  await withSchool(schoolId, async (tx) => {
    const current = await tx.schoolRole.findFirst({ where: { id, clientId: schoolId }, select: { name: true, permissions: true } });
    if (!current) throw ApiError.notFound();
    await assertCanGrant(actor.principal, schoolId, current.permissions, tx);
    await keepingAFullAdmin(tx, schoolId, () => tx.schoolRole.delete({ where: { id } }));
    await audit(
      tx,
      {
        action: "school.role.deleted",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "role", id },
        metadata: { name: current.name },
      },
      actor.origin,
    );
  });
}

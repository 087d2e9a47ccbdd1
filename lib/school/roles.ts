// School roles (API.md §6): names unique per school, permissions from the catalogue, nobody
// grants what they lack, and a school always keeps a full admin.
import { withTenant } from "@/lib/db/tenant-scope";
import { ApiError } from "@/lib/http/errors";
import { paginate } from "@/lib/http/pagination";
import { searchParam } from "@/lib/http/search";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCanGrant, keepingAFullAdmin } from "@/lib/rbac/escalation";
import { schoolAuditActor, type SchoolActor } from "@/lib/school/school-actor";

const roleSelect = { id: true, name: true, description: true, permissions: true, isSystem: true, _count: { select: { assignments: true } } } as const;

type RoleRow = { id: string; name: string; description: string; permissions: string[]; isSystem: boolean; _count: { assignments: number } };

export function toRoleOut(r: RoleRow) {
  return { id: r.id, name: r.name, description: r.description, permissions: [...r.permissions].sort(), is_system: r.isSystem, user_count: r._count.assignments };
}

function nameConflict(error: unknown): never {
  if ((error as { code?: string }).code === "P2002") throw ApiError.conflict("name", "A role with this name already exists in this school.", "A role with this name already exists.");
  throw error;
}

export async function listRoles(tenantId: string, url: URL) {
  const search = searchParam(url, "search", 100);
  const where = { clientId: tenantId, ...(search ? { name: { contains: search, mode: "insensitive" as const } } : {}) };
  return withTenant(tenantId, (tx) =>
    paginate(url, {
      count: () => tx.schoolRole.count({ where }),
      rows: ({ skip, take }) => tx.schoolRole.findMany({ where, select: roleSelect, orderBy: [{ name: "asc" }, { id: "asc" }], skip, take }),
    }, toRoleOut),
  );
}

export async function getRole(tenantId: string, id: string) {
  const role = await withTenant(tenantId, (tx) => tx.schoolRole.findFirst({ where: { id, clientId: tenantId }, select: roleSelect }));
  if (!role) throw ApiError.notFound();
  return toRoleOut(role);
}

export async function createRole(input: { name: string; description: string; permissions: string[] }, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  await assertCanGrant(actor.principal, tenantId, input.permissions);
  const role = await withTenant(tenantId, (tx) =>
    tx.schoolRole.create({ data: { clientId: tenantId, name: input.name, description: input.description, permissions: input.permissions }, select: roleSelect }),
  ).catch(nameConflict);
  await recordAudit({ action: "school.role.created", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "role", id: role.id }, metadata: { name: role.name, permissions: role.permissions } }, actor.origin);
  return toRoleOut(role);
}

/**
 * Changing a role needs every permission it will hold — and every one it holds now, so nobody
 * renames or strips a role above their own station.
 */
export async function updateRole(id: string, patch: { name?: string; description?: string; permissions?: string[] }, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  const role = await withTenant(tenantId, async (tx) => {
    const current = await tx.schoolRole.findFirst({ where: { id, clientId: tenantId }, select: { permissions: true } });
    if (!current) throw ApiError.notFound();
    await assertCanGrant(actor.principal, tenantId, [...current.permissions, ...(patch.permissions ?? [])], tx);
    return keepingAFullAdmin(tx, tenantId, () =>
      tx.schoolRole.update({ where: { id }, data: { name: patch.name, description: patch.description, permissions: patch.permissions }, select: roleSelect }),
    );
  }).catch(nameConflict);
  await recordAudit({ action: "school.role.updated", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "role", id }, metadata: { changed: Object.keys(patch), permissions: role.permissions } }, actor.origin);
  return toRoleOut(role);
}

export async function deleteRole(id: string, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  const name = await withTenant(tenantId, async (tx) => {
    const current = await tx.schoolRole.findFirst({ where: { id, clientId: tenantId }, select: { name: true, permissions: true } });
    if (!current) throw ApiError.notFound();
    await assertCanGrant(actor.principal, tenantId, current.permissions, tx);
    await keepingAFullAdmin(tx, tenantId, () => tx.schoolRole.delete({ where: { id } }));
    return current.name;
  });
  await recordAudit({ action: "school.role.deleted", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "role", id }, metadata: { name } }, actor.origin);
}

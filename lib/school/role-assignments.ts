// Who holds which role (API.md §6: reading is roles.view, creating or deleting is roles.change).
import { withTenant, type TenantTx } from "@/lib/db/tenant-scope";
import { rolesNamed } from "@/lib/users/create-user";
import { ApiError } from "@/lib/http/errors";
import { isId } from "@/lib/http/ids";
import { paginate } from "@/lib/http/pagination";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCanGrant, keepingAFullAdmin, principalPermissions } from "@/lib/rbac/escalation";
import { assertRef, invalidRef } from "@/lib/school/references";
import { schoolAuditActor, type SchoolActor } from "@/lib/school/school-actor";

const select = { id: true, userId: true, roleId: true, createdAt: true } as const;
const toOut = (a: { id: string; userId: string; roleId: string; createdAt: Date }) => ({ id: a.id, user: a.userId, role: a.roleId, created_at: a.createdAt.toISOString() });

export async function listAssignments(tenantId: string, url: URL) {
  const user = url.searchParams.get("user");
  const role = url.searchParams.get("role");
  if (user && !isId(user)) throw invalidRef("user", user);
  if (role && !isId(role)) throw invalidRef("role", role);
  const where = { clientId: tenantId, ...(user ? { userId: user.toLowerCase() } : {}), ...(role ? { roleId: role.toLowerCase() } : {}) };
  return withTenant(tenantId, (tx) =>
    paginate(url, {
      count: () => tx.userRoleAssignment.count({ where }),
      rows: ({ skip, take }) => tx.userRoleAssignment.findMany({ where, select, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take }),
    }, toOut),
  );
}

export async function getAssignment(tenantId: string, id: string) {
  const row = await withTenant(tenantId, (tx) => tx.userRoleAssignment.findFirst({ where: { id, clientId: tenantId }, select }));
  if (!row) throw ApiError.notFound();
  return toOut(row);
}

export async function createAssignment(input: { user: string; role: string }, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  const row = await withTenant(tenantId, async (tx) => {
    const userId = await assertRef(tx, "user", input.user, tenantId);
    const roleId = await assertRef(tx, "role", input.role, tenantId);
    const role = await tx.schoolRole.findUniqueOrThrow({ where: { id: roleId }, select: { permissions: true } });
    await assertCanGrant(actor.principal, tenantId, role.permissions, tx);
    return tx.userRoleAssignment.create({ data: { clientId: tenantId, userId, roleId }, select });
  }).catch((error) => {
    if ((error as { code?: string }).code === "P2002") throw ApiError.conflict("role", "The user already has this role.", "The user already has this role.");
    throw error;
  });
  await recordAudit({ action: "school.role_assignment.created", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "role_assignment", id: row.id }, metadata: { user: row.userId, role: row.roleId } }, actor.origin);
  return toOut(row);
}

/**
 * Makes `roleNames` the user's roles (PATCH /users/{id}/ {"roles"}, API.md §8), under the rules of
 * assignments: it needs roles.change, and the caller must hold every permission of each role given
 * or taken away. Roles the user keeps are left as they are. Run inside the change's transaction,
 * within `keepingAFullAdmin`. Returns the names added and removed, for the audit trail.
 */
export async function replaceUserRoles(tx: TenantTx, actor: SchoolActor, userId: string, roleNames: string[]): Promise<{ added: string[]; removed: string[] }> {
  const tenantId = actor.tenant.id;
  if (!(await principalPermissions(actor.principal, tenantId, tx)).has("roles.change")) {
    throw ApiError.permissionDenied("Changing someone's roles needs the roles.change permission.");
  }
  const wanted = await rolesNamed(tx, tenantId, roleNames);
  const current = await tx.userRoleAssignment.findMany({
    where: { clientId: tenantId, userId }, select: { id: true, roleId: true, role: { select: { name: true, permissions: true } } },
  });
  const added = wanted.filter((r) => !current.some((a) => a.roleId === r.id));
  const removed = current.filter((a) => !wanted.some((r) => r.id === a.roleId));
  await assertCanGrant(actor.principal, tenantId, [...added, ...removed.map((a) => a.role)].flatMap((r) => r.permissions), tx);
  if (removed.length) await tx.userRoleAssignment.deleteMany({ where: { clientId: tenantId, id: { in: removed.map((a) => a.id) } } });
  if (added.length) await tx.userRoleAssignment.createMany({ data: added.map((r) => ({ clientId: tenantId, userId, roleId: r.id })) });
  return { added: added.map((r) => r.name).sort(), removed: removed.map((a) => a.role.name).sort() };
}

/** Taking a role away needs its permissions too, and may not leave the school without a full admin. */
export async function deleteAssignment(id: string, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  const row = await withTenant(tenantId, async (tx) => {
    const current = await tx.userRoleAssignment.findFirst({ where: { id, clientId: tenantId }, select: { ...select, role: { select: { permissions: true } } } });
    if (!current) throw ApiError.notFound();
    await assertCanGrant(actor.principal, tenantId, current.role.permissions, tx);
    await keepingAFullAdmin(tx, tenantId, () => tx.userRoleAssignment.delete({ where: { id } }));
    return current;
  });
  await recordAudit({ action: "school.role_assignment.deleted", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "role_assignment", id }, metadata: { user: row.userId, role: row.roleId } }, actor.origin);
}

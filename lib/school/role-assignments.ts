// Who holds which role (the REST contract §6: reading is roles.view, creating or deleting is
// roles.change). Every write and its audit row are one transaction.
import { withSchool, type SchoolTx } from "@/lib/db/school-scope";
import { rolesNamed } from "@/lib/users/create-user";
import { ApiError } from "@/lib/http/api-error";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type Actor } from "@/lib/audit/actor";
import { assignmentName, userName } from "@/lib/audit/target-labels";
import { assertCanGrant, keepingAFullAdmin, principalPermissions } from "@/lib/rbac/escalation";
import { assertRef } from "@/lib/school/references";

const select = { id: true, userId: true, roleId: true, createdAt: true } as const;
const toOut = (a: { id: string; userId: string; roleId: string; createdAt: Date }) => ({
  id: a.id,
  user: a.userId,
  role: a.roleId,
  created_at: a.createdAt.toISOString(),
});

export async function listAssignments(options: { schoolId: string; user?: string; role?: string; page: PageRequest }) {
  const { schoolId, user, role, page } = options;
  const where = { clientId: schoolId, ...(user ? { userId: user } : {}), ...(role ? { roleId: role } : {}) };
  return withSchool(schoolId, (tx) =>
    paginate(
      page,
      {
        count: () => tx.userRoleAssignment.count({ where }),
        rows: ({ skip, take }) =>
          tx.userRoleAssignment.findMany({ where, select, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip, take }),
      },
      toOut,
    ),
  );
}

export async function getAssignment(schoolId: string, id: string) {
  const row = await withSchool(schoolId, (tx) => tx.userRoleAssignment.findFirst({ where: { id, clientId: schoolId }, select }));
  if (!row) throw ApiError.notFound();
  return toOut(row);
}

export async function createAssignment(options: { schoolId: string; actor: Actor; assignment: { user: string; role: string } }) {
  const { schoolId, actor, assignment: input } = options;
  const row = await withSchool(schoolId, async (tx) => {
    const userId = await assertRef(tx, "user", input.user, schoolId);
    const roleId = await assertRef(tx, "role", input.role, schoolId);
    const role = await tx.schoolRole.findUniqueOrThrow({ where: { id: roleId }, select: { permissions: true } });
    await assertCanGrant(actor.principal, schoolId, role.permissions, tx);
    const created = await tx.userRoleAssignment.create({ data: { clientId: schoolId, userId, roleId }, select });
    await audit(
      tx,
      {
        action: "school.role_assignment.created",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "role_assignment", id: created.id },
        metadata: { user: userId, role: roleId },
      },
      actor.origin,
    );
    return created;
  });
  return toOut(row);
}

/**
 * Makes `roleNames` the user's roles (PATCH /users/{id}/ {"roles"}, the REST contract §8), under
 * the rules of assignments: it needs roles.change, and the caller must hold every permission of
 * each role given or taken away. Roles the user keeps are left as they are. Run inside the
 * change's transaction, within `keepingAFullAdmin`. Returns the names added and removed.
 */
export async function replaceUserRoles(
  tx: SchoolTx,
  options: { schoolId: string; actor: Actor; userId: string; roleNames: string[] },
): Promise<{ added: string[]; removed: string[] }> {
  const { schoolId, actor, userId, roleNames } = options;
  if (!(await principalPermissions(actor.principal, schoolId, tx)).has("roles.change")) {
    throw ApiError.permissionDenied("Changing someone's roles needs the roles.change permission.");
  }
  const wanted = await rolesNamed(tx, schoolId, roleNames);
  const current = await tx.userRoleAssignment.findMany({
    where: { clientId: schoolId, userId },
    select: { id: true, roleId: true, role: { select: { name: true, permissions: true } } },
  });
  const added = wanted.filter((r) => !current.some((a) => a.roleId === r.id));
  const removed = current.filter((a) => !wanted.some((r) => r.id === a.roleId));
  await assertCanGrant(
    actor.principal,
    schoolId,
    [...added, ...removed.map((a) => a.role)].flatMap((r) => r.permissions),
    tx,
  );
  if (removed.length) await tx.userRoleAssignment.deleteMany({ where: { clientId: schoolId, id: { in: removed.map((a) => a.id) } } });
  if (added.length) await tx.userRoleAssignment.createMany({ data: added.map((r) => ({ clientId: schoolId, userId, roleId: r.id })) });
  return { added: added.map((r) => r.name).sort(), removed: removed.map((a) => a.role.name).sort() };
}

/** Taking a role away needs its permissions too, and may not leave the school without a full admin. */
export async function deleteAssignment(options: { schoolId: string; actor: Actor; id: string }) {
  const { schoolId, actor, id } = options;
  await withSchool(schoolId, async (tx) => {
    const current = await tx.userRoleAssignment.findFirst({
      where: { id, clientId: schoolId },
      select: {
        ...select,
        role: { select: { permissions: true, name: true } },
        user: { select: { fullName: true, email: true, phone: true } },
      },
    });
    if (!current) throw ApiError.notFound();
    await assertCanGrant(actor.principal, schoolId, current.role.permissions, tx);
    await keepingAFullAdmin(tx, schoolId, () => tx.userRoleAssignment.delete({ where: { id } }));
    await audit(
      tx,
      {
        action: "school.role_assignment.deleted",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "role_assignment", id },
        metadata: { user: current.userId, role: current.roleId, name: assignmentName(userName(current.user) ?? "", current.role.name) },
      },
      actor.origin,
    );
  });
}

// Who holds which role (the REST contract §6: reading is roles.view, creating, changing or deleting
// is roles.change), and for how long (§8: a grant gives nothing outside its term — enforced where
// permissions are read, lib/rbac/grant-terms.ts). Every write and its audit row are one transaction.
import { withSchool, type SchoolTx } from "@/lib/db/school-scope";
import { rolesNamed } from "@/lib/users/create-user";
import { ApiError } from "@/lib/http/api-error";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type Actor } from "@/lib/audit/actor";
import { assignmentName, userName } from "@/lib/audit/target-labels";
import { assertCanGrant, keepingAFullAdmin, principalPermissions } from "@/lib/rbac/escalation";
import { assertRef } from "@/lib/school/references";
import { isLive } from "@/lib/rbac/grant-terms";

type Term = { starts_at?: Date | null; ends_at?: Date | null };

const select = { id: true, userId: true, roleId: true, createdAt: true, startsAt: true, endsAt: true } as const;
const toOut = (a: { id: string; userId: string; roleId: string; createdAt: Date; startsAt: Date | null; endsAt: Date | null }) => ({
  id: a.id,
  user: a.userId,
  role: a.roleId,
  created_at: a.createdAt.toISOString(),
  starts_at: a.startsAt?.toISOString() ?? null,
  ends_at: a.endsAt?.toISOString() ?? null,
});

const termOf = (a: { startsAt: Date | null; endsAt: Date | null }) => ({
  starts_at: a.startsAt?.toISOString() ?? null,
  ends_at: a.endsAt?.toISOString() ?? null,
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

export async function createAssignment(options: { schoolId: string; actor: Actor; assignment: { user: string; role: string } & Term }) {
  const { schoolId, actor, assignment: input } = options;
  const row = await withSchool(schoolId, async (tx) => {
    const userId = await assertRef(tx, "user", input.user, schoolId);
    const roleId = await assertRef(tx, "role", input.role, schoolId);
    const role = await tx.schoolRole.findUniqueOrThrow({ where: { id: roleId }, select: { permissions: true } });
    await assertCanGrant(actor.principal, schoolId, role.permissions, tx);
    const created = await tx.userRoleAssignment.create({
      data: { clientId: schoolId, userId, roleId, startsAt: input.starts_at ?? null, endsAt: input.ends_at ?? null },
      select,
    });
    await audit(
      tx,
      {
        action: "school.role_assignment.created",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "role_assignment", id: created.id },
        metadata: { user: userId, role: roleId, ...termOf(created) },
      },
      actor.origin,
    );
    return created;
  });
  return toOut(row);
}

/**
 * Changes an assignment's term (PATCH /role-assignments/{id}/); its user and role never change.
 * Under the rules of assigning: the caller must hold every permission of the role (lengthening a
 * grant gives, shortening takes away), and the school must keep a full admin whose grant has no end.
 */
export async function updateAssignmentTerm(options: { schoolId: string; actor: Actor; id: string; term: Term }) {
  const { schoolId, actor, id, term } = options;
  const row = await withSchool(schoolId, async (tx) => {
    const current = await tx.userRoleAssignment.findFirst({
      where: { id, clientId: schoolId },
      select: { ...select, role: { select: { permissions: true } } },
    });
    if (!current) throw ApiError.notFound();
    const startsAt = term.starts_at === undefined ? current.startsAt : term.starts_at;
    const endsAt = term.ends_at === undefined ? current.endsAt : term.ends_at;
    if (startsAt && endsAt && endsAt <= startsAt) {
      throw ApiError.invalid({ [term.ends_at === undefined ? "starts_at" : "ends_at"]: ["The end must come after the start."] });
    }
    await assertCanGrant(actor.principal, schoolId, current.role.permissions, tx);
    const updated = await keepingAFullAdmin(tx, schoolId, () =>
      tx.userRoleAssignment.update({ where: { id }, data: { startsAt, endsAt }, select }),
    );
    await audit(
      tx,
      {
        action: "school.role_assignment.updated",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "role_assignment", id },
        metadata: { user: current.userId, role: current.roleId, ...termOf(updated), before: termOf(current) },
      },
      actor.origin,
    );
    return updated;
  });
  return toOut(row);
}

/**
 * Makes `roleNames` the user's roles now (PATCH /users/{id}/ {"roles"}, the REST contract §8) —
 * the roles the staff object lists: live grants. Under the rules of assignments: it needs
 * roles.change, and the caller must hold every permission of each role given or taken away.
 * A live grant the user keeps keeps its term (saving a name does not make an acting Head
 * permanent); a role given is open-ended from now — a grant of it still to start, or ended, is
 * made so; grants still to start of roles not named are left alone (they are not roles the user
 * holds yet). Run inside the change's transaction, within `keepingAFullAdmin`. Returns the names
 * added and removed.
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
    select: { id: true, roleId: true, startsAt: true, endsAt: true, role: { select: { name: true, permissions: true } } },
  });
  const now = new Date();
  const live = current.filter((a) => isLive(a, now));
  const added = wanted.filter((r) => !live.some((a) => a.roleId === r.id));
  const removed = live.filter((a) => !wanted.some((r) => r.id === a.roleId));
  const regranted = current.filter((a) => !isLive(a, now) && added.some((r) => r.id === a.roleId));
  await assertCanGrant(
    actor.principal,
    schoolId,
    [...added, ...removed.map((a) => a.role)].flatMap((r) => r.permissions),
    tx,
  );
  if (removed.length) await tx.userRoleAssignment.deleteMany({ where: { clientId: schoolId, id: { in: removed.map((a) => a.id) } } });
  if (regranted.length) {
    await tx.userRoleAssignment.updateMany({
      where: { clientId: schoolId, id: { in: regranted.map((a) => a.id) } },
      data: { startsAt: null, endsAt: null },
    });
  }
  const fresh = added.filter((r) => !regranted.some((a) => a.roleId === r.id));
  if (fresh.length) await tx.userRoleAssignment.createMany({ data: fresh.map((r) => ({ clientId: schoolId, userId, roleId: r.id })) });
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
        metadata: {
          user: current.userId,
          role: current.roleId,
          name: assignmentName(userName(current.user) ?? "", current.role.name),
          ...termOf(current),
        },
      },
      actor.origin,
    );
  });
}

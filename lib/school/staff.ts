// A school's staff (API.md §6 /users/): list, create with roles, change, deactivate, delete.
// Nobody acts on a colleague who holds permissions they lack, hands out roles beyond their own,
// or leaves the school without a full admin. Deactivation ends the user's sessions at once.
import { withTenant, type TenantTx } from "@/lib/db/tenant-scope";
import { ApiError } from "@/lib/http/errors";
import { paginate } from "@/lib/http/pagination";
import { searchParam } from "@/lib/http/search";
import { hashPassword } from "@/lib/auth/password";
import { endEverySession } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { publicUserSelect } from "@/lib/auth/authenticate";
import { assertCanGrant, keepingAFullAdmin } from "@/lib/rbac/escalation";
import { userPermissions } from "@/lib/rbac/permissions";
import { createSchoolUserTx, userConflict } from "@/lib/users/create-user";
import { replaceUserRoles } from "@/lib/school/role-assignments";
import { toUserOut } from "@/lib/users/user-schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { schoolAuditActor, type SchoolActor } from "@/lib/school/school-actor";

const staffSelect = {
  ...publicUserSelect,
  roleAssignments: { select: { role: { select: { id: true, name: true } } }, orderBy: { role: { name: "asc" as const } } },
  teacherProfile: { select: { employeeNumber: true, subjects: true } },
} as const;

type StaffRow = Prisma.UserGetPayload<{ select: typeof staffSelect }>;

function toStaffOut(u: StaffRow) {
  return {
    ...toUserOut(u),
    roles: u.roleAssignments.map((a) => a.role),
    teacher: u.teacherProfile ? { employee_number: u.teacherProfile.employeeNumber, subjects: u.teacherProfile.subjects } : null,
  };
}

export async function listStaff(tenantId: string, url: URL) {
  const search = searchParam(url, "search")?.toLowerCase();
  const active = url.searchParams.get("is_active");
  const where: Prisma.UserWhereInput = {
    clientId: tenantId,
    ...(search ? { OR: [{ email: { contains: search } }, { phone: { contains: search } }, { fullName: { contains: search, mode: "insensitive" } }] } : {}),
    ...(active === "true" || active === "false" ? { isActive: active === "true" } : {}),
  };
  return withTenant(tenantId, (tx) =>
    paginate(url, {
      count: () => tx.user.count({ where }),
      rows: ({ skip, take }) => tx.user.findMany({ where, select: staffSelect, orderBy: [{ fullName: "asc" }, { id: "asc" }], skip, take }),
    }, toStaffOut),
  );
}

async function findStaff(tx: TenantTx, tenantId: string, id: string) {
  const user = await tx.user.findFirst({ where: { id, clientId: tenantId }, select: staffSelect });
  if (!user) throw ApiError.notFound();
  return user;
}

export async function getStaff(tenantId: string, id: string) {
  return toStaffOut(await withTenant(tenantId, (tx) => findStaff(tx, tenantId, id)));
}

export async function createStaff(
  input: { email?: string; phone?: string; password: string; full_name: string; roles: string[]; teacher?: { employee_number: string; subjects: string[] } | null },
  actor: SchoolActor,
) {
  const tenantId = actor.tenant.id;
  const passwordHash = await hashPassword(input.password);
  const user = await withTenant(tenantId, async (tx) => {
    const roles = await tx.schoolRole.findMany({ where: { clientId: tenantId, name: { in: input.roles } }, select: { permissions: true } });
    await assertCanGrant(actor.principal, tenantId, roles.flatMap((r) => r.permissions), tx);
    const created = await createSchoolUserTx(tx, tenantId, {
      email: input.email, phone: input.phone, password: input.password, fullName: input.full_name, roleNames: input.roles,
      teacher: input.teacher ? { employeeNumber: input.teacher.employee_number, subjects: input.teacher.subjects } : null,
    }, passwordHash);
    return findStaff(tx, tenantId, created.id);
  }).catch(userConflict);
  await recordAudit({ action: "school.user.created", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "user", id: user.id }, metadata: { roles: input.roles } }, actor.origin);
  return toStaffOut(user);
}

/** A colleague who holds permissions the caller lacks is out of the caller's reach. */
async function assertWithinReach(tx: TenantTx, actor: SchoolActor, targetId: string) {
  await assertCanGrant(actor.principal, actor.tenant.id, await userPermissions(targetId, actor.tenant.id, tx), tx);
}

export async function updateStaff(
  id: string,
  patch: { email?: string | null; phone?: string | null; full_name?: string; is_active?: boolean; teacher?: { employee_number: string; subjects: string[] } | null; roles?: string[] },
  actor: SchoolActor,
) {
  const tenantId = actor.tenant.id;
  let roleChanges: { added: string[]; removed: string[] } | undefined;
  const user = await withTenant(tenantId, async (tx) => {
    const before = await findStaff(tx, tenantId, id);
    await assertWithinReach(tx, actor, id);
    const email = patch.email === undefined ? before.email : patch.email;
    const phone = patch.phone === undefined ? before.phone : patch.phone;
    if (!email && !phone) throw ApiError.invalid({ non_field_errors: ["Provide an email, a phone number, or both."] });
    await keepingAFullAdmin(tx, tenantId, async () => {
      await tx.user.update({ where: { id }, data: { email: patch.email, phone: patch.phone, fullName: patch.full_name, isActive: patch.is_active }, select: { id: true } });
      // A deactivated account keeps no session, not even one a login is opening right now.
      if (patch.is_active === false) await endEverySession(tx, id, "user_deactivated");
      if (patch.roles !== undefined) roleChanges = await replaceUserRoles(tx, actor, id, patch.roles);
      if (patch.teacher === null) await tx.teacherProfile.deleteMany({ where: { userId: id, clientId: tenantId } });
      else if (patch.teacher) {
        const data = { employeeNumber: patch.teacher.employee_number, subjects: patch.teacher.subjects };
        await tx.teacherProfile.upsert({ where: { userId: id }, create: { userId: id, clientId: tenantId, ...data }, update: data });
      }
    });
    return findStaff(tx, tenantId, id);
  }).catch(userConflict);
  const action = patch.is_active === false ? "school.user.deactivated" : patch.is_active === true ? "school.user.reactivated" : "school.user.updated";
  await recordAudit({
    action, actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "user", id },
    metadata: { changed: Object.keys(patch), ...(roleChanges ? { roles_added: roleChanges.added, roles_removed: roleChanges.removed } : {}) },
  }, actor.origin);
  return toStaffOut(user);
}

/** Deleting a teacher first unassigns their classes (the classes stay). */
export async function deleteStaff(id: string, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  await withTenant(tenantId, async (tx) => {
    await findStaff(tx, tenantId, id);
    await assertWithinReach(tx, actor, id);
    await keepingAFullAdmin(tx, tenantId, async () => {
      await tx.schoolClass.updateMany({ where: { clientId: tenantId, teacherId: id }, data: { teacherId: null } });
      await tx.user.delete({ where: { id } });
    });
  });
  await recordAudit({ action: "school.user.deleted", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "user", id } }, actor.origin);
}

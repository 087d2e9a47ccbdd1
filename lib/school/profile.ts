// The school profile (API.md §4): the user, the tenant, the user's roles in it, the union of
// their permissions and the teacher profile. Read under row-level security for this tenant.
import { z } from "zod";
import { withTenant } from "@/lib/db/tenant-scope";
import type { Tenant } from "@/lib/tenancy/resolve-tenant";
import { UserOut, toUserOut, type PublicUser } from "@/lib/users/user-schemas";

export const TenantRef = z.object({ id: z.string(), slug: z.string(), name: z.string() }).meta({ id: "TenantRef" });

export const SchoolProfile = z
  .object({
    user: UserOut,
    tenant: TenantRef,
    roles: z.array(z.object({ id: z.string(), name: z.string() })),
    permissions: z.array(z.string()).describe("Codenames held through the user's roles, sorted"),
    teacher: z.object({ employee_number: z.string(), subjects: z.array(z.string()) }).nullable(),
  })
  .meta({ id: "SchoolProfile" });

export async function schoolProfile(user: PublicUser, tenant: Tenant): Promise<z.infer<typeof SchoolProfile>> {
  const { assignments, teacher } = await withTenant(tenant.id, async (tx) => ({
    assignments: await tx.userRoleAssignment.findMany({
      where: { userId: user.id, clientId: tenant.id },
      select: { role: { select: { id: true, name: true, permissions: true } } },
      orderBy: { role: { name: "asc" } },
    }),
    teacher: await tx.teacherProfile.findUnique({ where: { userId: user.id }, select: { employeeNumber: true, subjects: true } }),
  }));
  const permissions = [...new Set(assignments.flatMap((a) => a.role.permissions))].sort();
  return {
    user: toUserOut(user),
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    roles: assignments.map((a) => ({ id: a.role.id, name: a.role.name })),
    permissions,
    teacher: teacher ? { employee_number: teacher.employeeNumber, subjects: teacher.subjects } : null,
  };
}

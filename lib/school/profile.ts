// The school profile (API.md §4): the user, the tenant, the user's roles in it, the union of
// their permissions and the teacher profile. Read under row-level security for this tenant.
import { z } from "zod";
import { sql, tenantRead } from "@/lib/db/tenant-script";
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
  // One round trip (lib/db/tenant-script): this is on every login and every `me`.
  const [roles, teachers] = await tenantRead<[{ id: string; name: string; permissions: string[] }[], { employee_number: string; subjects: string[] }[]]>(tenant.id, [
    sql`SELECT r.id, r.name, r.permissions
        FROM user_role_assignments a JOIN school_roles r ON r.id = a.role_id AND r.client_id = a.client_id
        WHERE a.user_id = ${user.id}::uuid AND a.client_id = ${tenant.id}::uuid
        ORDER BY r.name`,
    sql`SELECT employee_number, subjects FROM teacher_profiles WHERE user_id = ${user.id}::uuid AND client_id = ${tenant.id}::uuid`,
  ]);
  const permissions = [...new Set(roles.flatMap((r) => r.permissions))].sort();
  const teacher = teachers[0];
  return {
    user: toUserOut(user),
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    roles: roles.map((r) => ({ id: r.id, name: r.name })),
    permissions,
    teacher: teacher ? { employee_number: teacher.employee_number, subjects: teacher.subjects } : null,
  };
}

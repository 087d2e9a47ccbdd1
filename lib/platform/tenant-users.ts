// A tenant's users as the platform manages them (API.md §5 "a tenant's users").
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { paginate } from "@/lib/http/pagination";
import { publicUserSelect } from "@/lib/auth/authenticate";
import { createSchoolUser } from "@/lib/users/create-user";
import { toUserOut } from "@/lib/users/user-schemas";
import { auditActor, type Actor } from "@/lib/platform/actor";

async function assertClientExists(clientId: string) {
  if (!(await prisma.client.findUnique({ where: { id: clientId }, select: { id: true } }))) throw ApiError.notFound();
}

export async function listTenantUsers(clientId: string, url: URL) {
  await assertClientExists(clientId);
  const where = { clientId };
  return paginate(url, {
    count: () => prisma.user.count({ where }),
    rows: ({ skip, take }) => prisma.user.findMany({ where, select: publicUserSelect, orderBy: [{ dateJoined: "asc" }, { id: "asc" }], skip, take }),
  }, toUserOut);
}

export async function createTenantUser(
  clientId: string,
  input: { email?: string; phone?: string; password: string; full_name: string; roles: string[]; teacher?: { employee_number: string; subjects: string[] } | null },
  actor: Actor,
) {
  await assertClientExists(clientId);
  const user = await createSchoolUser(clientId, {
    email: input.email, phone: input.phone, password: input.password, fullName: input.full_name, roleNames: input.roles,
    teacher: input.teacher ? { employeeNumber: input.teacher.employee_number, subjects: input.teacher.subjects } : null,
  });
  await recordAudit({ action: "tenant_user.created", actor: auditActor(actor), clientId, target: { type: "user", id: user.id }, metadata: { roles: input.roles } }, actor.origin);
  return toUserOut((await prisma.user.findUnique({ where: { id: user.id }, select: publicUserSelect }))!);
}

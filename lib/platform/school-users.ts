// A school's users as the platform manages them (the REST contract §5, /system/clients/{id}/users/).
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type PlatformActor } from "@/lib/audit/actor";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { defaultOrdering, mapOrdering, type Ordering, type OrderingField } from "@/lib/http/query";
import { hashPassword } from "@/lib/credentials/password";
import { createSchoolUserTx } from "@/lib/users/create-user";
import { UserOrdering, publicUserSelect, toUserOut, userOrderBy } from "@/lib/users/user-schemas";

async function assertSchoolExists(schoolId: string) {
  if (!(await prisma.client.findUnique({ where: { id: schoolId }, select: { id: true } }))) throw ApiError.notFound();
}

const OLDEST_FIRST = defaultOrdering(UserOrdering);

export async function listSchoolUsers(options: {
  schoolId: string;
  ordering?: Ordering<OrderingField<typeof UserOrdering>>;
  page: PageRequest;
}) {
  const { schoolId, ordering = OLDEST_FIRST, page } = options;
  await assertSchoolExists(schoolId);
  const where = { clientId: schoolId };
  return paginate(
    page,
    {
      count: () => prisma.user.count({ where }),
      rows: ({ skip, take }) =>
        prisma.user.findMany({ where, select: publicUserSelect, orderBy: mapOrdering(ordering, userOrderBy), skip, take }),
    },
    toUserOut,
  );
}

export async function createSchoolUserByPlatform(options: {
  schoolId: string;
  actor: PlatformActor;
  user: {
    email?: string;
    phone?: string;
    password: string;
    full_name: string;
    roles: string[];
    teacher?: { employee_number: string; subjects: string[] } | null;
  };
}) {
  const { schoolId, actor, user: input } = options;
  await assertSchoolExists(schoolId);
  const passwordHash = await hashPassword(input.password);
  const user = await prisma.$transaction(async (tx) => {
    const created = await createSchoolUserTx(
      tx,
      schoolId,
      {
        email: input.email,
        phone: input.phone,
        fullName: input.full_name,
        roleNames: input.roles,
        teacher: input.teacher ? { employeeNumber: input.teacher.employee_number, subjects: input.teacher.subjects } : null,
      },
      passwordHash,
    );
    await audit(
      tx,
      {
        action: "tenant_user.created",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "user", id: created.id },
        metadata: { roles: input.roles },
      },
      actor.origin,
    );
    return tx.user.findUniqueOrThrow({ where: { id: created.id }, select: publicUserSelect });
  });
  return toUserOut(user);
}

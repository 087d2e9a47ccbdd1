// Creating users. Uniqueness of email and phone is the database's job (unique indexes); a
// violation surfaces as 409 through the error mapper, naming the field.
import { prisma } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { PlatformRole } from "@/lib/generated/prisma/client";

export interface NewUser {
  email?: string | null;
  phone?: string | null;
  password: string;
  fullName: string;
}

export async function createPlatformUser(input: NewUser & { platformRole: PlatformRole }) {
  return prisma.user.create({
    data: {
      email: input.email ?? null, phone: input.phone ?? null, fullName: input.fullName,
      passwordHash: await hashPassword(input.password), platformRole: input.platformRole,
    },
  });
}

/** A school user with the named roles (which must exist in that tenant). */
export async function createSchoolUser(clientId: string, input: NewUser & { roleNames?: string[] }) {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { clientId, email: input.email ?? null, phone: input.phone ?? null, fullName: input.fullName, passwordHash },
    });
    if (input.roleNames?.length) {
      const roles = await tx.schoolRole.findMany({ where: { clientId, name: { in: input.roleNames } }, select: { id: true } });
      await tx.userRoleAssignment.createMany({ data: roles.map((r) => ({ clientId, userId: user.id, roleId: r.id })) });
    }
    return user;
  });
}

// Creating users. Uniqueness of email and phone is the database's job (unique indexes); a
// violation surfaces as 409 naming the field.
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { hashPassword } from "@/lib/auth/password";
import type { PlatformRole, Prisma } from "@/lib/generated/prisma/client";

export interface NewUser {
  email?: string | null;
  phone?: string | null;
  password: string;
  fullName: string;
}

/** Maps a unique violation on users / teacher profiles to the contract's 409 naming the field. */
export function userConflict(error: unknown): never {
  if ((error as { code?: string }).code === "P2002") {
    const text = JSON.stringify((error as { meta?: unknown }).meta ?? "");
    if (text.includes("employee_number")) throw ApiError.conflict("teacher.employee_number", "Another teacher of this school has this employee number.");
    if (text.includes("phone")) throw ApiError.conflict("phone", "A user with this phone number already exists.");
    throw ApiError.conflict("email", "A user with this email already exists.");
  }
  throw error;
}

export async function createPlatformUser(input: NewUser & { platformRole: PlatformRole }) {
  return prisma.user
    .create({
      data: {
        email: input.email ?? null, phone: input.phone ?? null, fullName: input.fullName,
        passwordHash: await hashPassword(input.password), platformRole: input.platformRole,
      },
    })
    .catch(userConflict);
}

export interface NewSchoolUser extends NewUser {
  roleNames?: string[];
  teacher?: { employeeNumber: string; subjects: string[] } | null;
}

/** The roles of a school named in `names` (each once); an unknown name is a 400 naming `roles`. */
export async function rolesNamed(tx: Prisma.TransactionClient, clientId: string, names: string[]) {
  const wanted = [...new Set(names)];
  const roles = wanted.length
    ? await tx.schoolRole.findMany({ where: { clientId, name: { in: wanted } }, select: { id: true, name: true, permissions: true } })
    : [];
  const unknown = wanted.filter((n) => !roles.some((r) => r.name === n));
  if (unknown.length) throw ApiError.invalid({ roles: unknown.map((n) => `No role named "${n}" in this school.`) });
  return roles;
}

/** A school user with roles named in that tenant (unknown names are a 400) and an optional teacher profile. */
export async function createSchoolUserTx(tx: Prisma.TransactionClient, clientId: string, input: NewSchoolUser, passwordHash: string) {
  const roles = await rolesNamed(tx, clientId, input.roleNames ?? []);
  const user = await tx.user.create({
    data: { clientId, email: input.email ?? null, phone: input.phone ?? null, fullName: input.fullName, passwordHash },
  });
  if (roles.length) await tx.userRoleAssignment.createMany({ data: roles.map((r) => ({ clientId, userId: user.id, roleId: r.id })) });
  if (input.teacher) {
    await tx.teacherProfile.create({ data: { userId: user.id, clientId, employeeNumber: input.teacher.employeeNumber, subjects: input.teacher.subjects } });
  }
  return user;
}

export async function createSchoolUser(clientId: string, input: NewSchoolUser) {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction((tx) => createSchoolUserTx(tx, clientId, input, passwordHash)).catch(userConflict);
}

// Creating users. Uniqueness of email and phone is the database's job (unique indexes); a
// violation becomes the contract's 409 naming the field (lib/http/errors.ts). The `…Tx` forms
// run inside the caller's transaction, with its audit row; the others are for setup (the
// bootstrap superuser, the demo school, test fixtures), which is nobody's act.
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { hashPassword } from "@/lib/credentials/password";
import type { PlatformRole, Prisma } from "@/lib/generated/prisma/client";

export interface NewUser {
  email?: string | null;
  phone?: string | null;
  fullName: string;
}

export interface NewSchoolUser extends NewUser {
  roleNames?: string[];
  teacher?: { employeeNumber: string; subjects: string[] } | null;
}

/**
 * The columns of a new account's credentials: a password's hash, or — none given — an invitation
 * (no password until they choose one; the check constraint users_invited_without_password).
 */
function credentialsOf(passwordHash: string | null) {
  return passwordHash ? { passwordHash, invitedAt: null } : { passwordHash: null, invitedAt: new Date() };
}

/** A platform user; `passwordHash` null invites them (the caller sends the invitation in the same transaction). */
export async function createPlatformUserTx(
  tx: Prisma.TransactionClient,
  input: NewUser & { platformRole: PlatformRole },
  passwordHash: string | null,
) {
  return tx.user.create({
    data: {
      email: input.email ?? null,
      phone: input.phone ?? null,
      fullName: input.fullName,
      ...credentialsOf(passwordHash),
      platformRole: input.platformRole,
    },
  });
}

export async function createPlatformUser(input: NewUser & { password: string; platformRole: PlatformRole }) {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction((tx) => createPlatformUserTx(tx, input, passwordHash));
}

/** The roles of a school named in `names` (each once); an unknown name is a 400 naming `roles`. */
export async function rolesNamed(tx: Prisma.TransactionClient, schoolId: string, names: string[]) {
  const wanted = [...new Set(names)];
  const roles = wanted.length
    ? await tx.schoolRole.findMany({
        where: { clientId: schoolId, name: { in: wanted } },
        select: { id: true, name: true, permissions: true },
      })
    : [];
  const unknown = wanted.filter((n) => !roles.some((r) => r.name === n));
  if (unknown.length) throw ApiError.invalid({ roles: unknown.map((n) => `No role named "${n}" in this school.`) });
  return roles;
}

/**
 * A school user with roles named in that school (unknown names are a 400) and an optional teacher
 * profile; `passwordHash` null invites them (the caller sends the invitation in the same transaction).
 */
export async function createSchoolUserTx(
  tx: Prisma.TransactionClient,
  schoolId: string,
  input: NewSchoolUser,
  passwordHash: string | null,
) {
  const roles = await rolesNamed(tx, schoolId, input.roleNames ?? []);
  const user = await tx.user.create({
    data: {
      clientId: schoolId,
      email: input.email ?? null,
      phone: input.phone ?? null,
      fullName: input.fullName,
      ...credentialsOf(passwordHash),
    },
  });
  if (roles.length)
    await tx.userRoleAssignment.createMany({ data: roles.map((r) => ({ clientId: schoolId, userId: user.id, roleId: r.id })) });
  if (input.teacher) {
    await tx.teacherProfile.create({
      data: { userId: user.id, clientId: schoolId, employeeNumber: input.teacher.employeeNumber, subjects: input.teacher.subjects },
    });
  }
  return user;
}

export async function createSchoolUser(schoolId: string, input: NewSchoolUser & { password: string }) {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction((tx) => createSchoolUserTx(tx, schoolId, input, passwordHash));
}

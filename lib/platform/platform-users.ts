// Platform staff (API.md §5): any platform user reads; only a superadmin creates or changes.
// The platform always keeps one active superadmin.
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { paginate } from "@/lib/http/pagination";
import { searchParam } from "@/lib/http/search";
import { hashPassword } from "@/lib/auth/password";
import { endEverySession } from "@/lib/auth/sessions";
import { publicUserSelect } from "@/lib/auth/authenticate";
import { createPlatformUser, userConflict } from "@/lib/users/create-user";
import { toUserOut } from "@/lib/users/user-schemas";
import type { Prisma, PlatformRole } from "@/lib/generated/prisma/client";
import { auditActor, type Actor } from "@/lib/platform/actor";

const platformOnly = { clientId: null } as const;

export async function listPlatformUsers(url: URL) {
  const search = searchParam(url, "search")?.toLowerCase();
  const role = url.searchParams.get("platform_role");
  const where: Prisma.UserWhereInput = {
    ...platformOnly,
    ...(search ? { OR: [{ email: { contains: search } }, { phone: { contains: search } }, { fullName: { contains: search, mode: "insensitive" } }] } : {}),
    ...(role === "superadmin" || role === "platform_admin" || role === "support" ? { platformRole: role } : {}),
  };
  return paginate(url, {
    count: () => prisma.user.count({ where }),
    rows: ({ skip, take }) => prisma.user.findMany({ where, select: publicUserSelect, orderBy: [{ dateJoined: "asc" }, { id: "asc" }], skip, take }),
  }, toUserOut);
}

async function findPlatformUser(id: string) {
  const user = await prisma.user.findFirst({ where: { id, ...platformOnly }, select: publicUserSelect });
  if (!user) throw ApiError.notFound();
  return user;
}

export async function getPlatformUser(id: string) {
  return toUserOut(await findPlatformUser(id));
}

export async function createPlatformStaff(input: { email?: string; phone?: string; password: string; full_name: string; platform_role: PlatformRole }, actor: Actor) {
  const user = await createPlatformUser({ email: input.email, phone: input.phone, password: input.password, fullName: input.full_name, platformRole: input.platform_role });
  await recordAudit({ action: "platform_user.created", actor: auditActor(actor), target: { type: "user", id: user.id }, metadata: { platform_role: input.platform_role } }, actor.origin);
  return getPlatformUser(user.id);
}

/** Refuses a change that would leave no active superadmin. Runs inside the writing transaction. */
async function assertSuperadminRemains(tx: Prisma.TransactionClient) {
  // Serialise such changes, so two concurrent demotions cannot both see the other one remain.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(727003)`;
  const left = await tx.user.count({ where: { ...platformOnly, platformRole: "superadmin", isActive: true } });
  if (left === 0) throw ApiError.invalid({ non_field_errors: ["The platform must keep at least one active superadmin."] });
}

export async function updatePlatformUser(
  id: string,
  patch: { email?: string | null; phone?: string | null; password?: string; full_name?: string; platform_role?: PlatformRole; is_active?: boolean },
  actor: Actor,
) {
  const before = await findPlatformUser(id);
  const email = patch.email === undefined ? before.email : patch.email;
  const phone = patch.phone === undefined ? before.phone : patch.phone;
  if (!email && !phone) throw ApiError.invalid({ non_field_errors: ["Provide an email, a phone number, or both."] });
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id },
      data: {
        email: patch.email, phone: patch.phone, fullName: patch.full_name, platformRole: patch.platform_role, isActive: patch.is_active,
        ...(passwordHash ? { passwordHash, passwordChangedAt: new Date() } : {}),
      },
      select: { id: true },
    });
    if (patch.platform_role !== undefined || patch.is_active === false) await assertSuperadminRemains(tx);
    // A deactivated account, or one whose password an admin reset, keeps no session — not even
    // one a login is opening right now.
    if (patch.is_active === false || passwordHash) await endEverySession(tx, id, patch.is_active === false ? "user_deactivated" : "password_change");
  }).catch(userConflict);
  await recordAudit({ action: "platform_user.updated", actor: auditActor(actor), target: { type: "user", id }, metadata: { changed: Object.keys(patch).filter((k) => k !== "password").concat(passwordHash ? ["password"] : []) } }, actor.origin);
  return getPlatformUser(id);
}

export async function deletePlatformUser(id: string, actor: Actor) {
  await findPlatformUser(id);
  await prisma.$transaction(async (tx) => {
    await tx.user.delete({ where: { id } });
    await assertSuperadminRemains(tx);
  });
  await recordAudit({ action: "platform_user.deleted", actor: auditActor(actor), target: { type: "user", id } }, actor.origin);
}

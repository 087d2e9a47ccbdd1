// "My account" details (`PATCH …/auth/me/`, an extension of the REST contract §8): a signed-in
// person changes their own name and phone. The email stays with admins until a change can be
// confirmed by a message to the new address (issue 13's outbox): it is the identifier people
// sign in and recover their password with. The account must keep an email or a phone; a phone
// already in use is the same 409 as anywhere else. The change and its audit row are one
// transaction, under the school's row-level security for school staff.
import { prisma, type Prisma } from "@/lib/db/client";
import { withSchool } from "@/lib/db/school-scope";
import { audit, type AuditOrigin } from "@/lib/audit/record-audit";
import { auditActor } from "@/lib/audit/actor";
import type { MyAccountPatch } from "@/lib/auth/my-account-body";
import { assertContactKept } from "@/lib/auth/account-change";
import type { UserPrincipal } from "@/lib/rbac/principal";
import type { Audience } from "@/lib/auth/tokens";
import { publicUserSelect, type PublicUser } from "@/lib/users/user-schemas";

/** Applies the change and returns the user as it now is (the `me` answer is built from it). */
export async function updateMyAccount(options: {
  principal: UserPrincipal;
  audience: Audience;
  /** The request's school for school staff; null on the platform. */
  schoolId: string | null;
  patch: MyAccountPatch;
  origin: AuditOrigin;
}): Promise<PublicUser> {
  const { principal, audience, schoolId, patch, origin } = options;
  const id = principal.user.id;
  const work = async (tx: Prisma.TransactionClient) => {
    const before = await tx.user.findFirstOrThrow({ where: { id, clientId: schoolId }, select: publicUserSelect });
    assertContactKept(before, patch);
    const changed = (Object.keys(patch) as (keyof MyAccountPatch)[]).filter((field) => {
      const was = field === "full_name" ? before.fullName : before.phone;
      return patch[field] !== undefined && patch[field] !== was;
    });
    if (changed.length === 0) return before;
    const after = await tx.user.update({
      where: { id },
      data: { fullName: patch.full_name, phone: patch.phone },
      select: publicUserSelect,
    });
    await audit(
      tx,
      {
        action: audience === "school" ? "school.account.updated" : "system.account.updated",
        actor: auditActor(principal),
        schoolId,
        target: { type: "user", id },
        metadata: { changed },
      },
      origin,
    );
    return after;
  };
  return schoolId ? withSchool(schoolId, work) : prisma.$transaction(work);
}

// A new school together with its first Admin, all or nothing (the console's "New school"): the
// tenant, its default roles and the admin are one transaction, so a taken slug, domain or email
// leaves nothing half-made behind. Errors name the body's own paths (`school.slug`,
// `admin.email`, …), so a form can show them next to its fields.
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/errors";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import { createClientTx } from "@/lib/platform/clients";
import { ClientCreateBody, toClientOut } from "@/lib/platform/client-schemas";
import { auditActor, type Actor } from "@/lib/platform/actor";
import { createSchoolUserTx } from "@/lib/users/create-user";
import { TenantUserCreateBody, toUserOut } from "@/lib/users/user-schemas";

/** The first admin always gets the school's seeded `Admin` role, whatever `roles` says. */
export const FIRST_ADMIN_ROLE = "Admin";

export function ClientWithAdminCreateBody() {
  return z
    .object({
      school: ClientCreateBody,
      admin: TenantUserCreateBody().describe(`The school's first user; gets the "${FIRST_ADMIN_ROLE}" role`),
    })
    .meta({ id: "ClientWithAdminCreate" });
}

export type ClientWithAdminInput = z.output<ReturnType<typeof ClientWithAdminCreateBody>>;

function conflict(field: string, message: string): ApiError {
  return new ApiError(409, "conflict", message, { errors: { [field]: [message] } });
}

/** A unique violation names its column in the error's metadata: slug, domain, email or phone. */
function conflictOf(error: unknown): never {
  if ((error as { code?: string }).code === "P2002") {
    const text = JSON.stringify((error as { meta?: unknown }).meta ?? "");
    if (text.includes("domain")) throw conflict("school.domains", "A school already uses one of these domains.");
    if (text.includes("slug")) throw conflict("school.slug", "A school with this slug already exists.");
    if (text.includes("phone")) throw conflict("admin.phone", "A user with this phone number already exists.");
    if (text.includes("email")) throw conflict("admin.email", "A user with this email already exists.");
  }
  throw error;
}

export async function createClientWithAdmin(input: ClientWithAdminInput, actor: Actor) {
  // Hash first: argon2 takes a while, and the transaction should not wait for it.
  const passwordHash = await hashPassword(input.admin.password);
  const { client, user } = await prisma
    .$transaction(async (tx) => {
      const client = await createClientTx(tx, input.school);
      const user = await createSchoolUserTx(tx, client.id, {
        email: input.admin.email, phone: input.admin.phone, password: input.admin.password, fullName: input.admin.full_name, roleNames: [FIRST_ADMIN_ROLE],
      }, passwordHash);
      return { client, user };
    })
    .catch(conflictOf);
  const who = auditActor(actor);
  await recordAudit({ action: "client.created", actor: who, clientId: client.id, target: { type: "client", id: client.id }, metadata: { slug: client.slug, name: client.name } }, actor.origin);
  await recordAudit({ action: "tenant_user.created", actor: who, clientId: client.id, target: { type: "user", id: user.id }, metadata: { roles: [FIRST_ADMIN_ROLE], first_admin: true } }, actor.origin);
  return { client: toClientOut(client), admin: toUserOut(user) };
}

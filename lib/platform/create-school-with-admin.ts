// A new school together with its first Admin, all or nothing (the console's "New school"): the
// school, its default roles and the admin are one transaction, so a taken slug, domain or email
// leaves nothing half-made behind. Errors name the body's own paths (`school.slug`,
// `admin.email`, …), so a form can show them next to its fields.
import { inputRules } from "@/lib/env";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { knownError } from "@/lib/http/errors";
import { initialPasswordHash, inviteIfNoPassword } from "@/lib/auth/invitations";
import { audit } from "@/lib/audit/record-audit";
import { createSchoolTx } from "@/lib/platform/schools";
import { ClientCreateBody, toClientOut } from "@/lib/platform/client-schemas";
import { auditActor, type PlatformActor } from "@/lib/audit/actor";
import { createSchoolUserTx } from "@/lib/users/create-user";
import { TenantUserCreateBody, toUserOut } from "@/lib/users/user-schemas";

/** The first admin always gets the school's seeded `Admin` role, whatever `roles` says. */
export const FIRST_ADMIN_ROLE = "Admin";

export function SchoolWithAdminCreateBody() {
  return z
    .object({
      school: ClientCreateBody(inputRules()),
      admin: TenantUserCreateBody(inputRules()).describe(`The school's first user; gets the "${FIRST_ADMIN_ROLE}" role`),
    })
    .meta({ id: "ClientWithAdminCreate" });
}

export type SchoolWithAdminInput = z.output<ReturnType<typeof SchoolWithAdminCreateBody>>;

/**
 * The form's paths for a taken value: the school's fields under `school.`, the admin's under
 * `admin.` (the 409 itself comes from lib/http/errors.ts).
 */
function underFormPaths(error: unknown): never {
  const known = knownError(error);
  if (known?.status !== 409 || !known.options.errors) throw error;
  const prefix = (field: string) => (field === "slug" || field === "domains" ? `school.${field}` : `admin.${field}`);
  // Beside the field, the whole sentence: the form shows no other message for it.
  const errors = Object.fromEntries(Object.keys(known.options.errors).map((field) => [prefix(field), [known.detail]]));
  throw new ApiError(409, "conflict", known.detail, { errors });
}

export async function createSchoolWithAdmin(options: { actor: PlatformActor; input: SchoolWithAdminInput }) {
  const { actor, input } = options;
  // Hash first: argon2 takes a while, and the transaction should not wait for it.
  const passwordHash = await initialPasswordHash(input.admin.password);
  const { client, user } = await prisma
    .$transaction(async (tx) => {
      const client = await createSchoolTx(tx, { school: input.school, actor });
      const user = await createSchoolUserTx(
        tx,
        client.id,
        {
          email: input.admin.email,
          phone: input.admin.phone,
          fullName: input.admin.full_name,
          roleNames: [FIRST_ADMIN_ROLE],
        },
        passwordHash,
      );
      const invited = await inviteIfNoPassword(tx, user.id, passwordHash);
      await audit(
        tx,
        {
          action: invited ? "tenant_user.invited" : "tenant_user.created",
          actor: auditActor(actor.principal),
          schoolId: client.id,
          target: { type: "user", id: user.id },
          metadata: { roles: [FIRST_ADMIN_ROLE], first_admin: true },
        },
        actor.origin,
      );
      return { client, user };
    })
    .catch(underFormPaths);
  return { client: toClientOut(client), admin: toUserOut(user) };
}

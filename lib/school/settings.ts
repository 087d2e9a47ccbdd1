// The school's own settings (GET, PATCH /api/v1/school/settings/): for now its two-factor policy,
// `mfa_required`, which the platform also sets on the client object. Any of its staff may read
// them; only a full admin may change them, since they bind every member of staff whatever their role.
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type Actor } from "@/lib/audit/actor";
import { assertFullAdmin } from "@/lib/rbac/escalation";
import type { SchoolSettingsOut } from "@/lib/school/school-schemas";
import type { z } from "zod";

type Settings = z.infer<typeof SchoolSettingsOut>;

export async function schoolSettings(schoolId: string): Promise<Settings> {
  const school = await prisma.client.findUnique({ where: { id: schoolId }, select: { mfaRequired: true } });
  if (!school) throw ApiError.notFound();
  return { mfa_required: school.mfaRequired };
}

/**
 * Changes the settings and writes `school.settings.updated` (with the new values) in one
 * transaction. The school's row is the platform's (the row-level-security role only reads it), so
 * this runs as the owner, the school named in the WHERE clause.
 */
export async function updateSchoolSettings(options: {
  schoolId: string;
  actor: Actor;
  patch: { mfa_required?: boolean };
}): Promise<Settings> {
  const { schoolId, actor, patch } = options;
  await assertFullAdmin(actor.principal, schoolId);
  const school = await prisma.$transaction(async (tx) => {
    const updated = await tx.client.update({
      where: { id: schoolId },
      data: { mfaRequired: patch.mfa_required },
      select: { mfaRequired: true },
    });
    await audit(
      tx,
      {
        action: "school.settings.updated",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "client", id: schoolId },
        metadata: { changed: Object.keys(patch), ...patch },
      },
      actor.origin,
    );
    return updated;
  });
  return { mfa_required: school.mfaRequired };
}

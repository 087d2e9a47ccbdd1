// GET, PATCH /api/v1/school/settings/ — the school's own settings (its two-factor policy); any staff reads, a full admin changes
import { SchoolSettingsPatchBody } from "@/lib/school/school-schemas";
import { schoolSettings, updateSchoolSettings } from "@/lib/school/settings";
import { endpoint, schoolRoute } from "@/lib/pipeline";
import { ok } from "@/lib/http/respond";

export const { GET, HEAD, POST, PUT, PATCH, DELETE } = endpoint({
  GET: schoolRoute({}, async ({ school }) => ok(await schoolSettings(school.id))),
  PATCH: schoolRoute({ apiKeys: false, body: SchoolSettingsPatchBody }, async ({ school, principal, body, origin }) =>
    ok(await updateSchoolSettings({ schoolId: school.id, actor: { principal, origin }, patch: body })),
  ),
});

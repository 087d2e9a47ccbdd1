// The school profile (the REST contract §4): the user, the school (`tenant` in the contract), the
// user's roles in it (grants within their term), the union of their permissions and the teacher profile. Read under
// row-level security for this school.
import { z } from "zod";
import { prepared, runPlan, type ReadPlan } from "@/lib/db/sql-script";
import type { School } from "@/lib/schools/resolve-school";
import { MfaEnabledField, PasswordChangeRequiredField, UserOut, toUserOut, type PublicUser } from "@/lib/users/user-schemas";
import { MfaEnrolmentRequiredField, TokenPairOut } from "@/lib/auth/auth-schemas";
import { mfaEnrolmentRequired } from "@/lib/auth/authenticate";
import { LIVE_GRANT_SQL } from "@/lib/rbac/grant-terms";

export const TenantRef = z.object({ id: z.string(), slug: z.string(), name: z.string() }).meta({ id: "TenantRef" });

export const SchoolProfile = z
  .object({
    user: UserOut,
    tenant: TenantRef,
    roles: z.array(z.object({ id: z.string(), name: z.string() })).describe("Roles held now: grants within their term"),
    permissions: z.array(z.string()).describe("Codenames held through the user's roles, sorted"),
    teacher: z.object({ employee_number: z.string(), subjects: z.array(z.string()) }).nullable(),
    ...PasswordChangeRequiredField,
    ...MfaEnabledField,
    ...MfaEnrolmentRequiredField,
  })
  .meta({ id: "SchoolProfile" });

/** What school login answers: the token pair and the profile. */
export const SchoolLoginOut = TokenPairOut.extend(SchoolProfile.shape).meta({ id: "SchoolLoginResult" });

type Profile = z.infer<typeof SchoolProfile>;
type RoleRow = { id: string; name: string; permissions: string[] };
type TeacherRow = { employee_number: string; subjects: string[] };

// On every login and every `me`: prepared, scoped by the tenant context of the script, and one
// row (roles and teacher profile as JSON) so that there is one result to decode. The school's
// two-factor policy rides along, so that the answer's `mfa_enrolment_required` costs no round trip.
const profileOfUser = prepared(`
  SELECT COALESCE((SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'permissions', r.permissions) ORDER BY r.name, r.id)
                   FROM user_role_assignments a JOIN school_roles r ON r.id = a.role_id AND r.client_id = a.client_id
                   WHERE a.user_id = $1::uuid AND a.client_id = app_current_client() AND ${LIVE_GRANT_SQL}), '[]') AS roles,
         (SELECT json_build_object('employee_number', t.employee_number, 'subjects', t.subjects)
          FROM teacher_profiles t WHERE t.user_id = $1::uuid AND t.client_id = app_current_client()) AS teacher,
         COALESCE((SELECT c.mfa_required FROM clients c WHERE c.id = app_current_client()), false) AS mfa_required`);

/**
 * The profile's reads for `userId`, as a plan (lib/db/tenant-script.ts): `me` sends it with the
 * authentication query; the user and the tenant come from that query, so the result is a function of them.
 */
export function schoolProfileRead(userId: string): ReadPlan<(user: PublicUser, school: School) => Profile> {
  return {
    statements: [profileOfUser.run(userId)],
    result: ([[row]]) => {
      const { roles, teacher, mfa_required } = row as { roles: RoleRow[]; teacher: TeacherRow | null; mfa_required: boolean };
      return (user, school) => toProfile(user, school, roles, teacher, mfa_required);
    },
  };
}

function toProfile(user: PublicUser, school: School, roles: RoleRow[], teacher: TeacherRow | null, schoolMfaRequired: boolean): Profile {
  const permissions = [...new Set(roles.flatMap((r) => r.permissions))].sort();
  return {
    user: toUserOut(user),
    tenant: { id: school.id, slug: school.slug, name: school.name },
    roles: roles.map((r) => ({ id: r.id, name: r.name })),
    permissions,
    teacher: teacher ? { employee_number: teacher.employee_number, subjects: teacher.subjects } : null,
    password_change_required: user.passwordChangeRequired,
    mfa_enabled: user.mfaEnabled,
    mfa_enrolment_required: mfaEnrolmentRequired(user, schoolMfaRequired),
  };
}

export async function schoolProfile(user: PublicUser, school: School): Promise<Profile> {
  return (await runPlan(school.id, schoolProfileRead(user.id)))(user, school);
}

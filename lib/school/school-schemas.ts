// Bodies and answers of the school API (the REST contract §6). Unknown fields — `client`, `is_system`,
// `platform_role`, `id` — are dropped by zod and never written.
import { z } from "zod";
import { isCodename } from "@/lib/rbac/catalogue";
import { EmailField, NewPassword, PhoneField } from "@/lib/credentials/rules";
import { byRules, type InputRules } from "@/lib/config/input-rules";
import { Teacher, USER_ORDERING_FIELDS, UserOut } from "@/lib/users/user-schemas";
import { QueryBoolean, QueryId, QueryIdOrNull, QueryInteger, QueryOrdering, QueryText, listQuery } from "@/lib/http/query";

const Text = (max: number) =>
  z.string().trim().min(1, "This field may not be blank.").max(max, `Ensure this field has no more than ${max} characters.`);
/** A reference to another object of this school by id; checked against the school in lib/school. */
const Ref = z.string().max(64, "Invalid pk - object does not exist.");

const Codenames = z
  .array(z.string().max(64))
  .max(64)
  .superRefine((list, ctx) => {
    for (const c of list) if (!isCodename(c)) ctx.addIssue({ code: "custom", message: `Unknown permission "${c.slice(0, 64)}".` });
  })
  .transform((list) => [...new Set(list)].sort());

// Roles ----------------------------------------------------------------------------------------
export const RoleOrdering = QueryOrdering(["name"], "name,id");
export const RoleListQuery = listQuery({ search: QueryText(100).describe("Text in the name"), ordering: RoleOrdering });
export const RoleBody = z
  .object({
    name: Text(100),
    description: z.string().trim().max(500).default(""),
    permissions: Codenames.describe("Permission codenames, e.g. students.view"),
  })
  .meta({ id: "RoleWrite" });
export const RolePatchBody = z
  .object({ name: Text(100).optional(), description: z.string().trim().max(500).optional(), permissions: Codenames.optional() })
  .meta({ id: "RolePatch" });
export const RoleOut = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    permissions: z.array(z.string()),
    is_system: z.boolean(),
    user_count: z.number().int(),
  })
  .meta({ id: "Role" });

// Role assignments -------------------------------------------------------------------------------
export const AssignmentListQuery = listQuery({ user: QueryId.describe("Staff user id"), role: QueryId.describe("Role id") });
const Instant = z.iso
  .datetime({ offset: true, message: "Enter an ISO 8601 date-time, e.g. 2027-03-31T23:59:59Z." })
  .transform((v) => new Date(v));
const TERM_END_PAST = "The end must be in the future: a grant that has already ended would never work.";
const TERM_ORDER = "The end must come after the start.";
const termFields = {
  starts_at: Instant.nullable()
    .optional()
    .describe("ISO 8601 date-time the grant starts working; null or absent: at once. Outside its term a grant gives nothing"),
  ends_at: Instant.nullable()
    .optional()
    .describe("ISO 8601 date-time the grant stops working (an acting Head until 31 March); null or absent: no end. Must be in the future"),
};
/** The term's own rules (the end after the start, and still to come), each naming `ends_at`. */
function checkTerm(term: { starts_at?: unknown; ends_at?: unknown }, ctx: z.RefinementCtx) {
  // Runs even when a field failed (zod reports every issue in one round): only parsed instants count.
  const { starts_at: starts, ends_at: ends } = term;
  if (!(ends instanceof Date)) return;
  if (ends.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["ends_at"], message: TERM_END_PAST });
  else if (starts instanceof Date && ends <= starts) ctx.addIssue({ code: "custom", path: ["ends_at"], message: TERM_ORDER });
}
export const AssignmentBody = z
  .object({ user: Ref.describe("Staff user id"), role: Ref.describe("Role id"), ...termFields })
  .superRefine(checkTerm)
  .meta({ id: "RoleAssignmentWrite" });
export const AssignmentPatchBody = z
  .object(termFields)
  .superRefine(checkTerm)
  .meta({ id: "RoleAssignmentPatch", description: "Changes the term only; the user and the role of an assignment never change" });
export const AssignmentOut = z
  .object({
    id: z.string(),
    user: z.string(),
    role: z.string(),
    created_at: z.string(),
    starts_at: z.string().nullable().describe("When the grant starts working; null: since it was made"),
    ends_at: z.string().nullable().describe("When the grant stops working; null: no end"),
  })
  .meta({ id: "RoleAssignment" });

// Staff ------------------------------------------------------------------------------------------
export const StaffOrdering = QueryOrdering(USER_ORDERING_FIELDS, "full_name,id");
export const StaffListQuery = listQuery({
  search: QueryText(200).describe("Text in email, phone or name"),
  is_active: QueryBoolean.describe("true or false"),
  ordering: StaffOrdering,
});
export const StaffOut = UserOut.extend({
  roles: z.array(z.object({ id: z.string(), name: z.string() })).describe("Roles held now: grants within their term"),
  role_terms: z
    .array(
      z.object({
        assignment: z.string().describe("Role assignment id (PATCH /role-assignments/{id}/ changes the term)"),
        role: z.object({ id: z.string(), name: z.string() }),
        starts_at: z.string().nullable(),
        ends_at: z.string().nullable(),
      }),
    )
    .describe("Grants with a term that has not ended: held now until ends_at, or from starts_at on. Open-ended grants are not listed"),
  teacher: z.object({ employee_number: z.string(), subjects: z.array(z.string()) }).nullable(),
}).meta({ id: "StaffUser" });
const staffFields = (rules: InputRules) => ({
  email: EmailField.nullable(),
  phone: PhoneField(rules).nullable(),
  full_name: z.string().trim().max(200),
  is_active: z.boolean().describe("false deactivates: the user's sessions end at once"),
  teacher: Teacher.nullable(),
  roles: z
    .array(z.string().trim().min(1, "This field may not be blank.").max(100))
    .max(50)
    .describe("Role names: replace the user's roles (needs roles.change, and every permission of each role given or taken away)"),
});
export const StaffPutBody = byRules((rules) => {
  const fields = staffFields(rules);
  return z.object({ ...fields, teacher: fields.teacher.optional(), roles: fields.roles.optional() }).meta({ id: "StaffPut" });
});
export const StaffPatchBody = byRules((rules) =>
  z
    .object({
      ...staffFields(rules),
      password: NewPassword(rules).describe(
        "A temporary password (needs users.change, and every permission the user holds): ends the user's sessions; until they choose their own, they reach only auth/password, me and logout. Not your own: use POST /auth/password/",
      ),
    })
    .partial()
    .meta({ id: "StaffPatch" }),
);

// Students ---------------------------------------------------------------------------------------
export const StudentOrdering = QueryOrdering(["last_name", "first_name", "admission_number", "date_of_birth"], "last_name,first_name,id");
export const StudentListQuery = listQuery({
  search: QueryText(100).describe("Text in names or admission number"),
  class: QueryIdOrNull('Invalid pk "{}" - object does not exist.').describe("Class id, or null for students without a class"),
  ordering: StudentOrdering,
});
const DateOfBirth = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date has wrong format. Use YYYY-MM-DD.")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && d.getUTCFullYear() >= 1900 && d.getTime() <= Date.now();
  }, "Enter a real date of birth between 1900 and today.");
export const StudentBody = z
  .object({
    first_name: Text(100),
    last_name: Text(100),
    admission_number: Text(50).describe("Unique within the school"),
    class: Ref.nullable().default(null).describe("Class id, or null"),
    date_of_birth: DateOfBirth.nullable().default(null).describe("YYYY-MM-DD, or null"),
  })
  .meta({ id: "StudentWrite" });
export const StudentPatchBody = z
  .object({
    first_name: Text(100).optional(),
    last_name: Text(100).optional(),
    admission_number: Text(50).optional(),
    class: Ref.nullable().optional(),
    date_of_birth: DateOfBirth.nullable().optional(),
  })
  .meta({ id: "StudentPatch" });
export const StudentOut = z
  .object({
    id: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    admission_number: z.string(),
    class: z.string().nullable(),
    date_of_birth: z.string().nullable(),
  })
  .meta({ id: "Student" });

// Classes ----------------------------------------------------------------------------------------
export const ClassOrdering = QueryOrdering(["name", "grade"], "grade,name,id");
export const ClassListQuery = listQuery({
  search: QueryText(100).describe("Text in the name"),
  teacher: QueryId.describe("Staff user id"),
  grade: QueryInteger.describe("Integer"),
  ordering: ClassOrdering,
});
const Grade = z
  .number({ error: "A valid integer is required." })
  .int("A valid integer is required.")
  .min(0, "Ensure this value is greater than or equal to 0.")
  .max(20, "Ensure this value is less than or equal to 20.");
export const ClassBody = z
  .object({ name: Text(100), grade: Grade, teacher: Ref.nullable().default(null).describe("Staff user id, or null") })
  .meta({ id: "ClassWrite" });
export const ClassPatchBody = z
  .object({ name: Text(100).optional(), grade: Grade.optional(), teacher: Ref.nullable().optional() })
  .meta({ id: "ClassPatch" });
export const ClassOut = z
  .object({ id: z.string(), name: z.string(), grade: z.number().int(), teacher: z.string().nullable() })
  .meta({ id: "Class" });

// ── the school's own settings ────────────────────────────────────────────────────────────────────
/** The school's two-factor policy, as the system API (the client object) and the school's settings say it. */
export const MfaRequired = z
  .boolean()
  .describe(
    "The school's staff must turn on two-factor sign-in: until they do, their tokens reach only auth/mfa/totp (and confirm), auth/me, auth/password and auth/logout (403 mfa_enrolment_required elsewhere); takes effect at once",
  );

export const SchoolSettingsOut = z.object({ mfa_required: MfaRequired }).meta({ id: "SchoolSettings" });
export const SchoolSettingsPatchBody = z
  .object({ mfa_required: MfaRequired.optional() })
  .meta({ id: "SchoolSettingsPatch", description: "Only a full admin (a user holding every permission) may change them" });

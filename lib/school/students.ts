// Students of a school (API.md §6): admission number unique per school, class of this school.
import { withTenant } from "@/lib/db/tenant-scope";
import { ApiError } from "@/lib/http/errors";
import { isId } from "@/lib/http/ids";
import { paginatedRead } from "@/lib/http/pagination";
import { likeText } from "@/lib/http/search";
import { withoutControlCharacters } from "@/lib/http/query-text";
import { joinSql, prepared, runPlan, runScript, sql, SqlText, tenantContext } from "@/lib/db/tenant-script";
import { auditStatement, recordAudit } from "@/lib/audit/record-audit";
import { v7 as uuidv7 } from "uuid";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertRef, invalidRef } from "@/lib/school/references";
import { schoolAuditActor, type SchoolActor } from "@/lib/school/school-actor";

const select = { id: true, firstName: true, lastName: true, admissionNumber: true, classId: true, dateOfBirth: true } as const;
type Row = Prisma.StudentGetPayload<{ select: typeof select }>;

export function toStudentOut(s: Row) {
  return {
    id: s.id, first_name: s.firstName, last_name: s.lastName, admission_number: s.admissionNumber,
    class: s.classId, date_of_birth: s.dateOfBirth ? s.dateOfBirth.toISOString().slice(0, 10) : null,
  };
}

/** A unique violation (Prisma's P2002, PostgreSQL's 23505) on the admission number is 409. */
function admissionConflict(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === "P2002" || code === "23505") {
    throw ApiError.conflict("admission_number", "A student with this admission number already exists in this school.", "A student with this admission number already exists.");
  }
  throw error;
}

// One row: the count, and the page as JSON text in the response's shape (toStudentOut: the
// columns are named as its fields, and JSON writes a date as YYYY-MM-DD), ordered in the aggregate.
export const studentsPageSql = (where: string, limit: string) => `
  SELECT (SELECT count(*)::int FROM students WHERE ${where}) AS n,
         COALESCE((SELECT json_agg(s ORDER BY s.last_name, s.first_name, s.id) FROM (
                     SELECT id, first_name, last_name, admission_number, class_id AS class, date_of_birth
                     FROM students WHERE ${where} ORDER BY last_name, first_name, id ${limit}) s), '[]')::text AS rows`;
// The unfiltered list is the one integrations poll: it is prepared.
const unfilteredPage = prepared(studentsPageSql("client_id = app_current_client()", "LIMIT $1 OFFSET $2"));

/**
 * The hot list as a read plan (in the same message as the authentication query,
 * lib/db/tenant-script.ts): `?search=` (name or admission number), `?class=<id>|null`.
 */
export function studentsPage(url: URL) {
  const search = withoutControlCharacters(url.searchParams.get("search") ?? "").trim().slice(0, 100);
  const klass = url.searchParams.get("class");
  if (klass && klass !== "null" && !isId(klass)) throw invalidRef("class", klass);
  const conditions = [sql`client_id = app_current_client()`];
  if (klass === "null") conditions.push(sql`class_id IS NULL`);
  else if (klass) conditions.push(sql`class_id = ${klass.toLowerCase()}::uuid`);
  if (search) {
    const pattern = `%${likeText(search)}%`;
    conditions.push(sql`(first_name ILIKE ${pattern} OR last_name ILIKE ${pattern} OR admission_number ILIKE ${pattern})`);
  }
  const where = joinSql(conditions, " AND ").text;
  return paginatedRead<ReturnType<typeof toStudentOut>>(url, ({ skip, take }) => conditions.length > 1
    ? new SqlText(studentsPageSql(where, sql`LIMIT ${take} OFFSET ${skip}`.text))
    : unfilteredPage.run(take, skip));
}

export async function listStudents(tenantId: string, url: URL) {
  return (await runPlan(tenantId, studentsPage(url))).parsed();
}

export async function getStudent(tenantId: string, id: string) {
  const row = await withTenant(tenantId, (tx) => tx.student.findFirst({ where: { id, clientId: tenantId }, select }));
  if (!row) throw ApiError.notFound();
  return toStudentOut(row);
}

type StudentInput = { first_name?: string; last_name?: string; admission_number?: string; class?: string | null; date_of_birth?: string | null };

function data(input: StudentInput, classId: string | null | undefined) {
  return {
    firstName: input.first_name, lastName: input.last_name, admissionNumber: input.admission_number, classId,
    dateOfBirth: input.date_of_birth === undefined ? undefined : input.date_of_birth === null ? null : new Date(`${input.date_of_birth}T00:00:00Z`),
  };
}

// Creating a student is the hot write (a school's start-of-year import, integrations): the row and
// its audit event in one message, so one transaction, under row-level security. The class is
// checked by the composite foreign key (class_id, client_id): another school's class or an
// unknown one fails it like a missing row.
const insertStudent = prepared(`
  INSERT INTO students (id, client_id, first_name, last_name, admission_number, class_id, date_of_birth)
  VALUES ($1::uuid, app_current_client(), $2::text, $3::text, $4::text, $5::uuid, $6::date)
  RETURNING id, first_name, last_name, admission_number, class_id AS class, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth`);

export async function createStudent(input: Required<StudentInput>, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  if (input.class !== null && !isId(input.class)) throw invalidRef("class", input.class);
  const id = uuidv7();
  try {
    const [, inserted] = await runScript([
      tenantContext(tenantId),
      insertStudent.run(id, input.first_name, input.last_name, input.admission_number, input.class?.toLowerCase() ?? null, input.date_of_birth),
      auditStatement({ action: "school.student.created", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "student", id } }, actor.origin),
    ]);
    return inserted.rows[0] as ReturnType<typeof toStudentOut>;
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === "23503" && constraint?.includes("class") && input.class !== null) throw invalidRef("class", input.class);
    admissionConflict(error);
  }
}

export async function updateStudent(id: string, patch: StudentInput, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  const row = await withTenant(tenantId, async (tx) => {
    if (!(await tx.student.findFirst({ where: { id, clientId: tenantId }, select: { id: true } }))) throw ApiError.notFound();
    const classId = patch.class === undefined ? undefined : patch.class === null ? null : await assertRef(tx, "class", patch.class, tenantId);
    return tx.student.update({ where: { id }, data: data(patch, classId), select });
  }).catch(admissionConflict);
  await recordAudit({ action: "school.student.updated", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "student", id }, metadata: { changed: Object.keys(patch) } }, actor.origin);
  return toStudentOut(row);
}

export async function deleteStudent(id: string, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  const { count } = await withTenant(tenantId, (tx) => tx.student.deleteMany({ where: { id, clientId: tenantId } }));
  if (count === 0) throw ApiError.notFound();
  await recordAudit({ action: "school.student.deleted", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "student", id } }, actor.origin);
}

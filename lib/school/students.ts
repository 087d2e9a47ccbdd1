// Students of a school (the REST contract §6): admission number unique per school, class of this
// school. The list and the create are the hot paths, in hand-written one-round-trip SQL (their
// answers are checked against StudentOut by test/hot-reads.test.ts); the rest is Prisma. Every
// write and its audit row are one transaction.
import { withSchool } from "@/lib/db/school-scope";
import { ApiError } from "@/lib/http/api-error";
import { isId } from "@/lib/http/ids";
import { paginatedRead, type PageRequest } from "@/lib/http/pagination";
import { likeText } from "@/lib/http/search";
import { defaultOrdering, mapOrdering, type OrderColumns, type Ordering, type OrderingField } from "@/lib/http/query";
import { joinSql, prepared, runPlan, runScript, sql, SqlText, schoolContext, type PreparedStatement } from "@/lib/db/sql-script";
import { audit, auditStatement } from "@/lib/audit/record-audit";
import { auditActor, type Actor } from "@/lib/audit/actor";
import { studentName } from "@/lib/audit/target-labels";
import { v7 as uuidv7 } from "uuid";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertRef, invalidRef } from "@/lib/school/references";
import { StudentOrdering } from "@/lib/school/school-schemas";

const select = { id: true, firstName: true, lastName: true, admissionNumber: true, classId: true, dateOfBirth: true } as const;
type Row = Prisma.StudentGetPayload<{ select: typeof select }>;

export type StudentOutput = ReturnType<typeof toStudentOut>;

export function toStudentOut(s: Row) {
  return {
    id: s.id,
    first_name: s.firstName,
    last_name: s.lastName,
    admission_number: s.admissionNumber,
    class: s.classId,
    date_of_birth: s.dateOfBirth ? s.dateOfBirth.toISOString().slice(0, 10) : null,
  };
}

type StudentField = OrderingField<typeof StudentOrdering>;

// ORDER BY cannot be a parameter: it is written from this fixed table only (a client's text picks
// among these terms and never reaches the SQL), so each order is a statement text of its own. A
// student without a date of birth sorts last either way. The names are the columns of `students`
// and, as the page query names them the same, of the aggregated rows too.
const DIRECTION = { asc: "ASC", desc: "DESC" } as const;
const studentColumns: OrderColumns<StudentField, string> = {
  last_name: (d) => `last_name ${DIRECTION[d]}`,
  first_name: (d) => `first_name ${DIRECTION[d]}`,
  admission_number: (d) => `admission_number ${DIRECTION[d]}`,
  date_of_birth: (d) => `date_of_birth ${DIRECTION[d]} NULLS LAST`,
  id: (d) => `id ${DIRECTION[d]}`,
};
const orderSql = (ordering: Ordering<StudentField>) => mapOrdering(ordering, studentColumns).join(", ");
const BY_NAME = orderSql(defaultOrdering(StudentOrdering));

// One row: the count, and the page as JSON text in the response's shape (toStudentOut: the
// columns are named as its fields, and JSON writes a date as YYYY-MM-DD), ordered in the aggregate.
// `order` is an ORDER BY list from `orderSql`, never anything else.
export const studentsPageSql = (where: string, limit: string, order: string = BY_NAME) => `
  SELECT (SELECT count(*)::int FROM students WHERE ${where}) AS n,
         COALESCE((SELECT json_agg(s ORDER BY ${order}) FROM (
                     SELECT id, first_name, last_name, admission_number, class_id AS class, date_of_birth
                     FROM students WHERE ${where} ORDER BY ${order} ${limit}) s), '[]')::text AS rows`;

// The unfiltered list is the one integrations poll: it is prepared, once per order asked for (a
// bounded number: the orders the table above can write).
const unfilteredPages = new Map<string, PreparedStatement>();
function unfilteredPage(order: string): PreparedStatement {
  let statement = unfilteredPages.get(order);
  if (!statement) {
    statement = prepared(studentsPageSql("client_id = app_current_client()", "LIMIT $1 OFFSET $2", order));
    unfilteredPages.set(order, statement);
  }
  return statement;
}

/**
 * The hot list as a read plan (in the same message as the authentication statement,
 * lib/db/sql-script.ts): `search` in names or admission number, `class` an id or null (none),
 * `ordering` as `?ordering=` parsed it (the default: by name).
 */
export function studentsPage(options: { search?: string; class?: string | null; ordering?: Ordering<StudentField>; page: PageRequest }) {
  const { search, class: klass, page } = options;
  const order = options.ordering ? orderSql(options.ordering) : BY_NAME;
  const conditions = [sql`client_id = app_current_client()`];
  if (klass === null) conditions.push(sql`class_id IS NULL`);
  else if (klass !== undefined) conditions.push(sql`class_id = ${klass}::uuid`);
  if (search) {
    const pattern = `%${likeText(search)}%`;
    conditions.push(sql`(first_name ILIKE ${pattern} OR last_name ILIKE ${pattern} OR admission_number ILIKE ${pattern})`);
  }
  const where = joinSql(conditions, " AND ").text;
  return paginatedRead<StudentOutput>(page, ({ skip, take }) =>
    conditions.length > 1
      ? new SqlText(studentsPageSql(where, sql`LIMIT ${take} OFFSET ${skip}`.text, order))
      : unfilteredPage(order).run(take, skip),
  );
}

export async function listStudents(options: {
  schoolId: string;
  search?: string;
  class?: string | null;
  ordering?: Ordering<StudentField>;
  page: PageRequest;
}) {
  return (await runPlan(options.schoolId, studentsPage(options))).parsed();
}

export async function getStudent(schoolId: string, id: string) {
  const row = await withSchool(schoolId, (tx) => tx.student.findFirst({ where: { id, clientId: schoolId }, select }));
  if (!row) throw ApiError.notFound();
  return toStudentOut(row);
}

type StudentInput = {
  first_name?: string;
  last_name?: string;
  admission_number?: string;
  class?: string | null;
  date_of_birth?: string | null;
};

function data(input: StudentInput, classId: string | null | undefined) {
  return {
    firstName: input.first_name,
    lastName: input.last_name,
    admissionNumber: input.admission_number,
    classId,
    dateOfBirth:
      input.date_of_birth === undefined ? undefined : input.date_of_birth === null ? null : new Date(`${input.date_of_birth}T00:00:00Z`),
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

export async function createStudent(options: { schoolId: string; actor: Actor; student: Required<StudentInput> }) {
  const { schoolId, actor, student: input } = options;
  if (input.class !== null && !isId(input.class)) throw invalidRef("class", input.class);
  const id = uuidv7();
  try {
    const [, inserted] = await runScript([
      schoolContext(schoolId),
      insertStudent.run(
        id,
        input.first_name,
        input.last_name,
        input.admission_number,
        input.class?.toLowerCase() ?? null,
        input.date_of_birth,
      ),
      auditStatement(
        { action: "school.student.created", actor: auditActor(actor.principal), schoolId, target: { type: "student", id } },
        actor.origin,
      ),
    ]);
    return inserted.rows[0] as StudentOutput;
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === "23503" && constraint?.includes("class") && input.class !== null) throw invalidRef("class", input.class);
    throw error;
  }
}

export async function updateStudent(options: { schoolId: string; actor: Actor; id: string; patch: StudentInput }) {
  const { schoolId, actor, id, patch } = options;
  const row = await withSchool(schoolId, async (tx) => {
    if (!(await tx.student.findFirst({ where: { id, clientId: schoolId }, select: { id: true } }))) throw ApiError.notFound();
    const classId =
      patch.class === undefined ? undefined : patch.class === null ? null : await assertRef(tx, "class", patch.class, schoolId);
    const updated = await tx.student.update({ where: { id }, data: data(patch, classId), select });
    await audit(
      tx,
      {
        action: "school.student.updated",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "student", id },
        metadata: { changed: Object.keys(patch) },
      },
      actor.origin,
    );
    return updated;
  });
  return toStudentOut(row);
}

export async function deleteStudent(options: { schoolId: string; actor: Actor; id: string }) {
  const { schoolId, actor, id } = options;
  await withSchool(schoolId, async (tx) => {
    // No such student of this school: Prisma's not-found, a 404.
    const gone = await tx.student.delete({ where: { id, clientId: schoolId }, select: { firstName: true, lastName: true } });
    await audit(
      tx,
      {
        action: "school.student.deleted",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "student", id },
        metadata: { name: studentName(gone) },
      },
      actor.origin,
    );
  });
}

// Classes of a school (the REST contract §6): a grade and, optionally, a teacher who is staff of
// this school. Every write and its audit row are one transaction.
import { withSchool } from "@/lib/db/school-scope";
import { ApiError } from "@/lib/http/api-error";
import { paginate, type PageRequest } from "@/lib/http/pagination";
import { likeText } from "@/lib/http/search";
import { defaultOrdering, mapOrdering, type OrderColumns, type Ordering, type OrderingField } from "@/lib/http/query";
import { audit } from "@/lib/audit/record-audit";
import { auditActor, type Actor } from "@/lib/audit/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertRef } from "@/lib/school/references";
import { ClassOrdering } from "@/lib/school/school-schemas";

const select = { id: true, name: true, grade: true, teacherId: true } as const;
type Row = Prisma.SchoolClassGetPayload<{ select: typeof select }>;

export const toClassOut = (c: Row) => ({ id: c.id, name: c.name, grade: c.grade, teacher: c.teacherId });

type ClassField = OrderingField<typeof ClassOrdering>;
const BY_GRADE = defaultOrdering(ClassOrdering);
const classOrderBy: OrderColumns<ClassField, Prisma.SchoolClassOrderByWithRelationInput> = {
  name: (d) => ({ name: d }),
  grade: (d) => ({ grade: d }),
  id: (d) => ({ id: d }),
};

export async function listClasses(options: {
  schoolId: string;
  search?: string;
  teacher?: string;
  grade?: number;
  ordering?: Ordering<ClassField>;
  page: PageRequest;
}) {
  const { schoolId, search, teacher, grade, ordering = BY_GRADE, page } = options;
  const where: Prisma.SchoolClassWhereInput = {
    clientId: schoolId,
    ...(search ? { name: { contains: likeText(search), mode: "insensitive" } } : {}),
    ...(teacher ? { teacherId: teacher } : {}),
    ...(grade !== undefined ? { grade } : {}),
  };
  return withSchool(schoolId, (tx) =>
    paginate(
      page,
      {
        count: () => tx.schoolClass.count({ where }),
        rows: ({ skip, take }) => tx.schoolClass.findMany({ where, select, orderBy: mapOrdering(ordering, classOrderBy), skip, take }),
      },
      toClassOut,
    ),
  );
}

export async function getClass(schoolId: string, id: string) {
  const row = await withSchool(schoolId, (tx) => tx.schoolClass.findFirst({ where: { id, clientId: schoolId }, select }));
  if (!row) throw ApiError.notFound();
  return toClassOut(row);
}

export async function createClass(options: {
  schoolId: string;
  actor: Actor;
  class: { name: string; grade: number; teacher: string | null };
}) {
  const { schoolId, actor, class: input } = options;
  const row = await withSchool(schoolId, async (tx) => {
    const teacherId = input.teacher === null ? null : await assertRef(tx, "user", input.teacher, schoolId, "teacher");
    const created = await tx.schoolClass.create({ data: { clientId: schoolId, name: input.name, grade: input.grade, teacherId }, select });
    await audit(
      tx,
      { action: "school.class.created", actor: auditActor(actor.principal), schoolId, target: { type: "class", id: created.id } },
      actor.origin,
    );
    return created;
  });
  return toClassOut(row);
}

export async function updateClass(options: {
  schoolId: string;
  actor: Actor;
  id: string;
  patch: { name?: string; grade?: number; teacher?: string | null };
}) {
  const { schoolId, actor, id, patch } = options;
  const row = await withSchool(schoolId, async (tx) => {
    if (!(await tx.schoolClass.findFirst({ where: { id, clientId: schoolId }, select: { id: true } }))) throw ApiError.notFound();
    const teacherId =
      patch.teacher === undefined
        ? undefined
        : patch.teacher === null
          ? null
          : await assertRef(tx, "user", patch.teacher, schoolId, "teacher");
    const updated = await tx.schoolClass.update({ where: { id }, data: { name: patch.name, grade: patch.grade, teacherId }, select });
    await audit(
      tx,
      {
        action: "school.class.updated",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "class", id },
        metadata: { changed: Object.keys(patch) },
      },
      actor.origin,
    );
    return updated;
  });
  return toClassOut(row);
}

/** Its students stay, without a class. */
export async function deleteClass(options: { schoolId: string; actor: Actor; id: string }) {
  const { schoolId, actor, id } = options;
  await withSchool(schoolId, async (tx) => {
    const gone = await tx.schoolClass.findFirst({ where: { id, clientId: schoolId }, select: { name: true } });
    if (!gone) throw ApiError.notFound();
    await tx.student.updateMany({ where: { clientId: schoolId, classId: id }, data: { classId: null } });
    await tx.schoolClass.delete({ where: { id } });
    await audit(
      tx,
      {
        action: "school.class.deleted",
        actor: auditActor(actor.principal),
        schoolId,
        target: { type: "class", id },
        metadata: { name: gone.name },
      },
      actor.origin,
    );
  });
}

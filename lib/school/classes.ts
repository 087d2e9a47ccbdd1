// Classes of a school (API.md §6): a grade and, optionally, a teacher who is staff of this school.
import { withTenant } from "@/lib/db/tenant-scope";
import { ApiError } from "@/lib/http/errors";
import { isId } from "@/lib/http/ids";
import { paginate } from "@/lib/http/pagination";
import { searchParam } from "@/lib/http/search";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertRef, invalidRef } from "@/lib/school/references";
import { schoolAuditActor, type SchoolActor } from "@/lib/school/school-actor";

const select = { id: true, name: true, grade: true, teacherId: true } as const;
type Row = Prisma.SchoolClassGetPayload<{ select: typeof select }>;

export const toClassOut = (c: Row) => ({ id: c.id, name: c.name, grade: c.grade, teacher: c.teacherId });

export async function listClasses(tenantId: string, url: URL) {
  const search = searchParam(url, "search", 100);
  const teacher = url.searchParams.get("teacher");
  const grade = url.searchParams.get("grade");
  if (teacher && !isId(teacher)) throw invalidRef("teacher", teacher);
  if (grade && !/^\d{1,2}$/.test(grade)) throw ApiError.invalid({ grade: ["A valid integer is required."] });
  const where: Prisma.SchoolClassWhereInput = {
    clientId: tenantId,
    ...(search ? { name: { contains: search, mode: "insensitive" } } : {}),
    ...(teacher ? { teacherId: teacher.toLowerCase() } : {}),
    ...(grade ? { grade: Number(grade) } : {}),
  };
  return withTenant(tenantId, (tx) =>
    paginate(url, {
      count: () => tx.schoolClass.count({ where }),
      rows: ({ skip, take }) => tx.schoolClass.findMany({ where, select, orderBy: [{ grade: "asc" }, { name: "asc" }, { id: "asc" }], skip, take }),
    }, toClassOut),
  );
}

export async function getClass(tenantId: string, id: string) {
  const row = await withTenant(tenantId, (tx) => tx.schoolClass.findFirst({ where: { id, clientId: tenantId }, select }));
  if (!row) throw ApiError.notFound();
  return toClassOut(row);
}

export async function createClass(input: { name: string; grade: number; teacher: string | null }, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  const row = await withTenant(tenantId, async (tx) => {
    const teacherId = input.teacher === null ? null : await assertRef(tx, "user", input.teacher, tenantId, "teacher");
    return tx.schoolClass.create({ data: { clientId: tenantId, name: input.name, grade: input.grade, teacherId }, select });
  });
  await recordAudit({ action: "school.class.created", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "class", id: row.id } }, actor.origin);
  return toClassOut(row);
}

export async function updateClass(id: string, patch: { name?: string; grade?: number; teacher?: string | null }, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  const row = await withTenant(tenantId, async (tx) => {
    if (!(await tx.schoolClass.findFirst({ where: { id, clientId: tenantId }, select: { id: true } }))) throw ApiError.notFound();
    const teacherId = patch.teacher === undefined ? undefined : patch.teacher === null ? null : await assertRef(tx, "user", patch.teacher, tenantId, "teacher");
    return tx.schoolClass.update({ where: { id }, data: { name: patch.name, grade: patch.grade, teacherId }, select });
  });
  await recordAudit({ action: "school.class.updated", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "class", id }, metadata: { changed: Object.keys(patch) } }, actor.origin);
  return toClassOut(row);
}

/** Its students stay, without a class. */
export async function deleteClass(id: string, actor: SchoolActor) {
  const tenantId = actor.tenant.id;
  await withTenant(tenantId, async (tx) => {
    if (!(await tx.schoolClass.findFirst({ where: { id, clientId: tenantId }, select: { id: true } }))) throw ApiError.notFound();
    await tx.student.updateMany({ where: { clientId: tenantId, classId: id }, data: { classId: null } });
    await tx.schoolClass.delete({ where: { id } });
  });
  await recordAudit({ action: "school.class.deleted", actor: schoolAuditActor(actor.principal), clientId: tenantId, target: { type: "class", id } }, actor.origin);
}

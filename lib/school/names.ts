// The names of a school's objects by id, for pages that show references (a student's class, a
// class's teacher): one query per kind for the ids on the page, under row-level security — never
// the whole list, so a school of any size is named in one round trip.
import { withSchool } from "@/lib/db/school-scope";

export async function classNames(options: {
  schoolId: string;
  ids: (string | null)[];
}): Promise<Record<string, { name: string; grade: number }>> {
  const ids = [...new Set(options.ids.filter((id): id is string => id !== null))];
  if (ids.length === 0) return {};
  const rows = await withSchool(options.schoolId, (tx) =>
    tx.schoolClass.findMany({ where: { clientId: options.schoolId, id: { in: ids } }, select: { id: true, name: true, grade: true } }),
  );
  return Object.fromEntries(rows.map((c) => [c.id, { name: c.name, grade: c.grade }]));
}

export async function staffNames(options: {
  schoolId: string;
  ids: (string | null)[];
}): Promise<Record<string, { name: string; isActive: boolean }>> {
  const ids = [...new Set(options.ids.filter((id): id is string => id !== null))];
  if (ids.length === 0) return {};
  const rows = await withSchool(options.schoolId, (tx) =>
    tx.user.findMany({
      where: { clientId: options.schoolId, id: { in: ids } },
      select: { id: true, fullName: true, email: true, phone: true, isActive: true },
    }),
  );
  return Object.fromEntries(rows.map((u) => [u.id, { name: u.fullName || u.email || u.phone || u.id, isActive: u.isActive }]));
}

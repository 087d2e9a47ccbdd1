// A school's numbers for its console page: staff, students and classes. Read under row-level
// security (withSchool), with the school in every WHERE clause too, in one transaction so the
// three counts are of the same moment.
import { withSchool } from "@/lib/db/school-scope";

export interface SchoolCounts {
  staff: number;
  students: number;
  classes: number;
}

export async function schoolCounts(schoolId: string): Promise<SchoolCounts> {
  return withSchool(schoolId, async (tx) => {
    const where = { clientId: schoolId };
    // One after the other: a transaction's statements share its one connection.
    const staff = await tx.user.count({ where });
    const students = await tx.student.count({ where });
    const classes = await tx.schoolClass.count({ where });
    return { staff, students, classes };
  });
}

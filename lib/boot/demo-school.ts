// The demo school's people and classes, so a first look at the portal shows lists worth looking
// at: four teachers, six classes and sixty students, written through the same domain functions
// (and audited) as the head of the school would write them.
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { publicUserSelect } from "@/lib/users/user-schemas";
import { createSchoolUser } from "@/lib/users/create-user";
import { createClass } from "@/lib/school/classes";
import { createStudent } from "@/lib/school/students";
import type { Actor } from "@/lib/audit/actor";

const TEACHERS = [
  { fullName: "Amara Okafor", email: "amara.okafor", subjects: ["Mathematics"] },
  { fullName: "Lukas Brandt", email: "lukas.brandt", subjects: ["Physics", "Chemistry"] },
  { fullName: "Sofia Marín", email: "sofia.marin", subjects: ["English", "Drama"] },
  { fullName: "Kenji Watanabe", email: "kenji.watanabe", subjects: ["History"] },
];
const CLASSES = [
  { name: "7A", grade: 7 },
  { name: "7B", grade: 7 },
  { name: "8A", grade: 8 },
  { name: "9A", grade: 9 },
  { name: "10 Science", grade: 10 },
  { name: "11 Humanities", grade: 11 },
];
const FIRST = ["Ada", "Ben", "Chloé", "Dev", "Elif", "Femi", "Greta", "Hugo", "Imani", "Jonas", "Kaia", "Leo", "Mei", "Nils", "Omar"];
const LAST = ["Adeyemi", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad"];

export async function populateDemoSchool(options: { schoolId: string; headId: string; domain: string }): Promise<void> {
  const { schoolId, domain } = options;
  const head = await prisma.user.findUniqueOrThrow({ where: { id: options.headId }, select: publicUserSelect });
  const actor: Actor = {
    principal: { kind: "user", user: head, sessionId: "demo-setup" },
    origin: { ip: null, userAgent: null, requestId: null },
  };

  const teacherIds: string[] = [];
  for (const [i, t] of TEACHERS.entries()) {
    const user = await createSchoolUser(schoolId, {
      email: `${t.email}@${domain}`,
      fullName: t.fullName,
      // Nobody signs in as these: their password is random and thrown away.
      password: randomBytes(18).toString("base64url"),
      roleNames: ["Teacher"],
      teacher: { employeeNumber: `T-${String(i + 1).padStart(3, "0")}`, subjects: t.subjects },
    });
    teacherIds.push(user.id);
  }
  const classIds: string[] = [];
  for (const [i, c] of CLASSES.entries()) {
    const created = await createClass({ schoolId, actor, class: { ...c, teacher: teacherIds[i % teacherIds.length] } });
    classIds.push(created.id);
  }
  for (let n = 0; n < 60; n++) {
    const year = 2010 + (n % 6);
    await createStudent({
      schoolId,
      actor,
      student: {
        first_name: FIRST[n % FIRST.length],
        last_name: LAST[(n * 7) % LAST.length],
        admission_number: `GW-${String(2400 + n)}`,
        // Every tenth student has no class yet: the "No class" filter has something to show.
        class: n % 10 === 9 ? null : classIds[n % classIds.length],
        date_of_birth: `${year}-${String((n % 12) + 1).padStart(2, "0")}-${String((n % 27) + 1).padStart(2, "0")}`,
      },
    });
  }
}

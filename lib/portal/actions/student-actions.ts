"use server";
// The students page's server actions: the permission of POST / PATCH / DELETE
// /api/v1/school/students/, the same bodies, the same lib/school/students functions.
import { z } from "zod";
import { portalAction } from "@/lib/portal/portal-action";
import { ObjectId } from "@/lib/http/ids";
import { StudentBody, StudentPatchBody } from "@/lib/school/school-schemas";
import { createStudent, deleteStudent, updateStudent } from "@/lib/school/students";

const EditInput = StudentPatchBody.extend({ id: ObjectId("student") });
const DeleteInput = z.object({ id: ObjectId("student") });

const create = portalAction("students.add", StudentBody, (input, write) => createStudent({ ...write, student: input }));
const edit = portalAction("students.change", EditInput, ({ id, ...patch }, write) => updateStudent({ ...write, id, patch }));
const remove = portalAction("students.delete", DeleteInput, async ({ id }, write) => {
  await deleteStudent({ ...write, id });
  return { id };
});

export async function createStudentAction(input: z.input<typeof StudentBody>) {
  return create(input);
}

export async function editStudentAction(input: z.input<typeof EditInput>) {
  return edit(input);
}

export async function deleteStudentAction(input: z.input<typeof DeleteInput>) {
  return remove(input);
}

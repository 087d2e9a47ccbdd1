"use server";
// The classes page's server actions: the permission of POST / PATCH / DELETE
// /api/v1/school/classes/, the same bodies, the same lib/school/classes functions.
import { z } from "zod";
import { portalAction } from "@/lib/portal/portal-action";
import { ObjectId } from "@/lib/http/ids";
import { ClassBody, ClassPatchBody } from "@/lib/school/school-schemas";
import { createClass, deleteClass, updateClass } from "@/lib/school/classes";

const EditInput = ClassPatchBody.extend({ id: ObjectId("class") });
const DeleteInput = z.object({ id: ObjectId("class") });

const create = portalAction("classes.add", ClassBody, (input, write) => createClass({ ...write, class: input }));
const edit = portalAction("classes.change", EditInput, ({ id, ...patch }, write) => updateClass({ ...write, id, patch }));
const remove = portalAction("classes.delete", DeleteInput, async ({ id }, write) => {
  await deleteClass({ ...write, id });
  return { id };
});

export async function createClassAction(input: z.input<typeof ClassBody>) {
  return create(input);
}

export async function editClassAction(input: z.input<typeof EditInput>) {
  return edit(input);
}

export async function deleteClassAction(input: z.input<typeof DeleteInput>) {
  return remove(input);
}

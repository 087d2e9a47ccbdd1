"use server";
// The roles page's server actions: the permission of POST / PATCH / DELETE
// /api/v1/school/roles/, the same bodies, the same lib/school/roles functions — which refuse
// (403) a role holding a permission the caller lacks, whatever the matrix in the browser allowed.
import { z } from "zod";
import { portalAction } from "@/lib/portal/portal-action";
import { ObjectId } from "@/lib/http/ids";
import { RoleBody, RolePatchBody } from "@/lib/school/school-schemas";
import { createRole, deleteRole, updateRole } from "@/lib/school/roles";

const EditInput = RolePatchBody.extend({ id: ObjectId("role") });
const DeleteInput = z.object({ id: ObjectId("role") });

const create = portalAction("roles.add", RoleBody, (input, write) => createRole({ ...write, role: input }));
const edit = portalAction("roles.change", EditInput, ({ id, ...patch }, write) => updateRole({ ...write, id, patch }));
const remove = portalAction("roles.delete", DeleteInput, async ({ id }, write) => {
  await deleteRole({ ...write, id });
  return { id };
});

export async function createRoleAction(input: z.input<typeof RoleBody>) {
  return create(input);
}

export async function editRoleAction(input: z.input<typeof EditInput>) {
  return edit(input);
}

export async function deleteRoleAction(input: z.input<typeof DeleteInput>) {
  return remove(input);
}

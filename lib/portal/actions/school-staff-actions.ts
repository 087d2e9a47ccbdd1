"use server";
// The staff page's server actions: the permission of POST / PATCH /api/v1/school/users/, the
// same bodies, the same lib/school/staff functions (which refuse handing out roles beyond the
// caller's own, changing roles without roles.change, and acting on colleagues who hold more than
// the caller). Deactivating and reactivating are PATCHes of `is_active`, as in the API. Giving a
// role (for a term or for good) and taking one away are POST / DELETE /api/v1/school/role-assignments/:
// roles.change, the same body, the same lib/school/role-assignments functions (the escalation rules
// and the one-full-admin guard).
import { z } from "zod";
import { inputRules } from "@/lib/env";
import { portalAction } from "@/lib/portal/portal-action";
import { ObjectId } from "@/lib/http/ids";
import { AssignmentBody, StaffPatchBody } from "@/lib/school/school-schemas";
import { createAssignment, deleteAssignment } from "@/lib/school/role-assignments";
import { createStaff, updateStaff } from "@/lib/school/staff";
import { TenantUserCreateBody } from "@/lib/users/user-schemas";

const CreateInput = TenantUserCreateBody(inputRules());
const EditInput = StaffPatchBody(inputRules()).extend({ id: ObjectId("staff member") });

const RemoveRoleInput = z.object({ id: ObjectId("role assignment") });

const create = portalAction("users.add", CreateInput, async (input, write) => {
  const user = await createStaff({ ...write, staff: input });
  return { id: user.id };
});
const edit = portalAction("users.change", EditInput, async ({ id, ...patch }, write) => {
  const user = await updateStaff({ ...write, id, patch });
  return { id: user.id, is_active: user.is_active };
});

const addRole = portalAction("roles.change", AssignmentBody, async (assignment, write) => {
  const created = await createAssignment({ ...write, assignment });
  return { id: created.id };
});
const removeRole = portalAction("roles.change", RemoveRoleInput, async ({ id }, write) => {
  await deleteAssignment({ ...write, id });
  return { id };
});

export async function createStaffAction(input: z.input<typeof CreateInput>) {
  return create(input);
}

export async function editStaffAction(input: z.input<typeof EditInput>) {
  return edit(input);
}

export async function addRoleAction(input: z.input<typeof AssignmentBody>) {
  return addRole(input);
}

export async function removeRoleAction(input: z.input<typeof RemoveRoleInput>) {
  return removeRole(input);
}

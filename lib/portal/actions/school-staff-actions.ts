"use server";
// The staff page's server actions: the permission of POST / PATCH /api/v1/school/users/, the
// same bodies, the same lib/school/staff functions (which refuse handing out roles beyond the
// caller's own, changing roles without roles.change, and acting on colleagues who hold more than
// the caller). Deactivating and reactivating are PATCHes of `is_active`, as in the API. Giving a
// role (for a term or for good) and taking one away are POST / DELETE /api/v1/school/role-assignments/:
// roles.change, the same body, the same lib/school/role-assignments functions (the escalation rules
// and the one-full-admin guard). Changing a grant's term is PATCH /role-assignments/{id}/. A
// temporary password is PATCH /users/{id}/ {"password"}; "Sign out everywhere" is DELETE
// /users/{id}/sessions/ (users.change, within reach) — each through the same service.
import { z } from "zod";
import { inputRules } from "@/lib/env";
import { portalAction } from "@/lib/portal/portal-action";
import { ObjectId } from "@/lib/http/ids";
import { AssignmentBody, AssignmentPatchBody, StaffPatchBody } from "@/lib/school/school-schemas";
import { createAssignment, deleteAssignment, updateAssignmentTerm } from "@/lib/school/role-assignments";
import { changeStaffInvitation, createStaff, endStaffSessions, updateStaff } from "@/lib/school/staff";
import { TenantUserCreateBody } from "@/lib/users/user-schemas";

const CreateInput = TenantUserCreateBody(inputRules());
const EditInput = StaffPatchBody(inputRules()).extend({ id: ObjectId("staff member") });

const RemoveRoleInput = z.object({ id: ObjectId("role assignment") });
const ChangeTermInput = z.object({ id: ObjectId("role assignment"), term: AssignmentPatchBody });
const PasswordInput = StaffPatchBody(inputRules())
  .pick({ password: true })
  .required()
  .extend({ id: ObjectId("staff member") });
const StaffIdInput = z.object({ id: ObjectId("staff member") });
const InvitationInput = StaffIdInput.extend({ change: z.enum(["resend", "withdraw"]) });

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

const setPassword = portalAction("users.change", PasswordInput, async ({ id, password }, write) => {
  await updateStaff({ ...write, id, patch: { password } });
  return null;
});
// POST / DELETE /users/{id}/invitation/: users.add, as inviting them took.
const changeInvitation = portalAction("users.add", InvitationInput, async ({ id, change }, write) => {
  await changeStaffInvitation({ ...write, id, change });
  return null;
});
const endSessions = portalAction("users.change", StaffIdInput, ({ id }, write) => endStaffSessions({ ...write, id }));
const changeTerm = portalAction("roles.change", ChangeTermInput, async ({ id, term }, write) => {
  const updated = await updateAssignmentTerm({ ...write, id, term });
  return { id: updated.id };
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

export async function setTemporaryPasswordAction(input: z.input<typeof PasswordInput>) {
  return setPassword(input);
}

export async function endStaffSessionsAction(input: z.input<typeof StaffIdInput>) {
  return endSessions(input);
}

export async function changeTermAction(input: z.input<typeof ChangeTermInput>) {
  return changeTerm(input);
}

/** Resends (a new link, the old one dies) or withdraws (the link dies, the account is deactivated) an invitation. */
export async function changeStaffInvitationAction(input: z.input<typeof InvitationInput>) {
  return changeInvitation(input);
}

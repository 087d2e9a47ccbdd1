"use server";
// A school's page in the console: add another admin, set a staff member's temporary password,
// deactivate or reactivate them. Through consoleAction ("write": a support user is refused), with
// the bodies and domain functions of /api/v1/system/clients/{id}/users/ — each change writes its
// audit row in its own transaction, and the school keeps a full admin.
import { z } from "zod";
import { inputRules } from "@/lib/env";
import { consoleAction } from "@/lib/console/console-action";
import { ObjectId } from "@/lib/http/ids";
import { FIRST_ADMIN_ROLE } from "@/lib/platform/create-school-with-admin";
import { changeSchoolUserInvitationByPlatform, createSchoolUserByPlatform, updateSchoolUserByPlatform } from "@/lib/platform/school-users";
import { TenantUserCreateBody, TenantUserPatchBody } from "@/lib/users/user-schemas";

const SchoolId = ObjectId("school");
const UserId = ObjectId("user");

function AddAdminInput() {
  return z.object({ school: SchoolId, admin: TenantUserCreateBody(inputRules()) });
}

function PasswordInput() {
  return TenantUserPatchBody(inputRules()).pick({ password: true }).required().extend({ school: SchoolId, id: UserId });
}

const StatusInput = z.object({ school: SchoolId, id: UserId, is_active: z.boolean() });
const InvitationInput = z.object({ school: SchoolId, id: UserId, change: z.enum(["resend", "withdraw"]) });

/** A new user of the school with the "Admin" role (whatever `roles` says), as POST …/users/ makes one. */
export async function addSchoolAdminAction(input: z.input<ReturnType<typeof AddAdminInput>>) {
  return consoleAction("write", AddAdminInput(), async ({ school, admin }, actor) => {
    const user = await createSchoolUserByPlatform({
      schoolId: school,
      actor,
      user: { ...admin, roles: [FIRST_ADMIN_ROLE], teacher: null },
    });
    return { id: user.id };
  })(input);
}

/** A temporary password: every session of theirs ends; they must choose their own at next sign-in. */
export async function setSchoolUserPasswordAction(input: z.input<ReturnType<typeof PasswordInput>>) {
  return consoleAction("write", PasswordInput(), async ({ school, id, password }, actor) => {
    const user = await updateSchoolUserByPlatform({ schoolId: school, actor, id, patch: { password } });
    return { id: user.id };
  })(input);
}

export async function setSchoolUserActiveAction(input: z.input<typeof StatusInput>) {
  return consoleAction("write", StatusInput, async ({ school, id, is_active }, actor) => {
    const user = await updateSchoolUserByPlatform({ schoolId: school, actor, id, patch: { is_active } });
    return { id: user.id, is_active: user.is_active };
  })(input);
}

/** Resends or withdraws a school user's invitation (POST / DELETE …/clients/{id}/users/{uid}/invitation/). */
export async function changeSchoolUserInvitationAction(input: z.input<typeof InvitationInput>) {
  return consoleAction("write", InvitationInput, async ({ school, id, change }, actor) => {
    await changeSchoolUserInvitationByPlatform({ schoolId: school, actor, id, change });
    return null;
  })(input);
}

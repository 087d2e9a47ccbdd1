"use server";
// The staff pages' writes: superadmins only (the REST contract §5), through the console's pipeline with the
// same bodies and domain functions as /api/v1/system/users/ — so the console can do nothing the
// API refuses, and every change lands in the audit trail the same way.
import { inputRules } from "@/lib/env";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleAction } from "@/lib/console/console-action";
import { ObjectId } from "@/lib/http/ids";
import {
  changePlatformUserInvitation,
  createPlatformStaff,
  deletePlatformUser,
  endPlatformUserSessions,
  updatePlatformUser,
} from "@/lib/platform/platform-users";
import { PlatformUserCreateBody, PlatformUserPatchBody } from "@/lib/users/user-schemas";

const PATH = "/console/staff";
const UserId = ObjectId("user");

export type StaffCreateInput = z.input<ReturnType<typeof PlatformUserCreateBody>>;

/** The list and the staff member's page both show the change. */
function revalidateStaff(id: string) {
  revalidatePath(PATH);
  revalidatePath(`${PATH}/${id}`);
}

export async function createStaffMember(input: StaffCreateInput) {
  return consoleAction("superadmin", PlatformUserCreateBody(inputRules()), async (body, actor) => {
    const user = await createPlatformStaff({ actor, user: body });
    revalidatePath(PATH);
    return user;
  })(input);
}

const ChangeBody = () =>
  PlatformUserPatchBody(inputRules())
    .pick({ full_name: true, email: true, phone: true, platform_role: true, is_active: true })
    .extend({ id: UserId });

/**
 * A platform user's name, email, phone, role or active state: PATCH /system/users/{id}/ without
 * the password, which has its own action (and its own audit event).
 */
export async function changeStaffMember(input: z.input<ReturnType<typeof ChangeBody>>) {
  return consoleAction("superadmin", ChangeBody(), async ({ id, ...patch }, actor) => {
    const user = await updatePlatformUser({ actor, id, patch });
    revalidateStaff(id);
    return user;
  })(input);
}

const PasswordBody = () => PlatformUserPatchBody(inputRules()).pick({ password: true }).required().extend({ id: UserId });

/**
 * A temporary password for someone else (PATCH's `password`): their sessions end, and they must
 * choose their own at their next sign-in. The service refuses one's own (that is "Change your password").
 */
export async function setStaffPassword(input: { id: string; password: string }) {
  return consoleAction("superadmin", PasswordBody(), async ({ id, password }, actor) => {
    await updatePlatformUser({ actor, id, patch: { password } });
    revalidateStaff(id);
    return null;
  })(input);
}

/** Signs them out everywhere (DELETE /system/users/{id}/sessions/): every session ends at once. */
export async function endStaffMemberSessions(input: { id: string }) {
  return consoleAction("superadmin", z.object({ id: UserId }), async ({ id }, actor) => {
    const ended = await endPlatformUserSessions({ actor, id });
    revalidateStaff(id);
    return ended;
  })(input);
}

export async function deleteStaffMember(input: { id: string }) {
  return consoleAction("superadmin", z.object({ id: UserId }), async ({ id }, actor) => {
    await deletePlatformUser({ actor, id });
    revalidatePath(PATH);
    return null;
  })(input);
}

/** Resends or withdraws a platform user's invitation (POST / DELETE /system/users/{id}/invitation/). */
export async function changeStaffMemberInvitation(input: { id: string; change: "resend" | "withdraw" }) {
  return consoleAction("superadmin", z.object({ id: UserId, change: z.enum(["resend", "withdraw"]) }), async ({ id, change }, actor) => {
    await changePlatformUserInvitation({ actor, id, change });
    revalidateStaff(id);
    return null;
  })(input);
}

"use server";
// The staff page's writes: superadmins only (the REST contract §5), through the console's pipeline with the
// same bodies and domain functions as /api/v1/system/users/ — so the console can do nothing the
// API refuses, and every change lands in the audit trail the same way.
import { inputRules } from "@/lib/env";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleAction } from "@/lib/console/console-action";
import { ObjectId } from "@/lib/http/ids";
import { createPlatformStaff, deletePlatformUser, updatePlatformUser } from "@/lib/platform/platform-users";
import { type PLATFORM_ROLES, PlatformUserCreateBody, PlatformUserPatchBody } from "@/lib/users/user-schemas";

const PATH = "/console/staff";
const UserId = ObjectId("user");

export type StaffCreateInput = z.input<ReturnType<typeof PlatformUserCreateBody>>;

export async function createStaffMember(input: StaffCreateInput) {
  return consoleAction("superadmin", PlatformUserCreateBody(inputRules()), async (body, actor) => {
    const user = await createPlatformStaff({ actor, user: body });
    revalidatePath(PATH);
    return user;
  })(input);
}

/** The console changes a platform user's role or active state; other fields stay API-only. */
export async function changeStaffMember(input: { id: string; platform_role?: (typeof PLATFORM_ROLES)[number]; is_active?: boolean }) {
  const Body = PlatformUserPatchBody(inputRules()).pick({ platform_role: true, is_active: true }).extend({ id: UserId });
  return consoleAction("superadmin", Body, async ({ id, ...patch }, actor) => {
    const user = await updatePlatformUser({ actor, id, patch });
    revalidatePath(PATH);
    return user;
  })(input);
}

export async function deleteStaffMember(input: { id: string }) {
  return consoleAction("superadmin", z.object({ id: UserId }), async ({ id }, actor) => {
    await deletePlatformUser({ actor, id });
    revalidatePath(PATH);
    return null;
  })(input);
}

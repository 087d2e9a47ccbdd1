"use server";
// The staff page's server actions: the permission of POST / PATCH /api/v1/school/users/, the
// same bodies, the same lib/school/staff functions (which refuse handing out roles beyond the
// caller's own, and acting on colleagues who hold more than the caller).
import { inputRules } from "@/lib/env";
import { z } from "zod";
import { portalAction } from "@/lib/portal/portal-action";
import { ObjectId } from "@/lib/portal/ids";
import { createStaff, updateStaff } from "@/lib/school/staff";
import { TenantUserCreateBody } from "@/lib/users/user-schemas";

const CreateInput = TenantUserCreateBody(inputRules());
const StatusInput = z.object({ id: ObjectId("staff member"), is_active: z.boolean() });

const create = portalAction("users.add", CreateInput, async (input, write) => {
  const user = await createStaff({ ...write, staff: input });
  return { id: user.id };
});
const setStatus = portalAction("users.change", StatusInput, async ({ id, is_active }, write) => {
  const user = await updateStaff({ ...write, id, patch: { is_active } });
  return { id: user.id, is_active: user.is_active };
});

export async function createStaffAction(input: z.input<typeof CreateInput>) {
  return create(input);
}

export async function setStaffStatusAction(input: z.input<typeof StatusInput>) {
  return setStatus(input);
}

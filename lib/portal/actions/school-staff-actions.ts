"use server";
// The staff page's server actions: the permission of POST / PATCH /api/v1/school/users/, the
// same bodies, the same lib/school/staff functions (which refuse handing out roles beyond the
// caller's own, changing roles without roles.change, and acting on colleagues who hold more than
// the caller). Deactivating and reactivating are PATCHes of `is_active`, as in the API.
import type { z } from "zod";
import { inputRules } from "@/lib/env";
import { portalAction } from "@/lib/portal/portal-action";
import { ObjectId } from "@/lib/http/ids";
import { StaffPatchBody } from "@/lib/school/school-schemas";
import { createStaff, updateStaff } from "@/lib/school/staff";
import { TenantUserCreateBody } from "@/lib/users/user-schemas";

const CreateInput = TenantUserCreateBody(inputRules());
const EditInput = StaffPatchBody(inputRules()).extend({ id: ObjectId("staff member") });

const create = portalAction("users.add", CreateInput, async (input, write) => {
  const user = await createStaff({ ...write, staff: input });
  return { id: user.id };
});
const edit = portalAction("users.change", EditInput, async ({ id, ...patch }, write) => {
  const user = await updateStaff({ ...write, id, patch });
  return { id: user.id, is_active: user.is_active };
});

export async function createStaffAction(input: z.input<typeof CreateInput>) {
  return create(input);
}

export async function editStaffAction(input: z.input<typeof EditInput>) {
  return edit(input);
}

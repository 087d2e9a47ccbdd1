"use server";
// The schools page's server actions. Each goes through consoleAction: the signed-in user is
// re-checked (a `support` user is refused), the input is validated with the REST endpoints'
// schemas, and the same domain functions as /api/v1/system/clients/ do the work.
import { inputRules } from "@/lib/env";
import { z } from "zod";
import { consoleAction } from "@/lib/console/console-action";
import { ApiError } from "@/lib/http/api-error";
import { ObjectId } from "@/lib/http/ids";
import { ClientPatchBody } from "@/lib/platform/client-schemas";
import { deleteSchool, getSchool, updateSchool } from "@/lib/platform/schools";
import { SchoolWithAdminCreateBody, createSchoolWithAdmin } from "@/lib/platform/create-school-with-admin";

const SchoolId = ObjectId("school");

const CreateInput = SchoolWithAdminCreateBody();
const EditInput = ClientPatchBody(inputRules()).pick({ name: true, domains: true }).extend({ id: SchoolId });
const StatusInput = z.object({ id: SchoolId, is_active: z.boolean() });
const DeleteInput = z.object({ id: SchoolId, confirm_slug: z.string().trim().max(63) });
const MfaPolicyInput = ClientPatchBody(inputRules()).pick({ mfa_required: true }).required().extend({ id: SchoolId });

const create = consoleAction("write", CreateInput, async (input, actor) => {
  const { client } = await createSchoolWithAdmin({ actor, input });
  return { id: client.id, slug: client.slug };
});

const edit = consoleAction("write", EditInput, async ({ id, ...patch }, actor) => {
  const client = await updateSchool({ actor, id, patch });
  return { id: client.id };
});

const setStatus = consoleAction("write", StatusInput, async ({ id, is_active }, actor) => {
  const client = await updateSchool({ actor, id, patch: { is_active } });
  return { id: client.id, is_active: client.is_active };
});

const setMfaPolicy = consoleAction("write", MfaPolicyInput, async ({ id, mfa_required }, actor) => {
  const client = await updateSchool({ actor, id, patch: { mfa_required } });
  return { id: client.id, mfa_required: client.mfa_required };
});

const remove = consoleAction("write", DeleteInput, async ({ id, confirm_slug }, actor) => {
  // The typed slug is checked here too, not only in the dialog.
  const client = await getSchool(id);
  if (confirm_slug !== client.slug) throw ApiError.invalid({ confirm_slug: [`Type the slug “${client.slug}” exactly to confirm.`] });
  await deleteSchool({ actor, id });
  return { id };
});

export async function createSchoolAction(input: z.input<typeof CreateInput>) {
  return create(input);
}

export async function editSchoolAction(input: z.input<typeof EditInput>) {
  return edit(input);
}

export async function setSchoolStatusAction(input: z.input<typeof StatusInput>) {
  return setStatus(input);
}

/** The school's two-factor policy; `id` is bound by the school's page. */
export async function setSchoolMfaPolicyAction(id: string, input: { mfa_required: boolean }) {
  return setMfaPolicy({ ...input, id });
}

export async function deleteSchoolAction(input: z.input<typeof DeleteInput>) {
  return remove(input);
}

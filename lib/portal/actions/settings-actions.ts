"use server";
// The portal's School settings: the body and the domain function of PATCH /api/v1/school/settings/
// (which holds the caller to being a full admin).
import type { z } from "zod";
import { portalAction } from "@/lib/portal/portal-action";
import { SchoolSettingsPatchBody } from "@/lib/school/school-schemas";
import { updateSchoolSettings } from "@/lib/school/settings";

const update = portalAction(null, SchoolSettingsPatchBody, (patch, write) => updateSchoolSettings({ ...write, patch }));

export async function updateSchoolSettingsAction(input: z.input<typeof SchoolSettingsPatchBody>) {
  return update(input);
}

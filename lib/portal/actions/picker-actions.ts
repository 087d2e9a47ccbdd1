"use server";
// The portal's pickers search with these: the same list functions and permissions as
// GET /api/v1/school/classes/ and /users/, the first matches of what was typed.
import { z } from "zod";
import { QueryText } from "@/lib/http/query";
import { PICKER_SIZE, pickerResults } from "@/lib/pages/picker";
import { portalAction } from "@/lib/portal/portal-action";
import { listClasses } from "@/lib/school/classes";
import { listStaff } from "@/lib/school/staff";

const Text = z.object({ search: QueryText(100) });
const first = { page: 1, pageSize: PICKER_SIZE } as const;

const classes = portalAction("classes.view", Text, async ({ search }, { schoolId }) =>
  pickerResults(await listClasses({ schoolId, search, page: first }), (c) => ({ id: c.id, label: c.name, detail: `Grade ${c.grade}` })),
);

const staff = portalAction("users.view", Text, async ({ search }, { schoolId }) =>
  pickerResults(await listStaff({ schoolId, search, isActive: true, page: first }), (u) => ({
    id: u.id,
    label: u.full_name || u.email || u.phone || u.id,
    detail: u.full_name ? (u.email ?? u.phone ?? undefined) : undefined,
  })),
);

export async function searchClassesAction(search: string) {
  return classes({ search });
}

export async function searchStaffAction(search: string) {
  return staff({ search });
}

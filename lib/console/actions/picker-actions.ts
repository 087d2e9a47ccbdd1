"use server";
// The console's school picker searches with this: the same list function as
// GET /api/v1/system/clients/, the first matches of what was typed.
import { z } from "zod";
import { consoleAction } from "@/lib/console/console-action";
import { QueryText } from "@/lib/http/query";
import { PICKER_SIZE, pickerResults } from "@/lib/pages/picker";
import { listSchools } from "@/lib/platform/schools";

const Text = z.object({ search: QueryText(200) });

const schools = consoleAction("read", Text, async ({ search }) =>
  pickerResults(await listSchools({ search, page: { page: 1, pageSize: PICKER_SIZE } }), (s) => ({
    id: s.id,
    label: s.name,
    detail: s.is_active ? s.slug : `${s.slug} · suspended`,
  })),
);

export async function searchSchoolsAction(search: string) {
  return schools({ search });
}

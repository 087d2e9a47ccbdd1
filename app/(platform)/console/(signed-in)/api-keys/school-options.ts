// Every school, by name, for the console's school pickers and for naming a row's school. Read
// through the same listing as GET /api/v1/system/clients/, a page of 200 at a time.
import { listClients } from "@/lib/platform/clients";

export interface SchoolOption {
  id: string;
  name: string;
  slug: string;
  isActive: boolean;
}

const MAX_PAGES = 25; // 5,000 schools: a picker past that wants a search box instead.

export async function schoolOptions(): Promise<SchoolOption[]> {
  const schools: SchoolOption[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const list = await listClients(new URL(`http://console.invalid/?page_size=200&page=${page}`));
    schools.push(...list.results.map((c) => ({ id: c.id, name: c.name, slug: c.slug, isActive: c.is_active })));
    if (!list.next) break;
  }
  return schools.sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
}

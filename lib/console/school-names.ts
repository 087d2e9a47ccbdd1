// Schools by id or name for the console's server pages: one query of the few columns they need.
import { prisma } from "@/lib/db/client";
import { isId } from "@/lib/http/ids";

/** The names of these schools (a list's rows, a filter's choice), by id; unknown and malformed ids are left out. */
export async function schoolNames(ids: readonly (string | null | undefined)[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => isId(id)).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return {};
  const rows = await prisma.client.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((s) => [s.id, s.name]));
}

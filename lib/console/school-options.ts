// Schools by name for the console's pickers and for naming a row's school: one query of the four
// columns a picker needs.
import { prisma } from "@/lib/db/client";

export interface SchoolOption {
  id: string;
  name: string;
  slug: string;
  isActive: boolean;
}

const LIMIT = 5_000; // a picker past that wants a search box instead

export async function schoolOptions(): Promise<SchoolOption[]> {
  return prisma.client.findMany({
    select: { id: true, name: true, slug: true, isActive: true },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    take: LIMIT,
  });
}

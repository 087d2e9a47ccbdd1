// Creating a tenant outside a request (boot's demo data, tests): the same transaction as the
// system API's create.
import { prisma } from "@/lib/db/client";
import { createClientTx } from "@/lib/platform/clients";

export async function createTenant(input: { name: string; slug: string; domains?: string[] }) {
  return prisma.$transaction((tx) => createClientTx(tx, { name: input.name, slug: input.slug, domains: input.domains ?? [] }));
}

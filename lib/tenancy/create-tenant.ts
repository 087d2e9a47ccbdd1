// Creating a tenant: the client row and its default roles, in one transaction.
import { prisma } from "@/lib/db/client";
import { DEFAULT_ROLES } from "@/lib/rbac/catalogue";

export async function createTenant(input: { name: string; slug: string; domains?: string[] }) {
  return prisma.$transaction(async (tx) => {
    const client = await tx.client.create({
      data: {
        name: input.name,
        slug: input.slug,
        domains: { create: (input.domains ?? []).map((domain) => ({ domain: domain.toLowerCase() })) },
      },
    });
    await tx.schoolRole.createMany({
      data: DEFAULT_ROLES.map((r) => ({ clientId: client.id, name: r.name, description: r.description, permissions: r.permissions, isSystem: true })),
    });
    return client;
  });
}

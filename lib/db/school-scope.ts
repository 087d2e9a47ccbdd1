// Runs database work inside one tenant, under PostgreSQL row-level security.
//
// The transaction switches to the `sms_tenant` role (which cannot bypass RLS and is not the
// owner of any table) and sets `app.client_id`, which every tenant table's policy compares with
// its `client_id`. Both settings are transaction-local, so a pooled connection never carries
// one tenant's context into another request.
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type SchoolTx = Prisma.TransactionClient;

export async function withSchool<T>(clientId: string, work: (tx: SchoolTx) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('role', 'sms_tenant', true), set_config('app.client_id', ${clientId}, true)`;
    return work(tx);
  });
}

/**
 * A transaction for the host a request came to: a school's (`schoolId`) under its row-level
 * security, the platform's (null) as the owner role. For flows both audiences share.
 */
export function withHostScope<T>(schoolId: string | null, work: (tx: SchoolTx) => Promise<T>): Promise<T> {
  return schoolId ? withSchool(schoolId, work) : prisma.$transaction(work);
}

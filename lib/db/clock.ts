// The database's clock. Every check of a time limit that binds all instances at once — an API
// key's revocation, a grant's term — compares with PostgreSQL's now(); a write that sets such a
// limit takes its "now" from the same clock, so an app server whose clock runs ahead or behind
// cannot move it.
import type { Prisma } from "@/lib/generated/prisma/client";

/** The database's time: the start of the transaction `tx` belongs to. */
export async function databaseNow(tx: Pick<Prisma.TransactionClient, "$queryRaw">): Promise<Date> {
  const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return now;
}

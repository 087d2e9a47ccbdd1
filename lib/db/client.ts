// The one database client of the app: a pg Pool shared by Prisma (through @prisma/adapter-pg)
// and by the few raw queries that need it (migrations, login throttling).
//
// Platform-level code (authentication, tenant resolution, the system API) uses `prisma` as the
// owner role. Tenant-scoped work goes through `withTenant` (lib/db/tenant-scope.ts), which drops
// to the row-level-security role.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { noteDatabaseError } from "@/lib/db/availability";

export { Prisma } from "@/lib/generated/prisma/client";

function createPrisma(pool: pg.Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    // Secrets never leave a query unless it asks for them by name.
    omit: { user: { passwordHash: true }, apiKey: { keyHash: true }, signingKey: { privateKeyEnc: true } },
  });
}

export type Db = ReturnType<typeof createPrisma>;

interface DbState {
  pool: pg.Pool;
  prisma: Db;
}

// Survives Next.js dev-mode module reloads, which would otherwise open a new pool per edit.
const globalState = globalThis as unknown as { __smsDb?: DbState };

function state(): DbState {
  if (globalState.__smsDb) return globalState.__smsDb;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("The database is not initialised: call boot() (lib/boot) before using it");
  }
  const pool = new pg.Pool({
    connectionString,
    max: env().SMS_DB_POOL_SIZE,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its connection (database restart) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on("error", (error) => {
    noteDatabaseError(error);
  });
  watchConnects(pool);
  const state: DbState = { pool, prisma: createPrisma(pool) };
  globalState.__smsDb = state;
  return state;
}

/**
 * Every connection the pool fails to make is reported to lib/db/availability.ts, so that a page
 * or route failing for want of a database is answered 503, not 500. (Prisma's adapter and our
 * own scripts both get their connections here; pool.query too.)
 */
function watchConnects(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (
    callback?: (error: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void,
  ) => unknown;
  pool.connect = ((callback?: (error: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void) => {
    if (callback) {
      return connect((error, client, done) => {
        if (error) noteDatabaseError(error);
        callback(error, client, done);
      });
    }
    return (connect() as Promise<pg.PoolClient>).catch((error: unknown) => {
      noteDatabaseError(error);
      throw error;
    });
  }) as typeof pool.connect;
}

/** The raw pg pool (for SQL Prisma cannot express). */
export function pool(): pg.Pool {
  return state().pool;
}

function bindAll<T extends object>(target: () => T): T {
  return new Proxy({} as T, {
    get(_, key) {
      const real = target();
      const value = Reflect.get(real, key);
      return typeof value === "function" ? value.bind(real) : value;
    },
  });
}

/** Prisma client acting as the owner role (no row-level security). */
export const prisma: Db = bindAll(() => state().prisma);

export async function closeDb(): Promise<void> {
  const current = globalState.__smsDb;
  if (!current) return;
  globalState.__smsDb = undefined;
  await current.prisma.$disconnect();
  await current.pool.end().catch(() => undefined);
}

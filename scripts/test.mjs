// `npm test`: the whole API test suite against the real product.
//
// 1. A fresh, throw-away database: on the server of DATABASE_URL when it is set (a new database
//    `sms_test_<id>` there, dropped afterwards — the role needs CREATEDB), otherwise on an
//    embedded PostgreSQL cluster of its own under .data/test-run-<id>/ on a free port.
// 2. The production build (`next build` when the sources are newer than .next).
// 3. The product's own server (scripts/server.ts) on a free port, against that database.
// 4. node's test runner over test/**/*.test.ts; a run that executes no test fails.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { buildIsStale } from "./build-state.mjs";

const root = process.cwd();
const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const dataDir = path.join(root, ".data", `test-run-${runId}`);
const cleanups = []; // run in reverse order of registration

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

async function waitForHealth(port, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not become healthy");
}

function listTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listTests(path.join(dir, e.name)) : e.name.endsWith(".test.ts") ? [path.join(dir, e.name)] : []);
}

async function testDatabase() {
  const name = `sms_test_${runId}`;
  let adminUrl;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = "/postgres";
    adminUrl = u.toString();
    console.log(`Test database: ${name} on ${u.host} (from DATABASE_URL)`);
  } else {
    const { startEmbeddedPostgres } = await import("../lib/db/embedded.ts");
    // A cluster of its own per run (initdb takes about a second), so parallel runs never share one.
    const cluster = await startEmbeddedPostgres(path.join(dataDir, "pg"), await freePort());
    cleanups.push(() => cluster.stop());
    adminUrl = cluster.url("postgres");
    console.log(`Test database: ${name} on embedded PostgreSQL, port ${cluster.port}`);
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), adminUrl };
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  if (process.env.SMS_SKIP_BUILD !== "1" && buildIsStale(root)) {
    console.log("Building the app (sources changed since the last build)…");
    const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const db = await testDatabase();
  const port = await freePort();
  const serverEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: db.url,
    PORT: String(port),
    SMS_DATA_DIR: dataDir,
    SMS_SKIP_BUILD: "1",
    SMS_DEMO: "0",
    // Tests speak for many clients from one machine: they name the client address in
    // X-Forwarded-For, which the server honours only because loopback is a trusted proxy here.
    SMS_TRUSTED_PROXIES: "127.0.0.1,::1",
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
  };
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts", "start"], {
    env: serverEnv, stdio: ["ignore", "inherit", "inherit"], detached: true,
  });
  cleanups.push(() => new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once("exit", resolve);
    try { process.kill(-server.pid, "SIGTERM"); } catch { resolve(); }
    setTimeout(() => { try { process.kill(-server.pid, "SIGKILL"); } catch { /* gone */ } }, 10_000).unref();
  }));
  await waitForHealth(port, server);

  const files = process.argv.slice(2).length ? process.argv.slice(2) : listTests(path.join(root, "test")).sort();
  const tapFile = path.join(dataDir, "results.tap");
  const runner = spawn(process.execPath, [
    "--import", "tsx", "--test", "--test-concurrency=2", "--test-force-exit",
    "--test-reporter=spec", "--test-reporter-destination=stdout",
    "--test-reporter=tap", `--test-reporter-destination=${tapFile}`,
    ...files,
  ], {
    env: { ...serverEnv, SMS_TEST_PORT: String(port), SMS_TEST_ADMIN_DATABASE_URL: db.adminUrl, NODE_ENV: "test" },
    stdio: "inherit",
  });
  const code = await new Promise((resolve) => runner.on("exit", (c) => resolve(c ?? 1)));
  const tap = readFileSync(tapFile, "utf8");
  const count = Number(/^# tests (\d+)/m.exec(tap)?.[1] ?? 0);
  if (code === 0 && count === 0) {
    console.error("No test was executed: failing the run.");
    return 1;
  }
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`Test run failed: ${error.message}`);
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch((e) => console.error(`cleanup: ${e.message}`));
}
process.exit(exitCode);

// `npm run bench`: the API under load, next to the ceilings of the machine and of the framework.
//
//   npm run bench                  small data set, ~10 s per scenario at 20 connections; writes
//                                  its section of bench/RESULTS.md
//   npm run bench -- --scale       the same on 10,000 schools / 300,000 staff / 1,000,000 students,
//                                  seeded (resumably) into a persistent embedded cluster under
//                                  .data/bench-scale and reused by later runs
//   npm run bench -- --smoke       every scenario ~1 s at low counts: fails unless every request
//                                  succeeded and the table was printed (for CI; writes nothing)
//   npm run bench -- --profile     only the `me` scenario (or the one named by --only), with the
//                                  server under --cpu-prof: prints the functions with the most self time
//   npm run bench -- --queries     also count the database round trips per request of each scenario
//                                  (bench/count-queries.cjs preloaded into the server)
//   options: --duration S (5)  --rounds N (3: scenarios interleaved, medians reported)
//            --connections N  --only me,login,…  --no-write
//
// The app is the BUILT one, started as in production through scripts/server.ts on its own
// throw-away database (scripts/test-env.mjs, as npm test does), with its request log going to a
// file. Built by the benchmark itself: the product's build (.next) has no benchmark routes, so
// this one is `next build` with SMS_BENCH_BUILD=1 (when stale), which next.config.mjs turns into
// the same configuration plus the ceiling routes (app/api/bench/*/route.bench.ts), built into
// .next-bench; the server is started with the same variable to serve that folder. Load goes to
// 127.0.0.1 only, with the school's Host header (Node cannot resolve *.localhost), from
// autocannon in this process; every run is bounded in time, and every process started here is
// stopped by its own pid / process group.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { buildIsStale } from "../scripts/build-state.mjs";
import { SERVER_ENV, SERVER_NODE_FLAGS, Stack, freePort, makeRunDir, throwawayDatabase } from "../scripts/test-env.mjs";
import { summarizeProfile } from "./profile.mjs";

const root = process.cwd();
const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    scale: { type: "boolean", default: process.env.BENCH_SCALE === "1" },
    profile: { type: "boolean", default: false },
    queries: { type: "boolean", default: false },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string" },
    only: { type: "string" },
    rounds: { type: "string" },
    "no-write": { type: "boolean", default: false },
  },
});

const SMOKE = args.smoke;
const DURATION = Number(args.duration ?? (SMOKE ? 1 : 5));
// Scenarios run in interleaved rounds (A B C, A B C, …) and each figure is the median of its
// rounds: on a shared machine the load of other work drifts over minutes, and interleaving puts
// every figure and its baselines through the same drift.
const ROUNDS = Number(args.rounds ?? (SMOKE || args.profile ? 1 : 3));
const WARMUP = Number(args.warmup ?? (SMOKE ? 0.5 : 2));
const CONNECTIONS = Number(args.connections ?? (SMOKE ? 4 : 20));
const SCALE_COUNTS = { tenants: 10_000, users: 300_000, students: 1_000_000 };
// Small data: the bench school (scale-00001) gets 100 staff and 1,000 students.
const SMALL_COUNTS = { tenants: 3, users: 300, students: 3_000 };
const COUNTS = args.scale ? SCALE_COUNTS : SMALL_COUNTS;
const SCALE_DIR = path.join(root, ".data", "bench-scale");
const BENCH_SLUG = "scale-00001";
const WRITE_SLUG = "scale-00002";
const BENCH_SCHOOL_STUDENTS = 1_000;
const RUN_TAG = Date.now().toString(36);
const SERVER_LOG_LEVEL = process.env.LOG_LEVEL || "info";

const stack = new Stack();
const log = (...a) => console.log(...a);

// ------------------------------------------------------------------------------------------------
// The benchmark's build

// next.config.mjs with SMS_BENCH_BUILD=1: the product's configuration plus the `route.bench.ts`
// routes, built into .next-bench (its distDir there) — never into the product's .next.
const BENCH_BUILD_ENV = { SMS_BENCH_BUILD: "1" };
const BENCH_DIST_DIR = ".next-bench";
// What that build has beyond the product's sources (scripts/build-state.mjs).
const BENCH_SOURCES = ["bench/ceiling", "bench/tsconfig.next-build.json"];

/** `next build` into .next-bench when the sources changed since (as ensureBuild does for .next). */
function ensureBenchBuild() {
  if (process.env.SMS_SKIP_BUILD === "1" || !buildIsStale(root, { distDir: BENCH_DIST_DIR, extraSources: BENCH_SOURCES })) return;
  log(`Building the app with the benchmark's routes into ${BENCH_DIST_DIR} (sources changed since its last build)…`);
  const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    cwd: root,
    env: { ...process.env, ...BENCH_BUILD_ENV },
  });
  restoreNextEnv();
  if (built.status !== 0) throw new Error("next build (SMS_BENCH_BUILD=1) failed");
  if (!existsSync(path.join(root, BENCH_DIST_DIR, "server", "app", "api", "bench", "ceiling"))) {
    throw new Error(`${BENCH_DIST_DIR} has no /api/bench/ceiling: next.config.mjs did not make route.bench.ts a route`);
  }
}

/**
 * `next build` points next-env.d.ts (generated, git-ignored, read by `npm run typecheck`) at its
 * distDir's types; this points it back at the product's, as the product's build writes it, so the
 * typecheck never depends on .next-bench.
 */
function restoreNextEnv() {
  const file = path.join(root, "next-env.d.ts");
  if (!existsSync(file)) return;
  const text = readFileSync(file, "utf8");
  const product = text.replaceAll(`./${BENCH_DIST_DIR}/`, "./.next/");
  if (product !== text) writeFileSync(file, product);
}

// ------------------------------------------------------------------------------------------------
// Processes

function spawnLogged(command, argv, { env, logFile, cwd = root }) {
  const fd = openSync(logFile, "a");
  const child = spawn(command, argv, { cwd, env, stdio: ["ignore", fd, fd], detached: true });
  stack.push(() => stopGroup(child));
  return child;
}

/** SIGTERM to the child's own process group, SIGKILL after 10 s; resolves when it exited. */
function stopGroup(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", resolve);
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 10_000).unref();
  });
}

function run(command, argv, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(argv[argv.length - 1] ?? command)} exited with ${code}`)),
    );
  });
}

function runJson(command, argv, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
    });
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${argv.join(" ")} exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop()));
      } catch (e) {
        reject(e);
      }
    });
  });
}

async function waitFor(url, host, child, what, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} (see its log)`);
    const res = await httpRequest({ url, host }).catch(() => null);
    if (res && res.status < 500) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
}

/** One request to 127.0.0.1 with the given Host (fetch would ignore it). */
async function httpRequest({ url, host, method = "GET", headers = {}, body }) {
  const { default: http } = await import("node:http");
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: "127.0.0.1",
        port: u.port,
        path: u.pathname + u.search,
        method,
        headers: { host, ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}), ...headers },
      },
      (res) => {
        let text = "";
        res.on("data", (c) => {
          text += c;
        });
        res.on("end", () => {
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode, json, text });
        });
      },
    );
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error("timeout")));
    req.end(payload);
  });
}

/**
 * The pid that listens on `port`, among `rootPid` and its descendants: the server is started as
 * `node --import tsx scripts/server.ts`, which is normally that very process, but this does not
 * rely on it.
 */
function listeningPid(rootPid, port) {
  const inodes = new Set();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[1].endsWith(`:${hexPort}`) && f[3] === "0A") inodes.add(f[9]);
    }
  }
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift();
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: "utf8" }) ?? "");
        if (m && inodes.has(m[1])) return pid;
      }
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const children = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
        if (children) queue.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      /* exited or not ours to read */
    }
  }
  return rootPid;
}

function rssKiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples VmRSS of `pid` every 100 ms; stop() returns the peak in MiB. */
function rssSampler(pid) {
  let peak = rssKiB(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssKiB(pid));
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, rssKiB(pid));
      return peak / 1024;
    },
  };
}

/** CPU time (user + system, ms) a process has used so far: /proc/<pid>/stat, in clock ticks. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0; // gone (a backend that closed)
  }
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

/**
 * CPU used by the server process and by the PostgreSQL backends serving this database during a
 * run: where a request's time goes, and a figure far steadier than req/s on a shared machine.
 */
async function cpuSampler(serverPid, pool) {
  const backends = async () =>
    (await pool().query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).rows.map(
      (r) => r.pid,
    );
  const before = new Map((await backends()).map((pid) => [pid, cpuMs(pid)]));
  const server0 = cpuMs(serverPid);
  return {
    async stop() {
      const server = cpuMs(serverPid) - server0;
      let db = 0;
      for (const pid of new Set([...before.keys(), ...(await backends())])) db += Math.max(0, cpuMs(pid) - (before.get(pid) ?? 0));
      return { server, db };
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Load

/**
 * One autocannon run. `request()` returns the next request's {method, path, headers, body}; one
 * marked `last: true` (e.g. the refresh-token pool is down to its reserve) ends the run early.
 */
function cannon({ url, host, seconds, connections, request, captureErrors }) {
  return new Promise((resolve, reject) => {
    let exhausted = false;
    const firstErrors = [];
    let instance;
    const requests = [
      {
        setupRequest: (req) => {
          const next = request();
          if (next.last && !exhausted) {
            exhausted = true;
            setImmediate(() => instance?.stop());
          }
          const body = next.body === undefined ? undefined : JSON.stringify(next.body);
          return {
            ...req,
            method: next.method ?? "GET",
            path: next.path,
            headers: { ...req.headers, ...next.headers, ...(body ? { "content-type": "application/json" } : {}) },
            body,
          };
        },
        ...(captureErrors
          ? {
              onResponse: (status, body) => {
                if ((status < 200 || status > 299) && firstErrors.length < 3) firstErrors.push(`${status} ${String(body).slice(0, 300)}`);
              },
            }
          : {}),
      },
    ];
    // sampleInt 100 ms: autocannon ends a run (duration over, or stop()) at its next sample, so
    // this keeps runs within 0.1 s of their length. Rates below come from counts / duration.
    instance = autocannon(
      { url, connections, duration: seconds, headers: { host }, requests, timeout: 20, sampleInt: 100 },
      (err, result) => {
        if (err) return reject(err);
        resolve({ result, exhausted, firstErrors });
      },
    );
  });
}

/** The server's statement counts so far (bench/count-queries.cjs answers SIGUSR2). */
async function queryCounts(pid, file) {
  const { rmSync } = await import("node:fs");
  rmSync(file, { force: true });
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 10));
  return new Map(JSON.parse(readFileSync(file, "utf8")));
}

/** A statement's short name: verb and table (`SELECT users`, `BEGIN`, `set_config`). */
function statementLabel(text, preparedLabels = new Map()) {
  const t = text.replace(/\s+/g, " ").trim();
  const executed = /^EXECUTE (\w+)/i.exec(t);
  if (executed) return `${preparedLabels.get(executed[1]) ?? "?"} (prepared)`;
  if (/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(t)) return t.split(" ")[0].toUpperCase();
  if (/set_config\('app\.client_id', CASE/.test(t)) return "SELECT auth (school, credentials, permission; sets the tenant if granted)";
  if (/^SELECT set_config\('role'/.test(t)) return "set_config (RLS role)";
  if (/^SELECT set_config\(/.test(t)) return "set_config (tenant scope)";
  const written = /^WITH\b.*?\b(UPDATE|INSERT INTO|DELETE FROM)\s+"?(\w+)"?/i.exec(t);
  if (written) return `WITH ${written[1].split(" ")[0].toUpperCase()} ${written[2]} …`;
  const verb = (/^(SELECT|INSERT|UPDATE|DELETE|WITH)/i.exec(t)?.[1] ?? t.split(" ")[0]).toUpperCase();
  const table =
    /^(?:INSERT INTO|UPDATE|DELETE FROM)\s+(?:"public"\.)?"?(\w+)"?/i.exec(t)?.[1] ??
    /\bFROM\s+(?:"public"\.)?"?(\w+)"?/i.exec(t)?.[1] ??
    "";
  return /COUNT\(\*\)/i.test(t) ? `${verb} count(${table})` : `${verb} ${table}`.trim();
}

/**
 * A round trip's label: one statement's, or for a one-message script (lib/db/tenant-script.ts)
 * its statements' joined by " + ". Prepared statements are named after the text they were
 * PREPAREd with.
 */
function roundTripLabel(text, preparedLabels) {
  const parts = text
    .split(/;\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 1) return statementLabel(parts[0], preparedLabels);
  return `[${parts.map((p) => statementLabel(p, preparedLabels)).join(" + ")}]`;
}

function preparedLabelsOf(counts) {
  const labels = new Map();
  for (const text of counts.keys()) {
    for (const part of text.split(/;\n/)) {
      const m = /^\s*PREPARE (\w+) AS ([\s\S]*)$/i.exec(part);
      if (m) labels.set(m[1], statementLabel(m[2]));
    }
  }
  return labels;
}

function perRequest(before, after, requests) {
  const byLabel = new Map();
  const preparedLabels = preparedLabelsOf(after);
  let total = 0;
  for (const [text, n] of after) {
    const d = n - (before.get(text) ?? 0);
    if (d <= 0) continue;
    total += d;
    const label = roundTripLabel(text, preparedLabels);
    byLabel.set(label, (byLabel.get(label) ?? 0) + d);
  }
  const n = Math.max(1, requests);
  return {
    queries: total / n,
    statements: [...byLabel]
      .map(([label, d]) => [label, d / n])
      .filter(([, v]) => v >= 0.05)
      .sort((a, b) => b[1] - a[1]),
  };
}

function summarize(name, { result, exhausted, firstErrors }, peakRssMiB, cpu) {
  const ok = result["2xx"];
  const errors = result.non2xx + result.errors + result.timeouts;
  const total = Math.max(1, ok + errors);
  return {
    name,
    serverCpuMs: cpu ? cpu.server / total : null,
    dbCpuMs: cpu ? cpu.db / total : null,
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: ok + errors,
    errors,
    seconds: result.duration,
    rssMiB: peakRssMiB,
    note: exhausted ? `stopped after ${result.duration.toFixed(1)} s: token pool used up` : "",
    firstErrors,
  };
}

// ------------------------------------------------------------------------------------------------
// Main

async function main() {
  const nproc = os.availableParallelism();
  const loadAtStart = os.loadavg()[0];
  // Other work on the machine skews every figure (ratios less so: baselines run in the same window).
  if (loadAtStart > nproc * 0.5)
    log(`Note: load average ${loadAtStart.toFixed(2)} on ${nproc} cores before starting: other work is running.`);
  mkdirSync(path.join(root, "bench", ".results"), { recursive: true });
  log(
    `npm run bench${SMOKE ? " (smoke)" : ""}${args.scale ? " (scale)" : ""}${args.profile ? " (profile)" : ""}: ${DURATION} s per scenario after ${WARMUP} s warm-up, ${CONNECTIONS} connections`,
  );
  ensureBenchBuild();

  // Database: a throw-away one (as npm test), or the persistent scale cluster.
  let databaseUrl;
  let dataDir;
  if (args.scale) {
    dataDir = SCALE_DIR;
    if (process.env.DATABASE_URL) {
      const { ensureDatabase } = await import("../lib/db/embedded.ts");
      const u = new URL(process.env.DATABASE_URL);
      u.pathname = "/postgres";
      await ensureDatabase(u.toString(), "sms_bench_scale");
      u.pathname = "/sms_bench_scale";
      databaseUrl = u.toString();
      log(`Scale database: sms_bench_scale on ${u.host} (from DATABASE_URL), kept for later runs`);
    } else {
      const { startEmbeddedPostgres, ensureDatabase } = await import("../lib/db/embedded.ts");
      const cluster = await startEmbeddedPostgres(path.join(SCALE_DIR, "pg"), await freePort());
      stack.push(() => cluster.stop());
      await ensureDatabase(cluster.url("postgres"), "sms");
      databaseUrl = cluster.url("sms");
      log(`Scale database: embedded PostgreSQL under ${path.relative(root, SCALE_DIR)}/pg, port ${cluster.port}, kept for later runs`);
    }
  } else {
    const { runId, dir } = makeRunDir(root, stack, "bench-run");
    dataDir = dir;
    databaseUrl = (await throwawayDatabase(runId, dir, stack)).url;
  }
  mkdirSync(dataDir, { recursive: true });
  const baseEnv = { ...process.env, DATABASE_URL: databaseUrl, SMS_DATA_DIR: dataDir };

  // Data: the seed-scale command itself (migrates first), resumable.
  log(`Seeding ${COUNTS.tenants} schools, ${COUNTS.users} staff, ${COUNTS.students} students (npm run sms -- seed-scale)…`);
  const seedStarted = performance.now();
  await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/sms.ts",
      "seed-scale",
      "--tenants",
      String(COUNTS.tenants),
      "--users",
      String(COUNTS.users),
      "--students",
      String(COUNTS.students),
    ],
    { ...baseEnv, LOG_LEVEL: "warn" },
  );
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  // The app, as in production (request log at info, into a file).
  const port = await freePort();
  const serverLog = path.join(dataDir, "bench-server.log");
  writeFileSync(serverLog, "");
  const profileDir = path.join(root, "bench", ".results", `profile-${RUN_TAG}`);
  const queryFile = path.join(dataDir, "bench-queries.json");
  const serverArgs = [
    ...(args.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
    ...(args.queries ? ["--require", path.join(root, "bench", "count-queries.cjs")] : []),
    ...SERVER_NODE_FLAGS, // as `npm start` runs it
    "--import",
    "tsx",
    "scripts/server.ts",
    "start",
  ];
  const server = spawnLogged(process.execPath, serverArgs, {
    logFile: serverLog,
    env: {
      ...SERVER_ENV,
      ...baseEnv,
      NODE_ENV: "production",
      PORT: String(port),
      SMS_SKIP_BUILD: "1",
      SMS_DEMO: "0",
      ...BENCH_BUILD_ENV,
      LOG_LEVEL: SERVER_LOG_LEVEL,
      BENCH_QUERY_FILE: queryFile,
      // The password-reset scenarios send every request through the reset counters, which count
      // requests, not failures: limits no benchmark reaches (sign-in counts only failures).
      SMS_LOGIN_MAX_FAILURES: "1000",
      SMS_LOGIN_IP_MAX_FAILURES: "1000000",
    },
  });
  const appUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${appUrl}/api/health`, `localhost:${port}`, server, "the app server");
  const serverPid = listeningPid(server.pid, port);
  log(`App: pid ${serverPid} on port ${port} (log: ${path.relative(root, serverLog)})`);
  // The ceiling routes exist only in the benchmark's build: a 404 here means the server is not
  // serving it (the ceiling's own answer to a request without a token is its 401).
  const probe = await httpRequest({ url: `${appUrl}/api/bench/ceiling`, host: `localhost:${port}` });
  if (probe.status !== 401 || probe.json?.detail !== "no token") {
    throw new Error(`the server does not serve the benchmark's build (${BENCH_DIST_DIR}): GET /api/bench/ceiling answered ${probe.status}`);
  }

  // The bench school, its staff, a JWT, an API key, refresh tokens — through the app's own code,
  // on the same database and secret as the server.
  process.env.DATABASE_URL = databaseUrl;
  process.env.SMS_DATA_DIR = dataDir;
  process.env.LOG_LEVEL = "warn";
  const { prisma, pool, closeDb } = await import("../lib/db/client.ts");
  stack.push(() => closeDb());
  const { openSession } = await import("../lib/auth/sessions.ts");
  const { generateKey } = await import("../lib/api-keys/key-format.ts");
  const { SCALE_PASSWORD } = await import("./seed-scale.ts");

  const tenant = await prisma.client.findUniqueOrThrow({ where: { slug: BENCH_SLUG }, select: { id: true, slug: true } });
  // POST students writes into another school, so that the rounds of the read scenarios all read
  // the same school (deleting the rows again would leave its indexes bloated between rounds).
  const writeTenant = await prisma.client.findUniqueOrThrow({ where: { slug: WRITE_SLUG }, select: { id: true, slug: true } });
  // Leftovers of earlier runs on the persistent scale database: the same data every run.
  await pool().query("DELETE FROM students WHERE client_id = ANY($1) AND admission_number LIKE 'BENCH-%'", [[tenant.id, writeTenant.id]]);
  await pool().query("DELETE FROM refresh_families WHERE client_id = $1", [tenant.id]);
  await pool().query("DELETE FROM api_keys WHERE client_id = $1 AND name = 'bench'", [tenant.id]);
  const staff = (
    await pool().query(
      `SELECT u.id, u.email, r.name AS role FROM users u
     JOIN user_role_assignments a ON a.user_id = u.id JOIN school_roles r ON r.id = a.role_id
     WHERE u.client_id = $1 AND u.email LIKE 'staff-%' ORDER BY u.email`,
      [tenant.id],
    )
  ).rows;
  const admin = staff.find((s) => s.role === "Admin");
  if (!admin) throw new Error("the bench school has no Admin");
  const writeAdmin = (
    await pool().query(
      `SELECT u.id FROM users u JOIN user_role_assignments a ON a.user_id = u.id JOIN school_roles r ON r.id = a.role_id
     WHERE u.client_id = $1 AND r.name = 'Admin' ORDER BY u.email LIMIT 1`,
      [writeTenant.id],
    )
  ).rows[0];
  if (!writeAdmin) throw new Error("the write school has no Admin");
  const classes = (await pool().query("SELECT id FROM classes WHERE client_id = $1 ORDER BY name", [writeTenant.id])).rows.map((r) => r.id);
  // The bench school has as many students on both data sets (1M students spread over 10,000
  // schools is 100 a school), so that the list is the same page of the same-sized school: what
  // differs is only everything else in the database. Topped up once, kept by the scale cluster.
  let studentCount = Number((await pool().query("SELECT count(*) FROM students WHERE client_id = $1", [tenant.id])).rows[0].count);
  if (studentCount < BENCH_SCHOOL_STUDENTS) {
    await pool().query(
      `INSERT INTO students (id, client_id, first_name, last_name, admission_number, class_id, date_of_birth)
       SELECT gen_random_uuid(), $1, 'Extra', 'Student ' || lpad(g::text, 5, '0'), 'SCX-' || lpad(g::text, 5, '0'), NULL, DATE '2012-01-01' + (g % 365)
       FROM generate_series($2::int + 1, $3::int) AS g
       ON CONFLICT (client_id, admission_number) DO NOTHING`,
      [tenant.id, studentCount, BENCH_SCHOOL_STUDENTS],
    );
    await pool().query("VACUUM (ANALYZE) students");
    studentCount = Number((await pool().query("SELECT count(*) FROM students WHERE client_id = $1", [tenant.id])).rows[0].count);
  }
  const origin = { ip: "127.0.0.1", userAgent: "npm run bench" };
  const subject = { userId: admin.id, clientId: tenant.id, audience: "school" };
  const accessToken = async () => (await openSession(subject, origin)).access; // 5 min: one per scenario
  const writerToken = async () =>
    (await openSession({ userId: writeAdmin.id, clientId: writeTenant.id, audience: "school" }, origin)).access;
  // Two more bench users with the same three roles (Admin, Head, Teacher): one for good, one for
  // terms — Admin for a term that runs now, Head's ended yesterday, Teacher's starts next month.
  // The permission query judges each term on the database clock; the pair isolates what that
  // costs the authentication (same data, same number of grants).
  const grantsUser = async (email, terms) => {
    await pool().query("DELETE FROM users WHERE client_id = $1 AND email = $2", [tenant.id, email]);
    const { id } = (
      await pool().query(
        `INSERT INTO users (id, client_id, email, full_name, password_hash, is_active, date_joined)
         SELECT gen_random_uuid(), $1, $2, 'Bench Grants', password_hash, true, now() FROM users WHERE id = $3
         RETURNING id`,
        [tenant.id, email, admin.id],
      )
    ).rows[0];
    await pool().query(
      `INSERT INTO user_role_assignments (id, user_id, role_id, client_id, starts_at, ends_at)
       SELECT gen_random_uuid(), $1, r.id, r.client_id, CASE WHEN $3 THEN t.starts_at END, CASE WHEN $3 THEN t.ends_at END
       FROM school_roles r JOIN (VALUES
         ('Admin', now() - interval '1 day', now() + interval '1 year'),
         ('Head', now() - interval '1 year', now() - interval '1 day'),
         ('Teacher', now() + interval '1 month', NULL::timestamptz)
       ) AS t(name, starts_at, ends_at) ON t.name = r.name
       WHERE r.client_id = $2`,
      [id, tenant.id, terms],
    );
    return async () => (await openSession({ userId: id, clientId: tenant.id, audience: "school" }, origin)).access;
  };
  const threeGrantsToken = await grantsUser("bench-grants@bench.invalid", false);
  const termToken = await grantsUser("bench-terms@bench.invalid", true);
  // The school's two-factor policy (clients.mfa_required): an Admin with two-factor on (the secret is
  // a placeholder: tokens are minted without a sign-in, and the Bearer check never reads it), measured
  // while the bench school requires it — the Bearer statement then judges the policy for a user it
  // lets through. Only those scenarios turn it on (`during`), so every other token stays free.
  const enrolledEmail = "bench-mfa@bench.invalid";
  await pool().query("DELETE FROM users WHERE client_id = $1 AND email = $2", [tenant.id, enrolledEmail]);
  const enrolledId = (
    await pool().query(
      `INSERT INTO users (id, client_id, email, full_name, password_hash, is_active, date_joined, mfa_enabled, totp_secret)
       SELECT gen_random_uuid(), $1, $2, 'Bench Two-factor', password_hash, true, now(), true, 'bench: never read' FROM users WHERE id = $3
       RETURNING id`,
      [tenant.id, enrolledEmail, admin.id],
    )
  ).rows[0].id;
  await pool().query(
    `INSERT INTO user_role_assignments (id, user_id, role_id, client_id)
     SELECT gen_random_uuid(), $1, r.id, r.client_id FROM school_roles r WHERE r.client_id = $2 AND r.name = 'Admin'`,
    [enrolledId, tenant.id],
  );
  const enrolledToken = async () => (await openSession({ userId: enrolledId, clientId: tenant.id, audience: "school" }, origin)).access;
  const setPolicy = (on) => pool().query("UPDATE clients SET mfa_required = $2 WHERE id = $1", [tenant.id, on]);
  await setPolicy(false);
  const policyOn = { before: () => setPolicy(true), after: () => setPolicy(false) };
  const { key: apiKey, prefix, hash } = generateKey();
  await prisma.apiKey.create({ data: { name: "bench", prefix, keyHash: hash, clientId: tenant.id, scopes: ["*"] } });
  const host = `${tenant.slug}.localhost:${port}`;
  const writeHost = `${writeTenant.slug}.localhost:${port}`;
  log(`Bench school ${tenant.slug}: ${staff.length} staff, ${studentCount} students, ${classes.length} classes`);

  // The bare node baseline, on the same database and the app's published JWK Set.
  const basePort = await freePort();
  const baseline = spawnLogged(process.execPath, ["bench/baseline-server.mjs"], {
    logFile: path.join(dataDir, "bench-baseline.log"),
    env: {
      ...process.env,
      PORT: String(basePort),
      DATABASE_URL: databaseUrl,
      JWKS_URL: `${appUrl}/.well-known/jwks.json`,
      JWKS_HOST: `localhost:${port}`,
      POOL_SIZE: "10",
    },
  });
  const baseUrl = `http://127.0.0.1:${basePort}`;
  await waitFor(`${baseUrl}/`, "localhost", baseline, "the baseline server");

  // Scenarios. `request` hands out one request at a time (counters for unique data).
  let admission = 0;
  let loginIndex = 0;
  let resetIndex = 0;
  let refreshPool = [];
  let refreshIndex = 0;
  let refreshReserve = 0;
  // Tokens kept for the requests built between the early stop and its taking effect (≤ 0.1 s).
  const reserve = (rate) => Math.ceil(rate * 0.3) + CONNECTIONS * 2;
  const scenarios = [
    {
      name: "bare node: jose + 1 query",
      id: "bare",
      url: baseUrl,
      target: baseline.pid,
      auth: true,
      request: (t) => () => ({ path: "/", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "Next.js route: jose + 1 query",
      id: "ceiling",
      url: appUrl,
      target: serverPid,
      auth: true,
      request: (t) => () => ({ path: "/api/bench/ceiling", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "Next.js route: jose + the list's query",
      id: "ceiling-list",
      url: appUrl,
      target: serverPid,
      auth: true,
      request: (t) => () => ({ path: "/api/bench/ceiling?query=students", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "Next.js + publicRoute: jose + 1 query",
      id: "ceiling-public",
      url: appUrl,
      target: serverPid,
      auth: true,
      request: (t) => () => ({ path: "/api/bench/ceiling-public", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "GET auth/me",
      id: "me",
      url: appUrl,
      target: serverPid,
      auth: true,
      request: (t) => () => ({ path: "/api/v1/school/auth/me/", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "GET students (50, JWT)",
      id: "students-jwt",
      url: appUrl,
      target: serverPid,
      auth: true,
      request: (t) => () => ({ path: "/api/v1/school/students/?page_size=50", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "GET auth/me (three roles)",
      id: "me-grants",
      url: appUrl,
      target: serverPid,
      auth: true,
      token: threeGrantsToken,
      request: (t) => () => ({ path: "/api/v1/school/auth/me/", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "GET students (50, JWT, three roles)",
      id: "students-grants",
      url: appUrl,
      target: serverPid,
      auth: true,
      token: threeGrantsToken,
      request: (t) => () => ({ path: "/api/v1/school/students/?page_size=50", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "GET auth/me (three roles, with terms)",
      id: "me-terms",
      url: appUrl,
      target: serverPid,
      auth: true,
      token: termToken,
      request: (t) => () => ({ path: "/api/v1/school/auth/me/", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "GET students (50, JWT, three roles, with terms)",
      id: "students-terms",
      url: appUrl,
      target: serverPid,
      auth: true,
      token: termToken,
      request: (t) => () => ({ path: "/api/v1/school/students/?page_size=50", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "GET auth/me (two-factor required, on)",
      id: "me-mfa-policy",
      url: appUrl,
      target: serverPid,
      auth: true,
      token: enrolledToken,
      during: policyOn,
      request: (t) => () => ({ path: "/api/v1/school/auth/me/", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "GET students (50, JWT, two-factor required, on)",
      id: "students-mfa-policy",
      url: appUrl,
      target: serverPid,
      auth: true,
      token: enrolledToken,
      during: policyOn,
      request: (t) => () => ({ path: "/api/v1/school/students/?page_size=50", headers: { authorization: `Bearer ${t}` } }),
    },
    {
      name: "GET students (50, API key)",
      id: "students-key",
      url: appUrl,
      target: serverPid,
      request: () => () => ({ path: "/api/v1/school/students/?page_size=50", headers: { "x-api-key": apiKey } }),
    },
    {
      name: "POST students",
      id: "students-post",
      url: appUrl,
      target: serverPid,
      auth: true,
      token: writerToken,
      host: writeHost,
      request: (t) => () => {
        const n = ++admission;
        return {
          method: "POST",
          path: "/api/v1/school/students/",
          headers: { authorization: `Bearer ${t}` },
          body: {
            first_name: "Bench",
            last_name: `Student ${n}`,
            admission_number: `BENCH-${RUN_TAG}-${n}`,
            class: classes.length ? classes[n % classes.length] : null,
            date_of_birth: "2012-05-01",
          },
        };
      },
    },
    {
      // Round-robin over all the school's staff: one account logging in 20 times at once would
      // trip the per-account throttle (attempts are counted before the password is checked).
      name: "POST auth/login",
      id: "login",
      url: appUrl,
      target: serverPid,
      request: () => () => ({
        method: "POST",
        path: "/api/v1/school/auth/login/",
        body: { identifier: staff[loginIndex++ % staff.length].email, password: SCALE_PASSWORD },
      }),
    },
    {
      // A forgotten-password request for an account (a link and its message written) against one
      // for nobody (only the audit row): the answer must not tell them apart, in body or time.
      name: "POST password-reset (an account)",
      id: "reset-known",
      url: appUrl,
      target: serverPid,
      request: () => () => ({
        method: "POST",
        path: "/api/v1/school/auth/password-reset/",
        body: { identifier: staff[resetIndex++ % staff.length].email },
      }),
    },
    {
      name: "POST password-reset (no account)",
      id: "reset-unknown",
      url: appUrl,
      target: serverPid,
      request: () => () => ({
        method: "POST",
        path: "/api/v1/school/auth/password-reset/",
        body: { identifier: `nobody-${RUN_TAG}-${resetIndex++}@example.org` },
      }),
    },
    {
      name: "POST auth/refresh",
      id: "refresh",
      url: appUrl,
      target: serverPid,
      refresh: true,
      // The last few tokens are a reserve for the requests built while the early stop takes effect.
      request: () => () => ({
        method: "POST",
        path: "/api/v1/school/auth/refresh/",
        body: { refresh: refreshPool[refreshIndex++] ?? "pool-used-up" },
        last: refreshIndex >= refreshPool.length - refreshReserve,
      }),
    },
  ];
  // --profile: `me`, or the one scenario named by --only.
  const only = args.only ? args.only.split(",") : args.profile ? ["me"] : null;
  if (args.profile && only.length !== 1) throw new Error("--profile takes one scenario (--only <id>)");
  const selected = scenarios.filter((s) => !only || only.includes(s.id));

  // Refresh tokens are single-use: one per request, minted beforehand by the app's own
  // openSession (a login without the password check), enough for the run at a generous rate.
  const mintRefresh = async (count) => {
    const tokens = new Array(count);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < count) {
          const i = next++;
          const u = staff[i % staff.length];
          tokens[i] = (await openSession({ userId: u.id, clientId: tenant.id, audience: "school" }, origin)).refresh;
        }
      }),
    );
    return tokens;
  };

  const rounds = new Map(selected.map((s) => [s.id, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    if (ROUNDS > 1) log(`Round ${round} of ${ROUNDS}`);
    for (const s of selected) {
      const token = s.auth ? await (s.token ?? accessToken)() : null;
      await s.during?.before();
      if (s.refresh) {
        // Sized from the `me` rate when measured (a refresh does more work than `me`, so it is
        // slower), else generously; a run that still uses it up stops early and says so.
        const meRate = rounds.get("me")?.at(-1)?.rps;
        const rate = meRate ? meRate * 1.5 : 1000;
        const want = Math.ceil(rate * (DURATION + WARMUP + 1) + reserve(rate));
        const t0 = performance.now();
        refreshPool = await mintRefresh(want);
        refreshIndex = 0;
        refreshReserve = reserve(rate);
        log(`  minted ${want} refresh tokens in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      const request = s.request(token);
      if (WARMUP > 0)
        await cannon({ url: s.url, host: s.host ?? host, seconds: WARMUP, connections: CONNECTIONS, request, captureErrors: true });
      const queriesBefore = args.queries && s.target === serverPid ? await queryCounts(serverPid, queryFile) : null;
      const sampler = rssSampler(s.target);
      const cpu = await cpuSampler(s.target, pool);
      const t0 = process.hrtime.bigint();
      const measured = await cannon({
        url: s.url,
        host: s.host ?? host,
        seconds: DURATION,
        connections: CONNECTIONS,
        request,
        captureErrors: SMOKE,
      });
      const t1 = process.hrtime.bigint();
      const row = { id: s.id, ...summarize(s.name, measured, sampler.stop(), cpu ? await cpu.stop() : null), window: [t0, t1] };
      if (queriesBefore) Object.assign(row, perRequest(queriesBefore, await queryCounts(serverPid, queryFile), row.requests));
      await s.during?.after();
      rounds.get(s.id).push(row);
      log(
        `  ${s.name.padEnd(38)} ${row.rps.toFixed(0).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors}${row.serverCpuMs !== null ? `  cpu/request: server ${row.serverCpuMs.toFixed(2)} ms, db ${row.dbCpuMs.toFixed(2)} ms` : ""}${row.note ? `  (${row.note})` : ""}${row.firstErrors.length ? `\n    first errors: ${row.firstErrors.join(" | ")}` : ""}`,
      );
    }
  }
  const rows = selected.map((s) => combineRounds(rounds.get(s.id)));

  // Login's ceiling: argon2id verifications per second on all cores, same parameters.
  let argon2 = null;
  if (!args.profile && (!only || only.includes("login"))) {
    argon2 = await runJson(process.execPath, ["--import", "tsx", "bench/argon2-baseline.mjs", String(DURATION)], {
      ...process.env,
      UV_THREADPOOL_SIZE: String(Math.max(4, nproc)),
    });
    log(`  argon2id verify, ${argon2.inFlight} in flight           ${argon2.perSecond.toFixed(0).padStart(6)} /s`);
  }

  let profile = null;
  if (args.profile) {
    await stopGroup(server); // writes the .cpuprofile on exit
    // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (workers
    // write their own files).
    const files = readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
    const file = files.find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f)) ?? files[0];
    if (!file) throw new Error("the server wrote no CPU profile");
    profile = summarizeProfile(JSON.parse(readFileSync(path.join(profileDir, file), "utf8")), rows[0]?.window);
    profile.file = path.relative(root, path.join(profileDir, file));
  }

  const machine = { ...describeMachine(nproc), loadAtStart: loadAtStart.toFixed(2) };
  const text = report({ rows, argon2, machine, seedSeconds, profile, studentCount, staffCount: staff.length });
  console.log(`\n${text}`);

  const failed = rows.filter((r) => r.errors > 0 || r.requests === 0);
  if (failed.length) {
    console.error(`\nbench: requests failed in ${failed.map((r) => r.name).join(", ")}`);
    return 1;
  }
  if (!text.includes("| scenario |") || (!args.profile && !only && !text.includes("| figure |"))) {
    console.error("bench: the result table was not produced");
    return 1;
  }
  // Partial runs (--only) and smoke runs print but do not write.
  if (!SMOKE && !args["no-write"] && (args.profile || !args.only))
    writeSection(args.profile ? "profile" : args.scale ? "scale" : "small", text);
  if (SMOKE) console.log(`\nbench smoke: ${rows.length} scenarios, 0 errors`);
  return 0;
}

const median = (values) => {
  const v = values.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

/** One scenario's rounds as one row: medians of the rates, latencies and CPU; totals of counts. */
function combineRounds(runs) {
  if (runs.length === 1) return runs[0];
  const pick = (key) => median(runs.map((r) => r[key]));
  return {
    ...runs[0],
    rps: pick("rps"),
    p50: pick("p50"),
    p99: pick("p99"),
    serverCpuMs: pick("serverCpuMs"),
    dbCpuMs: pick("dbCpuMs"),
    queries: pick("queries"),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    rssMiB: Math.max(...runs.map((r) => r.rssMiB)),
    spread: runs.map((r) => r.rps),
    note: runs.map((r) => r.note).filter(Boolean)[0] ?? "",
    firstErrors: runs.flatMap((r) => r.firstErrors).slice(0, 3),
  };
}

// ------------------------------------------------------------------------------------------------
// Report

function describeMachine(nproc) {
  let cpu = "unknown CPU";
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch {
    /* not Linux */
  }
  return {
    nproc,
    cpu,
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

const fmt = (n, d = 0) => (n === null || n === undefined || Number.isNaN(n) ? "—" : n.toFixed(d));

function report({ rows, argon2, machine, seedSeconds, profile, studentCount, staffCount }) {
  const by = (id) => rows.find((r) => r.id === id);
  const lines = [];
  lines.push(
    `Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.memGiB} GiB, node ${machine.node}; 1-min load average ${machine.loadAtStart} at the start, ${machine.load} (1/5/15 min) at the end; ${machine.date}`,
  );
  lines.push(
    `Data: ${COUNTS.tenants} schools / ${COUNTS.users} staff / ${COUNTS.students} students; bench school ${BENCH_SLUG} with ${staffCount} staff and ${studentCount} students. Seed step ${seedSeconds.toFixed(1)} s.`,
  );
  lines.push(
    `Load: autocannon in the harness process on the same machine, ${CONNECTIONS} connections, ${DURATION} s per scenario after ${WARMUP} s warm-up, ${ROUNDS} interleaved round${ROUNDS > 1 ? "s (figures: medians; req/s of each round in brackets)" : ""}; app = built Next.js through scripts/server.ts, LOG_LEVEL ${SERVER_LOG_LEVEL} to a file${args.queries ? "; database round trips counted in the server (a Map update per query)" : ""}.`,
  );
  lines.push("");
  const q = args.queries;
  lines.push(
    `| scenario | req/s | p50 ms | p99 ms | requests | errors | server peak RSS MiB | server CPU ms / request | PostgreSQL CPU ms / request |${q ? " database round trips / request |" : ""}`,
  );
  lines.push(`|---|---:|---:|---:|---:|---:|---:|---:|---:|${q ? "---:|" : ""}`);
  for (const r of rows) {
    const spread = r.spread ? ` [${r.spread.map((x) => x.toFixed(0)).join(", ")}]` : "";
    lines.push(
      `| ${r.name}${r.note ? ` (${r.note})` : ""} | ${fmt(r.rps)}${spread} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.requests} | ${r.errors} | ${fmt(r.rssMiB)} | ${fmt(r.serverCpuMs, 2)} | ${fmt(r.dbCpuMs, 2)} |${q ? ` ${fmt(r.queries, 1)} |` : ""}`,
    );
  }
  if (argon2)
    lines.push(
      `| argon2id verify (${argon2.inFlight} in flight, m=${argon2.options.memoryCost} t=${argon2.options.timeCost} p=${argon2.options.parallelism}) | ${fmt(argon2.perSecond)} | ${fmt(argon2.p50, 1)} | ${fmt(argon2.p99, 1)} | ${argon2.count} | 0 | — | — | — |${q ? " — |" : ""}`,
    );
  if (q) {
    lines.push("");
    lines.push(
      "Database round trips per request (bench/count-queries.cjs; the ceilings make 1; [a + b] is one message of several statements):",
    );
    lines.push("");
    for (const r of rows.filter((x) => x.statements)) {
      lines.push(`- ${r.name}: ${fmt(r.queries, 1)} = ${r.statements.map(([l, v]) => `${l} ${v.toFixed(1)}`).join(", ")}`);
    }
  }
  // Ratios: every figure against its ceiling measured in this same run.
  const bare = by("bare")?.rps;
  const next = by("ceiling")?.rps;
  const ratioRows = [];
  const add = (figure, value, baselineName, baseline, digits = 0) => {
    if (value === undefined || baseline === undefined) return; // that baseline did not run
    ratioRows.push(
      `| ${figure} | ${fmt(value, digits)} | ${baselineName} ${fmt(baseline, digits)} | ${baseline ? (value / baseline).toFixed(2) : "—"} |`,
    );
  };
  add("Next.js route ceiling req/s", next, "bare node", bare);
  add("Next.js + publicRoute req/s", by("ceiling-public")?.rps, "Next.js route", next);
  const list = by("ceiling-list")?.rps;
  add("Next.js route with the list's query req/s", list, "Next.js route", next);
  for (const id of ["me", "students-jwt", "students-key", "students-post", "refresh"]) {
    const r = by(id);
    if (!r) continue;
    add(`${r.name} req/s`, r.rps, "bare node", bare);
    add(`${r.name} req/s`, r.rps, "Next.js route", next);
    if (id === "students-jwt" || id === "students-key") add(`${r.name} req/s`, r.rps, "Next.js route with the list's query", list);
  }
  add("POST auth/login req/s", by("login")?.rps, "argon2id verify/s", argon2?.perSecond);
  // What role terms cost the authentication: the same requests by users with the same three roles,
  // with terms (one running, one ended, one not begun) against without; and three roles against one.
  const cpu = (r) => (r ? r.serverCpuMs + r.dbCpuMs : undefined);
  for (const [terms, plain, one] of [
    ["me-terms", "me-grants", "me"],
    ["students-terms", "students-grants", "students-jwt"],
  ]) {
    const [t, p, o] = [by(terms), by(plain), by(one)];
    if (!t || !p) continue;
    add(`${t.name} req/s`, t.rps, p.name, p.rps);
    add(`${t.name} CPU ms / request`, cpu(t), p.name, cpu(p), 2);
    if (o) add(`${p.name} CPU ms / request`, cpu(p), o.name, cpu(o), 2);
  }
  // A reset request's answer time must not tell an account from none (lib/auth/password-reset.ts).
  const [known, unknown] = [by("reset-known"), by("reset-unknown")];
  if (known && unknown) {
    add("POST password-reset (an account) p50 ms", known.p50, "no account", unknown.p50, 1);
    add("POST password-reset (an account) p99 ms", known.p99, "no account", unknown.p99, 1);
  }
  // What the school's two-factor policy costs a user it lets through (an Admin with two-factor on,
  // the school requiring it) against the same request with the policy off.
  for (const [policy, plain] of [
    ["me-mfa-policy", "me"],
    ["students-mfa-policy", "students-jwt"],
  ]) {
    const [m, p] = [by(policy), by(plain)];
    if (!m || !p) continue;
    add(`${m.name} req/s`, m.rps, p.name, p.rps);
    add(`${m.name} CPU ms / request`, cpu(m), p.name, cpu(p), 2);
  }
  if (ratioRows.length) {
    lines.push("");
    lines.push("| figure | value | baseline | ratio |");
    lines.push("|---|---:|---|---:|");
    lines.push(...ratioRows);
  }
  if (profile) {
    lines.push("");
    lines.push(
      `CPU profile of the server during the measured \`${rows[0]?.name ?? "me"}\` run (${profile.file}; ${fmt(profile.totalMs)} ms sampled, ${fmt(profile.idlePct, 1)} % idle). Top self time:`,
    );
    lines.push("");
    lines.push("| self % | self ms | function | where |");
    lines.push("|---:|---:|---|---|");
    for (const f of profile.top) lines.push(`| ${fmt(f.pct, 1)} | ${fmt(f.ms)} | ${f.name} | ${f.where} |`);
    lines.push("");
    lines.push("By package (self time, non-idle):");
    lines.push("");
    lines.push("| self % | package |");
    lines.push("|---:|---|");
    for (const p of profile.packages) lines.push(`| ${fmt(p.pct, 1)} | ${p.name} |`);
  }
  return lines.join("\n");
}

/** Replaces (or appends) this mode's section of bench/RESULTS.md, keeping everything else. */
function writeSection(mode, text) {
  const file = path.join(root, "bench", "RESULTS.md");
  const titles = {
    small: "Small data set (npm run bench)",
    scale: "School-district data set (npm run bench -- --scale)",
    profile: "Server CPU profile under `me` (npm run bench -- --profile)",
  };
  const start = `<!-- bench:${mode}:start -->`;
  const end = `<!-- bench:${mode}:end -->`;
  const block = `${start}\n## ${titles[mode]}\n\n${text}\n${end}`;
  let doc = existsSync(file)
    ? readFileSync(file, "utf8")
    : "# Benchmark results\n\nWritten by `npm run bench` (bench/run.mjs); notes outside the marked sections are kept.\n";
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, doc);
  console.log(`\nWritten to ${path.relative(root, file)} (section "${mode}").`);
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`bench failed: ${error.stack ?? error.message}`);
} finally {
  await stack.unwind();
}
process.exit(exitCode);

// `npm test`: the whole API test suite against the real product.
//
// 1. A throw-away database (scripts/test-env.mjs): a new one on DATABASE_URL's server when that
//    is set, otherwise an embedded PostgreSQL cluster of the run's own.
// 2. The production build (`next build` when the sources are newer than .next).
// 3. The product's own server (scripts/server.ts) on a free port, against that database.
// 4. node's test runner over test/**/*.test.ts (or the files given); a run that executes no
//    test fails.
// 5. After a whole run, the checks of what the run observed (test/after-suite/): e.g. that the
//    OpenAPI document names every status the server answered. They need every other test done.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { Stack, ensureBuild, freePort, makeRunDir, startServer, throwawayDatabase } from "./test-env.mjs";

const root = process.cwd();
const stack = new Stack();
const AFTER_SUITE = path.join(root, "test", "after-suite");

function listTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full === AFTER_SUITE ? [] : listTests(full);
    return e.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Runs node's test runner on `files`; echoes its report and counts what ran, passed and failed. */
async function runTests(files, env) {
  const runner = spawn(
    process.execPath,
    ["--import", "tsx", "--test", "--test-concurrency=2", "--test-force-exit", "--test-reporter=spec", ...files],
    { env, stdio: ["ignore", "pipe", "inherit"] },
  );
  // Node reports a file without tests as one passing "test" named after the file, so those lines
  // do not count.
  const fileNames = new Set(files.map((f) => path.relative(root, path.resolve(f))).concat(files));
  const result = { code: 1, count: 0, pass: 0, fail: 0 };
  let pending = "";
  const readLines = (text) => {
    for (const raw of text.split("\n")) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the reporter's colour codes start with ESC.
      const line = raw.replace(/\x1b\[[0-9;]*m/g, "");
      const m = /^\s*[✔✖] (.+?) \([\d.]+ms\)/.exec(line);
      if (m && !fileNames.has(m[1])) result.count++;
      const summary = /^ℹ (pass|fail) (\d+)$/.exec(line.trim());
      if (summary) result[summary[1]] += Number(summary[2]);
    }
  };
  runner.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    const text = pending + chunk.toString("utf8");
    const cut = text.lastIndexOf("\n");
    readLines(text.slice(0, cut + 1));
    pending = text.slice(cut + 1);
  });
  result.code = await new Promise((resolve) => runner.on("close", (c) => resolve(c ?? 1)));
  readLines(pending);
  return result;
}

async function main() {
  const { runId, dir } = makeRunDir(root, stack, "test-run");
  ensureBuild(root);
  const db = await throwawayDatabase(runId, dir, stack);
  const port = await freePort();
  const serverEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: db.url,
    PORT: String(port),
    SMS_DATA_DIR: dir,
    SMS_SKIP_BUILD: "1",
    SMS_DEMO: "0",
    // Tests speak for many clients from one machine: they name the client address in
    // X-Forwarded-For, which the server honours only because loopback is a trusted proxy here.
    SMS_TRUSTED_PROXIES: "127.0.0.1,::1",
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
    // Key rotation reaches every instance within this; short, so the rotation test is quick.
    SMS_KEY_RING_TTL: "2",
    // Every API answer of this run's servers (and of the servers tests start themselves).
    SMS_RECORD_STATUSES: path.join(dir, "statuses.jsonl"),
  };
  await startServer(root, serverEnv, stack);

  const given = process.argv.slice(2);
  const testEnv = { ...serverEnv, SMS_TEST_PORT: String(port), SMS_TEST_ADMIN_DATABASE_URL: db.adminUrl, NODE_ENV: "test" };
  const runs = [await runTests(given.length ? given : listTests(path.join(root, "test")).sort(), testEnv)];
  if (!given.length && runs[0].code === 0) {
    console.log("\nChecks of what the whole run observed (test/after-suite):");
    runs.push(
      await runTests(
        readdirSync(AFTER_SUITE)
          .filter((f) => f.endsWith(".test.ts"))
          .map((f) => path.join(AFTER_SUITE, f))
          .sort(),
        testEnv,
      ),
    );
  }
  const total = runs.reduce((t, r) => ({ count: t.count + r.count, pass: t.pass + r.pass, fail: t.fail + r.fail }), {
    count: 0,
    pass: 0,
    fail: 0,
  });
  console.log(`\n${total.pass} passed, ${total.fail} failed`);
  if (runs.every((r) => r.code === 0) && total.count === 0) {
    console.error("No test was executed: failing the run.");
    return 1;
  }
  return runs.find((r) => r.code !== 0)?.code ?? 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`Test run failed: ${error.message}`);
} finally {
  await stack.unwind();
}
process.exit(exitCode);

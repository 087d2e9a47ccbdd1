// `npm test`: the whole API test suite against the real product.
//
// 1. A throw-away database (scripts/test-env.mjs): a new one on DATABASE_URL's server when that
//    is set, otherwise an embedded PostgreSQL cluster of the run's own.
// 2. The production build (`next build` when the sources are newer than .next).
// 3. The product's own server (scripts/server.ts) on a free port, against that database.
// 4. node's test runner over test/**/*.test.ts (or the files given); a run that executes no
//    test fails.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { Stack, ensureBuild, freePort, makeRunDir, startServer, throwawayDatabase } from "./test-env.mjs";

const root = process.cwd();
const stack = new Stack();

function listTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listTests(path.join(dir, e.name)) : e.name.endsWith(".test.ts") ? [path.join(dir, e.name)] : []);
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
  };
  await startServer(root, serverEnv, stack);

  const files = process.argv.slice(2).length ? process.argv.slice(2) : listTests(path.join(root, "test")).sort();
  const runner = spawn(process.execPath, [
    "--import", "tsx", "--test", "--test-concurrency=2", "--test-force-exit", "--test-reporter=spec",
    ...files,
  ], {
    env: { ...serverEnv, SMS_TEST_PORT: String(port), SMS_TEST_ADMIN_DATABASE_URL: db.adminUrl, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Echo the report and count the tests that ran. Node reports a file without tests as one
  // passing "test" named after the file, so those lines do not count.
  const fileNames = new Set(files.map((f) => path.relative(root, path.resolve(f))).concat(files));
  let count = 0;
  let pending = "";
  const countLines = (text) => {
    for (const line of text.split("\n")) {
      const m = /^\s*[✔✖] (.+?) \([\d.]+ms\)/.exec(line.replace(/\x1b\[[0-9;]*m/g, ""));
      if (m && !fileNames.has(m[1])) count++;
    }
  };
  runner.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    const text = pending + chunk.toString("utf8");
    const cut = text.lastIndexOf("\n");
    countLines(text.slice(0, cut + 1));
    pending = text.slice(cut + 1);
  });
  const code = await new Promise((resolve) => runner.on("close", (c) => resolve(c ?? 1)));
  countLines(pending);
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
  await stack.unwind();
}
process.exit(exitCode);

// `npm run e2e`: browser tests (Playwright, Debian's Chromium) against the built product with
// its demo data, on real hosts: `localhost` for the platform, `greenwood.localhost` for the demo
// school (Chromium resolves *.localhost to loopback by itself).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { Stack, ensureBuild, freePort, makeRunDir, startServer, throwawayDatabase } from "./test-env.mjs";

const root = process.cwd();
const stack = new Stack();

async function main() {
  const chromium = process.env.SMS_CHROMIUM || "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(`Chromium not found at ${chromium}: install Debian's package (apt-get install -y chromium) or set SMS_CHROMIUM.`);
    return 1;
  }
  const { runId, dir } = makeRunDir(root, stack, "e2e-run");
  ensureBuild(root);
  const db = await throwawayDatabase(runId, dir, stack);
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: db.url,
    PORT: String(port),
    SMS_DATA_DIR: dir,
    SMS_SKIP_BUILD: "1",
    SMS_DEMO: "1",
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
  };
  await startServer(root, env, stack);
  const runner = spawn(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, E2E_PORT: String(port), E2E_DATA_DIR: dir, SMS_CHROMIUM: chromium },
  });
  return new Promise((resolve) => runner.on("exit", (c) => resolve(c ?? 1)));
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`E2E run failed: ${error.message}`);
} finally {
  await stack.unwind();
}
process.exit(exitCode);

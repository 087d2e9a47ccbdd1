// Browser tests: started by `npm run e2e` (scripts/e2e.mjs), which runs the built app with demo
// data and passes its port. One project per kind of host and screen: the journeys run on a
// 1440×900 desktop; the UI kit's specs (*.kit-*.spec.ts) run there and again on a 390×844 phone.
import { defineConfig } from "@playwright/test";

const port = process.env.E2E_PORT;
if (!port) throw new Error("Run the browser tests with `npm run e2e`");

const launchOptions = {
  executablePath: process.env.SMS_CHROMIUM || "/usr/bin/chromium",
  // The machine has no network beyond loopback: keep Chromium from phoning home.
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  // Generous: axe-core on a long page (/docs) takes seconds, and a journey of sign-ins (argon2id)
  // and server-rendered pages takes a minute and more on a busy 2-core machine (seen in CI while
  // builds ran beside it). Waits for what a person would see get 15 s for the same reason.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: { browserName: "chromium", launchOptions, trace: "retain-on-failure" },
  projects: [
    { name: "platform", testMatch: /platform\..*spec\.ts/, use: { baseURL: `http://localhost:${port}`, viewport: DESKTOP } },
    { name: "school", testMatch: /school\..*spec\.ts/, use: { baseURL: `http://greenwood.localhost:${port}`, viewport: DESKTOP } },
    {
      name: "platform-phone",
      testMatch: /platform\.kit-.*spec\.ts/,
      use: { baseURL: `http://localhost:${port}`, viewport: PHONE, isMobile: true, hasTouch: true },
    },
    {
      name: "school-phone",
      testMatch: /school\.kit-.*spec\.ts/,
      use: { baseURL: `http://greenwood.localhost:${port}`, viewport: PHONE, isMobile: true, hasTouch: true },
    },
  ],
});

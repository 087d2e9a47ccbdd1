// The demo credentials the server generated for this run (see lib/boot/boot.ts).
import { readFileSync } from "node:fs";
import path from "node:path";

export function demoCredentials(): {
  platform: { email: string; password: string };
  school: { email: string; password: string; slug: string };
} {
  return JSON.parse(readFileSync(path.join(process.env.E2E_DATA_DIR!, "demo-credentials.json"), "utf8"));
}

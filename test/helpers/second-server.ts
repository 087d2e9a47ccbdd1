// Another instance of the product on the same database, for tests of what must hold across
// instances (revocation, permissions, throttling). Started like the main test server.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { get } from "./api";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface SecondServer {
  port: number;
  stop(): Promise<void>;
}

export async function startSecondServer(extraEnv: Record<string, string> = {}): Promise<SecondServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts", "start"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), SMS_SKIP_BUILD: "1", SMS_DEMO: "0", ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        resolve();
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* gone */
        }
      }, 10_000).unref();
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`second server exited with ${child.exitCode}`);
    const health = await get("/api/health", { port }).catch(() => null);
    if (health?.status === 200) return { port, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error("second server did not become healthy");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

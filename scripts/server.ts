// The HTTP server of the product: `npm start` (production build) and `npm run dev`.
//
// Why a custom server around Next.js: it is the only place that sees the TCP socket and every
// request, so it is where the client address and scheme are established (and client-sent internal
// headers are dropped), where every body is capped (lib/server/body-limit.ts), where every answer
// gets its security headers, where a database outage becomes a 503 (lib/server/unavailable.ts),
// and where `/api/...` paths with a trailing slash are answered directly instead of redirected.
// It also boots the platform (database, migrations, keys, bootstrap users) before listening.
import { spawnSync } from "node:child_process";
import http from "node:http";
import next from "next";
import "./load-env";
import { boot, type DemoCredentials } from "@/lib/boot/boot";
import { closeDb } from "@/lib/db/client";
import { stopEmbeddedDatabase } from "@/lib/db/database-url";
import { EnvError, env } from "@/lib/env";
import { log } from "@/lib/log";
import { requestIsHttps, resolveClientAddress, trustedProxyList } from "@/lib/http/client-address";
import { databaseDown } from "@/lib/db/availability";
import { answerUnavailable, outagesAs503 } from "@/lib/server/unavailable";
import { securityHeaders } from "@/lib/server/security-headers";
import { recordStatuses } from "@/lib/server/status-log";
import { answeredByServer, bodyLimitFor, enforceBodyLimit } from "@/lib/server/body-limit";
import { derivedSecret } from "@/lib/auth/secret-box";
import { startOutboxWorker } from "@/lib/messages/worker";
// @ts-expect-error plain ESM helper without types
import { buildIsStale } from "./build-state.mjs";

const INTERNAL_HEADER_PREFIX = "x-sms-";
// Methods the route handlers answer (OPTIONS is Next.js's own: 204 with Allow, for CORS preflights).
const ROUTED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function banner(port: number, demo: DemoCredentials | null): string {
  const lines = [`SMS platform ready on http://${env().SMS_ROOT_DOMAIN}:${port}/  (API docs: /docs, health: /api/health)`];
  // Addresses from this start's port (the saved credentials may come from an earlier one).
  const root = env().SMS_ROOT_DOMAIN;
  if (demo?.platform) lines.push(`  Platform console  http://${root}:${port}/console  ${demo.platform.email} / ${demo.platform.password}`);
  if (demo?.school)
    lines.push(`  Demo school       http://${demo.school.slug}.${root}:${port}/  ${demo.school.email} / ${demo.school.password}`);
  if (env().SMS_SUPERUSER_EMAIL) lines.push(`  Superuser         ${env().SMS_SUPERUSER_EMAIL} (password from SMS_SUPERUSER_PASSWORD)`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const dev = process.argv[2] === "dev";
  if (!dev && process.env.SMS_SKIP_BUILD !== "1" && buildIsStale()) {
    console.error("No up-to-date production build: running `next build` first (about a minute)…");
    const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const { PORT: port, SMS_TRUSTED_PROXIES } = env();
  const trusted = trustedProxyList(SMS_TRUSTED_PROXIES);
  const { demo } = await boot({ port });
  (globalThis as { __smsServer?: boolean }).__smsServer = true;
  // The console's sign-in (next-auth) needs its public URL and a cookie secret; both follow from
  // our own configuration unless set explicitly.
  process.env.NEXTAUTH_URL ??= `http://${env().SMS_ROOT_DOMAIN}:${port}`;
  process.env.NEXTAUTH_SECRET ??= derivedSecret("nextauth");

  const app = next({ dev, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const recordStatus = recordStatuses(process.env.SMS_RECORD_STATUSES);
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse, expectsContinue: boolean) => {
    for (const name of Object.keys(req.headers)) {
      if (name.startsWith(INTERNAL_HEADER_PREFIX)) delete req.headers[name];
    }
    const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
    if (address) req.headers["x-sms-client-ip"] = address;
    const https = requestIsHttps(req.socket as { remoteAddress?: string; encrypted?: boolean }, req.headers["x-forwarded-proto"], trusted);
    req.headers["x-sms-proto"] = https ? "https" : "http";
    for (const [name, value] of Object.entries(securityHeaders({ https }))) res.setHeader(name, value);

    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q >= 0 ? url.slice(0, q) : url;
    const isApi = pathname.startsWith("/api/") || pathname.startsWith("/.well-known/");
    if (isApi) recordStatus?.(req, res, pathname);
    if (isApi && !ROUTED_METHODS.has(req.method ?? "")) {
      // TRACE, CONNECT, PROPFIND…: the contract's 405, not Next.js's plain-text error.
      res.writeHead(405, { "content-type": "application/json", "cache-control": "no-store", allow: "GET, HEAD, POST, PUT, PATCH, DELETE" });
      res.end(JSON.stringify({ detail: `Method "${String(req.method).slice(0, 20)}" not allowed.`, code: "method_not_allowed" }));
      return;
    }
    if (!enforceBodyLimit(req, res, bodyLimitFor(pathname))) return;
    // Only now, with the length known to be acceptable, may the client send its body.
    if (expectsContinue) res.writeContinue();
    // While the database is down, answer at once rather than let requests queue for connections
    // that cannot come; health checks still probe it themselves, and static files need no database.
    if (databaseDown() && pathname !== "/api/health" && !pathname.startsWith("/_next/")) return answerUnavailable(res, isApi);
    outagesAs503(res);
    // `/api/v1/x/` and `/api/v1/x` are the same resource (the REST contract §1): no redirect, for any method.
    if (isApi && pathname.length > 1 && pathname.endsWith("/")) {
      req.url = pathname.replace(/\/+$/, "") + (q >= 0 ? url.slice(q) : "");
    }
    handle(req, res).catch((error) => {
      if (answeredByServer(res)) return;
      log.error({ err: error }, "request handler failed");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      }
    });
  };
  const server = http.createServer((req, res) => onRequest(req, res, false));
  // `Expect: 100-continue`: Node would say "continue" before we saw the request; we say it after
  // checking the declared length, so an oversized body is refused before it is sent.
  server.on("checkContinue", (req, res) => onRequest(req, res, true));
  server.keepAliveTimeout = 65_000;
  server.listen(port, () => console.log(banner(port, demo)));
  // Delivers the outbox's messages (lib/messages/worker.ts); every instance runs one.
  const outbox = startOutboxWorker();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    server.close();
    server.closeIdleConnections();
    // The round in progress finishes (its claims recorded) before the database goes.
    await outbox.stop().catch(() => undefined);
    await closeDb().catch(() => undefined);
    await stopEmbeddedDatabase().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  if (error instanceof EnvError) console.error(error.message);
  else console.error(`Start-up failed: ${(error as Error).message}`);
  process.exit(1);
});

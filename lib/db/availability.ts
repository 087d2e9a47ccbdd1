// Whether the database can be reached, as every part of the process sees it.
//
// A request that fails because PostgreSQL is unreachable is not a bug: it is a 503 with
// Retry-After (hardening issue, item 7), on every route and page, and the app must come back by
// itself once the database does. Connection failures are noticed where they happen (the pool's
// connect, lib/db/client.ts; the error mapper, lib/http/errors.ts), which marks the database
// down; while it is down a probe retries it every PROBE_INTERVAL_MS and marks it up at the first
// answer. The HTTP server (scripts/server.ts) answers 503 at once while the database is down,
// instead of letting each request wait for a connection that cannot come.
//
// The state lives on globalThis: Next.js loads route handlers and pages as separate module
// graphs, and the server itself runs outside them, but there is one database and one answer.
import pg from "pg";
import { log } from "@/lib/log";

/** Seconds a client is told to wait (Retry-After) before trying again. */
export const RETRY_AFTER_SECONDS = 5;
const PROBE_INTERVAL_MS = 250;

interface AvailabilityState {
  down: boolean;
  since: number;
  probing: boolean;
}

const shared = globalThis as { __smsDbAvailability?: AvailabilityState };
shared.__smsDbAvailability ??= { down: false, since: 0, probing: false };
const state: AvailabilityState = shared.__smsDbAvailability;

// Errors that mean "no database to talk to", not "the query was wrong": failing to connect,
// pg's and the pool's words for a lost or never-made connection, and PostgreSQL's SQLSTATEs for
// connection exceptions (class 08), shutdown or start-up (57P01–57P03) and a full server (53300).
// A socket error counts only from making a connection (syscall connect or a name lookup): a reset
// or a broken pipe is as likely the HTTP client going away, and pg reports a lost database
// connection in words ("Connection terminated…") anyway.
const CONNECT_CODES = new Set(["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const CONNECT_SYSCALLS = new Set(["connect", "getaddrinfo"]);
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /connection (is )?closed/i,
  /can't reach database server/i,
];
// Prisma's codes for the same: cannot reach the server, connection closed, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);

/** True when `error` (or what it wraps) says the database could not be reached. */
export function isDatabaseUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e) || seen.size > 10) continue;
    seen.add(e);
    const { code, originalCode, syscall, kind, message, cause, meta, errors } = e as Record<string, unknown>;
    if (typeof code === "string" && CONNECT_CODES.has(code) && typeof syscall === "string" && CONNECT_SYSCALLS.has(syscall)) return true;
    for (const c of [code, originalCode]) {
      if (typeof c !== "string") continue;
      if (SQLSTATES.has(c) || /^08[0-9A-Z]{3}$/.test(c) || PRISMA_CODES.has(c)) return true;
    }
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
    if (typeof message === "string" && MESSAGES.some((m) => m.test(message))) return true;
    queue.push(cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
    if (Array.isArray(errors)) queue.push(...errors); // AggregateError (one per address tried)
  }
  return false;
}

export function databaseDown(): boolean {
  return state.down;
}

/**
 * Records `error` if it says the database is unreachable (and starts probing for its return).
 * Returns whether it did.
 */
export function noteDatabaseError(error: unknown): boolean {
  if (!isDatabaseUnreachable(error)) return false;
  if (!state.down) {
    state.down = true;
    state.since = Date.now();
    log.warn({ err: error }, "database unreachable: answering 503 until it is back");
  }
  void probeUntilUp();
  return true;
}

/** A round trip just succeeded (the health check's): whatever the probe has not noticed yet. */
export function noteDatabaseAnswered(): void {
  state.down = false;
}

async function answers(): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return false;
  // A client of its own, not the pool: the pool may be full of requests waiting for connections.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probeUntilUp(): Promise<void> {
  if (state.probing) return;
  state.probing = true;
  try {
    while (state.down) {
      if (await answers()) {
        state.down = false;
        log.info({ down_ms: Date.now() - state.since }, "database reachable again");
      } else await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS).unref());
    }
  } finally {
    state.probing = false;
  }
}

// Shared by the system API suites (the REST contract §5): paths, sessions per platform role, the contract's
// error and page shapes, tenants and API keys made through the API, and — for the suites that
// need a server of their own (another database, other settings) — spawning one and talking to it.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import pg from "pg";
import { PORT, get, post, request, tenantHost, type ApiResponse, type RequestOptions } from "./api";
import { makePlatformUser, makeSchoolUser, schoolLogin, systemLogin, unique } from "./fixtures";

export const SYS = "/api/v1/system";
export const CLIENTS = `${SYS}/clients/`;
export const clientPath = (id: string) => `${SYS}/clients/${id}/`;
export const clientUsersPath = (id: string) => `${SYS}/clients/${id}/users/`;
export const USERS = `${SYS}/users/`;
export const userPath = (id: string) => `${SYS}/users/${id}/`;
export const API_KEYS = `${SYS}/api-keys/`;
export const apiKeyPath = (id: string) => `${SYS}/api-keys/${id}/`;
export const AUDIT = `${SYS}/audit/`;
export const PERMISSIONS_URL = "/api/v1/school/permissions/";

export const CLIENT_FIELDS = ["created_at", "domains", "id", "is_active", "mfa_required", "name", "slug"];
export const API_KEY_FIELDS = [
  "client",
  "created_at",
  "expires_at",
  "id",
  "last_used_at",
  "name",
  "prefix",
  "revoked",
  "revokes_at",
  "scopes",
];
export const PAGE_FIELDS = ["count", "next", "previous", "results"];

/** Ids that name nothing: unknown, malformed, huge, hostile. Each must be a 404, never a 500. */
export const BAD_IDS: [string, string][] = [
  ["an unknown UUID", "00000000-0000-4000-8000-000000000000"],
  ["abc", "abc"],
  ["1", "1"],
  ["a 10 KB string", "a".repeat(10_000)],
  ["a UUID with a tail", "00000000-0000-4000-8000-000000000000x"],
  ["SQL", encodeURIComponent("' OR '1'='1")],
];

export const patch = <T = any>(path: string, body?: unknown, o?: RequestOptions) => request<T>("PATCH", path, { ...o, body });
export const del = <T = any>(path: string, o?: RequestOptions) => request<T>("DELETE", path, o);

export type PlatformRoleName = "superadmin" | "platform_admin" | "support";

/** A fresh platform user of that role, logged in; `as` are request options carrying its token. */
export async function platformSession(role: PlatformRoleName = "superadmin") {
  const user = await makePlatformUser(role);
  const { access, refresh } = await systemLogin(user.email);
  return { user, access, refresh, as: { token: access } as RequestOptions };
}

/** A fresh school user with those roles, logged in on the tenant's host. */
export async function schoolSession(tenant: { id: string; slug: string }, roles: string[] = ["Admin"]) {
  const user = await makeSchoolUser(tenant.id, roles);
  const host = tenantHost(tenant.slug);
  const session = await schoolLogin(host, user.email);
  return { user, host, access: session.access, refresh: session.refresh, as: { token: session.access } as RequestOptions };
}

export function assertError(res: ApiResponse, status: number, code: string, field?: string) {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${res.status}: ${res.text.slice(0, 500)}`);
  assert.equal(res.body?.code, code, res.text.slice(0, 500));
  assert.equal(typeof res.body.detail, "string");
  if (status === 401) assert.ok(res.headers["www-authenticate"], "a 401 carries WWW-Authenticate");
  if (field !== undefined) assert.ok(Array.isArray(res.body.errors?.[field]), `errors.${field} expected in ${res.text.slice(0, 500)}`);
}

/** A 400 whose errors name `field` itself or one of its items (`domains.0`). */
export function assertInvalidField(res: ApiResponse, field: string) {
  assertError(res, 400, "invalid");
  const keys = Object.keys(res.body.errors ?? {});
  assert.ok(
    keys.some((k) => k === field || k.startsWith(`${field}.`)),
    `errors should name ${field}: ${res.text.slice(0, 500)}`,
  );
}

/** A DRF page: exactly {count, next, previous, results}. */
export function assertPage(res: ApiResponse) {
  assert.equal(res.status, 200, res.text.slice(0, 500));
  assert.deepEqual(Object.keys(res.body).sort(), PAGE_FIELDS);
  assert.equal(typeof res.body.count, "number");
  assert.ok(Array.isArray(res.body.results));
  for (const link of [res.body.next, res.body.previous]) assert.ok(link === null || typeof link === "string");
  return res.body as { count: number; next: string | null; previous: string | null; results: any[] };
}

/** The path and query of an absolute next/previous link, checked to point back at this server. */
export function linkPath(link: string, host = "localhost"): string {
  const url = new URL(link);
  assert.equal(url.protocol, "http:");
  assert.equal(url.host, `${host}:${PORT}`, `link ${link} names this server`);
  return url.pathname + url.search;
}

/** Every page of a list, following `next`. */
export async function allPages(path: string, o: RequestOptions) {
  const items: any[] = [];
  let next: string | null = path;
  let pages = 0;
  while (next && pages++ < 50) {
    const page = assertPage(await get(next.startsWith("http") ? linkPath(next, o.host) : next, o));
    items.push(...page.results);
    next = page.next;
  }
  return items;
}

export const newSlug = () => unique("sc-");

/** Creates a school through POST /clients/; returns the Tenant plus its host. */
export async function createClient(o: RequestOptions, body: Record<string, unknown> = {}) {
  const slug = (body.slug as string | undefined) ?? newSlug();
  const res = await post(CLIENTS, { name: `School ${slug}`, slug, ...body }, o);
  assert.equal(res.status, 201, res.text);
  return { ...res.body, host: tenantHost(res.body.slug) } as {
    id: string;
    name: string;
    slug: string;
    is_active: boolean;
    domains: string[];
    mfa_required: boolean;
    created_at: string;
    host: string;
  };
}

/** Creates an API key through POST /api-keys/; the answer includes `key`. */
export async function createKey(o: RequestOptions, body: { client: string | null; scopes?: string[]; name?: string; expires_at?: string }) {
  const res = await post(API_KEYS, { name: unique("key-"), scopes: ["*"], ...body }, o);
  assert.equal(res.status, 201, res.text);
  return res.body as {
    id: string;
    key: string;
    prefix: string;
    client: string | null;
    scopes: string[];
    name: string;
    expires_at: string | null;
    last_used_at: string | null;
    revoked: boolean;
    revokes_at: string | null;
    created_at: string;
  };
}

/** Request options that present an API key (on the tenant's host when given). */
export const withKey = (key: string, host?: string, headers: Record<string, string> = {}): RequestOptions => ({
  host,
  headers: { "x-api-key": key, ...headers },
});

// ---------------------------------------------------------------------------------------------
// Servers of a suite's own: the product's server started like `npm test` starts it, but with the
// suite's settings, and a plain HTTP client for it.

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export interface OwnServer {
  port: number;
  child: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `node --import tsx scripts/server.ts start` in its own process group with `env` over the
 * test process's environment minus `SMS_TRUSTED_PROXIES` (unless `env` sets it), and waits for
 * /api/health to answer 200 (bounded).
 */
export async function startOwnServer(env: Record<string, string>, timeoutMs = 90_000): Promise<OwnServer> {
  const port = await freePort();
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.SMS_TRUSTED_PROXIES;
  delete base.SMS_TEST_PORT;
  delete base.NODE_TEST_CONTEXT; // the child is a server, not a test file
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts", "start"], {
    cwd: process.cwd(),
    env: {
      ...base,
      SMS_SKIP_BUILD: "1",
      NODE_ENV: "production",
      SMS_DEMO: "0",
      LOG_LEVEL: process.env.LOG_LEVEL || "warn",
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let errors = "";
  child.stderr?.on("data", (c) => {
    errors = (errors + c.toString("utf8")).slice(-4000);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
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
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`own server exited with ${child.exitCode}: ${errors}`);
    try {
      const res = await requestTo(port, "GET", "/api/health", { host: "127.0.0.1" });
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`own server not healthy within ${timeoutMs} ms: ${errors}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, child, stderr: () => errors, stop };
}

export interface OwnRequestOptions {
  host?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Local address of the connection (a loopback alias such as 127.8.9.10), when given. */
  localAddress?: string;
}

/** Plain HTTP to 127.0.0.1:`port`; sends no X-Forwarded-For unless told to. */
export function requestTo<T = any>(port: number, method: string, path: string, o: OwnRequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { host: `${o.host ?? "localhost"}:${port}`, ...o.headers };
  let payload: Buffer | undefined;
  if (o.body !== undefined) {
    payload = Buffer.from(JSON.stringify(o.body));
    headers["content-type"] ??= "application/json";
    headers["content-length"] = String(payload.length);
  }
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers, localAddress: o.localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: any;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
    });
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/**
 * A loopback address no other test uses, so a suite's per-address counters start at zero: a
 * random 127.x.y.z where the system routes the whole 127/8 to loopback (Linux), else 127.0.0.1.
 */
export async function privateLoopback(): Promise<string> {
  const candidate = `127.${1 + (randomBytes(1)[0] % 250)}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;
  const works = await new Promise<boolean>((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(0, candidate, () => srv.close(() => resolve(true)));
  });
  return works ? candidate : "127.0.0.1";
}

/** A database of a suite's own on the test run's PostgreSQL server, dropped by `drop()`. */
export async function ownDatabase() {
  const adminUrl = process.env.SMS_TEST_ADMIN_DATABASE_URL;
  if (!adminUrl) throw new Error("SMS_TEST_ADMIN_DATABASE_URL is not set: run the tests with `npm test`");
  const name = `sms_own_${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

// the REST contract §7 and the "Operations": health, the OpenAPI document and /docs, the command
// line (createsuperuser, rotate-keys), start-up configuration errors, the bootstrap superuser,
// and recovery when the database goes away and comes back.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { get, post, request } from "./helpers/api";
import { makeSchoolUser, makeTenant, sql, systemLogin, unique, PASSWORD } from "./helpers/fixtures";
import { ensureBootstrapSuperuser } from "@/lib/boot/boot";
import { requestTo } from "./helpers/system-api";
import { removeEmbeddedPostgres, startEmbeddedPostgres, ensureDatabase, type EmbeddedCluster } from "@/lib/db/embedded";

const ROOT = path.resolve(import.meta.dirname, "..");
const ARGON2ID_OWASP = "$argon2id$v=19$m=19456,t=2,p=1$";

// ---------------------------------------------------------------------------------------------
// Helpers

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs `node --import tsx <args>` in the project folder; killed (and reported) after `timeoutMs`. */
function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout!.on("data", (c) => {
      stdout += c;
    });
    child.stderr!.on("data", (c) => {
      stderr += c;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

const testEnv = (extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", ...extra };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete e[k];
  return e;
};

const sms = (args: string[], extra: Record<string, string | undefined> = {}) => runNode(["scripts/sms.ts", ...args], testEnv(extra));

const nonEmptyLines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------

describe("health", () => {
  it("GET /api/health is 200 {status: ok}", async () => {
    const res = await get("/api/health");
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: "ok" });
  });
  it("answers with and without a trailing slash, and on a tenant host too", async () => {
    const tenant = await makeTenant();
    for (const [p, host] of [
      ["/api/health/", undefined],
      ["/api/health", tenant.host],
    ] as const) {
      const res = await get(p, { host });
      assert.equal(res.status, 200, `${p} ${host}`);
      assert.equal(res.body.status, "ok");
    }
  });
});

/** Route files under app/api/v1 as the documented paths they serve. */
function routePaths(): string[] {
  const base = path.join(ROOT, "app", "api", "v1");
  const out: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name.startsWith("[...") || name.startsWith("[[...")) continue; // the catch-all 404
        if (name.startsWith("(") && name.endsWith(")")) {
          walk(full, segments);
          continue;
        } // route group
        walk(full, [...segments, name.replace(/^\[(.+)\]$/, "{$1}")]);
      } else if (/^route\.(ts|tsx|js|mjs)$/.test(name)) {
        const p = `/api/v1/${segments.join("/")}`;
        out.push(p.endsWith(".json") ? p : `${p}/`);
      }
    }
  };
  walk(base, []);
  return out.sort();
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

describe("the OpenAPI document", () => {
  let doc: any;
  before(async () => {
    const res = await get("/api/v1/openapi.json");
    assert.equal(res.status, 200);
    assert.match(String(res.headers["content-type"]), /application\/json/);
    doc = res.body;
  });

  it("is OpenAPI 3.1.0 with paths", () => {
    assert.equal(doc.openapi, "3.1.0");
    assert.equal(typeof doc.info?.title, "string");
    assert.ok(doc.paths && Object.keys(doc.paths).length > 0);
  });

  it("the route walk finds the known routes (sanity check of the walk itself)", () => {
    const routes = routePaths();
    for (const p of ["/api/v1/openapi.json", "/api/v1/system/auth/login/", "/api/v1/school/auth/me/"]) assert.ok(routes.includes(p), p);
    assert.ok(!routes.some((p) => p.includes("[")), routes.join(", "));
  });

  it("documents every route file under app/api/v1", () => {
    const missing = routePaths().filter((p) => !(p in doc.paths));
    assert.deepEqual(missing, [], `routes missing from openapi.json: ${missing.join(", ")}`);
  });

  it("documents no /api/v1 path that has no route file", () => {
    const routes = new Set(routePaths());
    const phantom = Object.keys(doc.paths).filter((p) => p.startsWith("/api/v1/") && !routes.has(p));
    assert.deepEqual(phantom, []);
  });

  it("documents exactly the methods each route implements (405 = not implemented)", async () => {
    const problems: string[] = [];
    for (const p of routePaths()) {
      const concrete = p.replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
      for (const method of METHODS) {
        const res = await request(method, concrete);
        assert.notEqual(res.status, 500, `${method} ${concrete}`);
        const implemented = res.status !== 405;
        const documented = Boolean(doc.paths[p]?.[method.toLowerCase()]);
        if (implemented !== documented)
          problems.push(
            `${method} ${p}: ${implemented ? "implemented" : "not implemented"} (${res.status}) but ${documented ? "documented" : "undocumented"}`,
          );
      }
    }
    assert.deepEqual(problems, []);
  });

  it("also lists health and the JWK Set", () => {
    assert.ok(doc.paths["/api/health"]?.get);
    assert.ok(doc.paths["/.well-known/jwks.json"]?.get);
  });

  it("every operation has responses", () => {
    for (const [p, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (!["get", "post", "put", "patch", "delete", "head"].includes(method)) continue;
        assert.ok(op.responses && Object.keys(op.responses).length > 0, `${method} ${p}`);
      }
    }
  });

  it("GET /docs is an HTML page naming the endpoints", async () => {
    const res = await request("GET", "/docs", { headers: { accept: "text/html" } });
    assert.equal(res.status, 200);
    assert.match(String(res.headers["content-type"]), /text\/html/);
    assert.ok(res.text.includes("/api/v1/system/auth/login/"), "mentions the system login");
    assert.ok(res.text.includes("/api/v1/school/auth/login/"), "mentions the school login");
  });
});

// ---------------------------------------------------------------------------------------------

describe("npm run sms -- createsuperuser", () => {
  it("creates a superadmin with an argon2id (OWASP) hash, who can log in", async () => {
    const email = `${unique("root")}@example.org`;
    const r = await sms(["createsuperuser", "--email", email, "--password", PASSWORD]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.timedOut);
    assert.ok(r.stdout.includes(email), r.stdout);
    const row = await sql().query("SELECT platform_role, client_id, password_hash, is_active FROM users WHERE email = $1", [email]);
    assert.equal(row.rowCount, 1);
    assert.equal(row.rows[0].platform_role, "superadmin");
    assert.equal(row.rows[0].client_id, null);
    assert.equal(row.rows[0].is_active, true);
    assert.ok(row.rows[0].password_hash.startsWith(ARGON2ID_OWASP), row.rows[0].password_hash.slice(0, 40));
    const { access, user } = await systemLogin(email, PASSWORD);
    assert.equal(user.platform_role, "superadmin");
    const me = await get("/api/v1/system/auth/me/", { token: access });
    assert.equal(me.status, 200);
  });

  it("run again for the same email (any case) it says so, exits 0 and changes nothing", async () => {
    const email = `${unique("root")}@example.org`;
    const first = await sms(["createsuperuser", "--email", email, "--password", PASSWORD]);
    assert.equal(first.code, 0, first.stderr);
    const before = await sql().query("SELECT id, password_hash FROM users WHERE email = $1", [email]);
    for (const again of [email, email.toUpperCase()]) {
      const r = await sms(["createsuperuser", "--email", again, "--password", "a different password"]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout + r.stderr, /already exists/i);
    }
    const after = await sql().query("SELECT id, password_hash FROM users WHERE lower(email) = $1", [email]);
    assert.equal(after.rowCount, 1, "no second user");
    assert.equal(after.rows[0].password_hash, before.rows[0].password_hash, "password unchanged");
    await systemLogin(email, PASSWORD);
  });

  it("stores the email lower-cased", async () => {
    const email = `${unique("Root")}@Example.ORG`;
    const r = await sms(["createsuperuser", "--email", email, "--password", PASSWORD]);
    assert.equal(r.code, 0, r.stderr);
    const row = await sql().query("SELECT email FROM users WHERE email = $1", [email.toLowerCase()]);
    assert.equal(row.rowCount, 1);
  });

  it("a too-short password exits 1 with one line, and creates nobody", async () => {
    const email = `${unique("root")}@example.org`;
    const r = await sms(["createsuperuser", "--email", email, "--password", "short"]);
    assert.equal(r.code, 1);
    const lines = nonEmptyLines(r.stderr);
    assert.equal(lines.length, 1, `stderr: ${r.stderr}`);
    assert.match(lines[0], /password/i);
    assert.ok(!/\n\s+at /.test(r.stdout + r.stderr), "no stack trace");
    const row = await sql().query("SELECT 1 FROM users WHERE email = $1", [email]);
    assert.equal(row.rowCount, 0);
  });

  it("an invalid email exits 1 with one line", async () => {
    const r = await sms(["createsuperuser", "--email", "not-an-email", "--password", PASSWORD]);
    assert.equal(r.code, 1);
    assert.equal(nonEmptyLines(r.stderr).length, 1, `stderr: ${r.stderr}`);
    assert.ok(!/\n\s+at /.test(r.stdout + r.stderr), "no stack trace");
  });

  it("an unknown command exits non-zero with the usage", async () => {
    const r = await sms(["frobnicate"]);
    assert.notEqual(r.code, 0);
    assert.match(r.stdout + r.stderr, /usage/i);
  });
});

describe("npm run sms -- rotate-keys", () => {
  it("exits 0 and adds a signing key, which becomes the only un-retired one", async () => {
    const before = await sql().query<{ n: number }>("SELECT count(*)::int AS n FROM signing_keys");
    const r = await sms(["rotate-keys"]);
    assert.equal(r.code, 0, r.stderr);
    const after = await sql().query<{ n: number }>("SELECT count(*)::int AS n FROM signing_keys");
    assert.equal(after.rows[0].n, before.rows[0].n + 1);
    const active = await sql().query<{ kid: string }>("SELECT kid FROM signing_keys WHERE retired_at IS NULL");
    assert.equal(active.rowCount, 1);
    assert.ok(r.stdout.includes(active.rows[0].kid), `the new kid is named: ${r.stdout}`);
  });
});

// ---------------------------------------------------------------------------------------------

describe("bad configuration stops start-up with one clear line", () => {
  const cases: { name: string; env: Record<string, string | undefined>; names: string }[] = [
    { name: "SMS_ACCESS_TTL=abc", env: { SMS_ACCESS_TTL: "abc" }, names: "SMS_ACCESS_TTL" },
    { name: "DATABASE_URL=mysql://x", env: { DATABASE_URL: "mysql://x" }, names: "DATABASE_URL" },
    { name: "SMS_ACCESS_TTL=0 (out of range)", env: { SMS_ACCESS_TTL: "0" }, names: "SMS_ACCESS_TTL" },
    { name: "SMS_ROOT_DOMAIN not a host name", env: { SMS_ROOT_DOMAIN: "not a host!" }, names: "SMS_ROOT_DOMAIN" },
    {
      name: "SMS_SUPERUSER_EMAIL without a password",
      env: { SMS_SUPERUSER_EMAIL: "boot@example.org", SMS_SUPERUSER_PASSWORD: undefined },
      names: "SMS_SUPERUSER_PASSWORD",
    },
    { name: "SMS_LOGIN_MAX_FAILURES=-1", env: { SMS_LOGIN_MAX_FAILURES: "-1" }, names: "SMS_LOGIN_MAX_FAILURES" },
    { name: "SMS_SMTP_URL not an smtp URL", env: { SMS_SMTP_URL: "https://mail.example.org" }, names: "SMS_SMTP_URL" },
  ];
  for (const c of cases) {
    it(`server start with ${c.name}`, async () => {
      const port = await freePort();
      const r = await runNode(["scripts/server.ts", "start"], testEnv({ SMS_SKIP_BUILD: "1", PORT: String(port), ...c.env }), 60_000);
      assert.ok(!r.timedOut, "the server must stop by itself, not start");
      assert.notEqual(r.code, 0);
      const lines = nonEmptyLines(r.stderr);
      assert.equal(lines.length, 1, `exactly one line on stderr, got:\n${r.stderr}`);
      assert.ok(lines[0].includes(c.names), lines[0]);
      assert.ok(!/\n\s+at /.test(r.stdout + r.stderr), "no stack trace");
    });
  }
  it("the command line fails the same way", async () => {
    const r = await sms(["migrate"], { SMS_ACCESS_TTL: "abc" });
    assert.notEqual(r.code, 0);
    const lines = nonEmptyLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.ok(lines[0].includes("SMS_ACCESS_TTL"));
  });
});

// ---------------------------------------------------------------------------------------------

describe("bootstrap superuser (SMS_SUPERUSER_EMAIL / SMS_SUPERUSER_PASSWORD)", () => {
  it("creates a superadmin when no user has the email", async () => {
    const email = `${unique("Boot")}@Example.org`;
    const created = await ensureBootstrapSuperuser(email, PASSWORD);
    assert.equal(created, true);
    const row = await sql().query("SELECT platform_role, client_id, password_hash FROM users WHERE email = $1", [email.toLowerCase()]);
    assert.equal(row.rowCount, 1);
    assert.equal(row.rows[0].platform_role, "superadmin");
    assert.equal(row.rows[0].client_id, null);
    assert.ok(row.rows[0].password_hash.startsWith(ARGON2ID_OWASP));
    await systemLogin(email.toLowerCase(), PASSWORD);
  });

  it("returns false and changes nothing when the email exists (password unchanged)", async () => {
    const email = `${unique("boot")}@example.org`;
    assert.equal(await ensureBootstrapSuperuser(email, PASSWORD), true);
    const before = await sql().query("SELECT id, password_hash, platform_role FROM users WHERE email = $1", [email]);
    assert.equal(await ensureBootstrapSuperuser(email, "another password entirely"), false);
    assert.equal(await ensureBootstrapSuperuser(email.toUpperCase(), "another password entirely"), false);
    const after = await sql().query("SELECT id, password_hash, platform_role FROM users WHERE email = $1", [email]);
    assert.deepEqual(after.rows, before.rows);
    await systemLogin(email, PASSWORD);
    const wrong = await post("/api/v1/system/auth/login/", { identifier: email, password: "another password entirely" });
    assert.equal(wrong.status, 401);
  });

  it("never turns an existing school user into a platform user", async () => {
    const tenant = await makeTenant();
    const staff = await makeSchoolUser(tenant.id);
    assert.equal(await ensureBootstrapSuperuser(staff.email, "another password entirely"), false);
    const row = await sql().query("SELECT client_id, platform_role FROM users WHERE email = $1", [staff.email]);
    assert.equal(row.rowCount, 1);
    assert.equal(row.rows[0].client_id, tenant.id);
    assert.equal(row.rows[0].platform_role, null);
  });
});

// ---------------------------------------------------------------------------------------------

/** GET on a server of our own (helpers/api.ts is bound to the main test server). */
function localGet(port: number, p: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: p, method: "GET", headers: { host: `localhost:${port}` }, timeout: 15_000 },
      (res) => {
        let text = "";
        res.on("data", (c) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

describe("the app recovers by itself when the database comes back", { timeout: 240_000 }, () => {
  const dataRoot = path.join(ROOT, ".data");
  let tmp: string;
  let pgPort: number;
  let appPort: number;
  let cluster: EmbeddedCluster | undefined;
  let server: ChildProcess | undefined;
  let serverOutput = "";

  before(async () => {
    mkdirSync(dataRoot, { recursive: true });
    tmp = mkdtempSync(path.join(dataRoot, "ops-recovery-"));
    pgPort = await freePort();
    cluster = await startEmbeddedPostgres(path.join(tmp, "pg"), pgPort);
    assert.equal(cluster.owned, true);
    await ensureDatabase(cluster.url("postgres"), "sms");
    appPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SMS_SKIP_BUILD: "1",
      NODE_ENV: "production",
      DATABASE_URL: cluster.url("sms"),
      PORT: String(appPort),
      SMS_DATA_DIR: path.join(tmp, "app"),
      // The demo data gives the outage checks a platform admin and a school to ask for.
      SMS_DEMO: "1",
      LOG_LEVEL: "warn",
    };
    delete env.SMS_TEST_PORT;
    server = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts", "start"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    server.stdout!.on("data", (c) => {
      serverOutput += c;
    });
    server.stderr!.on("data", (c) => {
      serverOutput += c;
    });
  });

  after(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      try {
        process.kill(-server.pid!, "SIGTERM");
      } catch {
        /* gone */
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-server!.pid!, "SIGKILL");
        } catch {
          /* gone */
        }
      }, 10_000);
      await Promise.race([exited, sleep(15_000)]);
      clearTimeout(killer);
    }
    await cluster?.stop().catch(() => undefined);
    // The cluster's data may live outside `tmp` (as root, in a folder closed to `postgres`).
    if (tmp) await removeEmbeddedPostgres(path.join(tmp, "pg"));
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Polls /api/health until it answers `status`; fails after `ms` (or if the server died). */
  async function waitForHealth(status: number, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    let last = "no answer";
    while (Date.now() < deadline) {
      if (server!.exitCode !== null || server!.signalCode !== null) {
        assert.fail(
          `the server exited (${server!.exitCode ?? server!.signalCode}) while waiting for ${status}:\n${serverOutput.slice(-2000)}`,
        );
      }
      try {
        const res = await localGet(appPort, "/api/health");
        last = `${res.status} ${res.text.slice(0, 200)}`;
        if (res.status === status) return;
      } catch (error) {
        last = (error as Error).message;
      }
      await sleep(250);
    }
    assert.fail(`/api/health did not answer ${status} within ${ms / 1000} s (last: ${last})\n${serverOutput.slice(-2000)}`);
  }

  /** What the demo seeded: a platform admin and the Greenwood school's admin. */
  function demo(): { platform: { email: string; password: string }; school: { slug: string; email: string; password: string } } {
    return JSON.parse(readFileSync(path.join(tmp, "app", "demo-credentials.json"), "utf8"));
  }

  async function loginPair(): Promise<{ system: string; school: string }> {
    const { platform, school } = demo();
    const system = await requestTo(appPort, "POST", "/api/v1/system/auth/login/", {
      body: { identifier: platform.email, password: platform.password },
    });
    assert.equal(system.status, 200, system.text);
    const schoolLogin = await requestTo(appPort, "POST", "/api/v1/school/auth/login/", {
      host: `${school.slug}.localhost`,
      body: { identifier: school.email, password: school.password },
    });
    assert.equal(schoolLogin.status, 200, schoolLogin.text);
    return { system: system.body.access, school: schoolLogin.body.access };
  }

  it("is healthy, answers 503 while the database is down, and 200 again once it is back", async () => {
    await waitForHealth(200, 60_000);
    const up = await localGet(appPort, "/api/health");
    assert.deepEqual(JSON.parse(up.text), { status: "ok" });
    const tokens = await loginPair();
    const greenwood = `${demo().school.slug}.localhost`;

    await cluster!.stop();
    cluster = undefined;
    await waitForHealth(503, 30_000);
    // Still down: still 503 (not a hang, not a crash).
    const down = await localGet(appPort, "/api/health");
    assert.equal(down.status, 503);

    // Every route and page: 503 with Retry-After, in the contract's shape for the API (not 500).
    const apiCalls: [string, string, Parameters<typeof requestTo>[3]][] = [
      ["POST", "/api/v1/system/auth/login/", { body: { identifier: demo().platform.email, password: demo().platform.password } }],
      ["GET", "/api/v1/system/auth/me/", { token: tokens.system }],
      ["GET", "/api/v1/system/clients/", { token: tokens.system }],
      [
        "POST",
        "/api/v1/school/auth/login/",
        { host: greenwood, body: { identifier: demo().school.email, password: demo().school.password } },
      ],
      ["GET", "/api/v1/school/auth/me/", { host: greenwood, token: tokens.school }],
      ["GET", "/api/v1/school/students/", { host: greenwood, token: tokens.school }],
      [
        "POST",
        "/api/v1/school/students/",
        { host: greenwood, token: tokens.school, body: { first_name: "A", last_name: "B", admission_number: "X-1" } },
      ],
      ["GET", "/.well-known/jwks.json", {}],
    ];
    for (const [method, p, options] of apiCalls) {
      const res = await requestTo(appPort, method, p, options);
      assert.equal(res.status, 503, `${method} ${p}: ${res.status} ${res.text.slice(0, 300)}`);
      assert.equal(res.body?.code, "service_unavailable", `${method} ${p}`);
      assert.equal(typeof res.body?.detail, "string");
      assert.ok(Number(res.headers["retry-after"]) > 0, `${method} ${p} has Retry-After`);
    }
    for (const [host, p] of [
      ["localhost", "/console"],
      ["localhost", "/console/sign-in"],
      [greenwood, "/"],
      [greenwood, "/students"],
    ]) {
      const res = await requestTo(appPort, "GET", p, { host });
      assert.equal(res.status, 503, `page ${host}${p}: ${res.status}`);
      assert.ok(Number(res.headers["retry-after"]) > 0, `page ${host}${p} has Retry-After`);
      assert.match(res.text, /Temporarily unavailable/);
    }

    cluster = await startEmbeddedPostgres(path.join(tmp, "pg"), pgPort);
    await waitForHealth(200, 30_000);
    // And it stays up: real requests work again too.
    for (let i = 0; i < 5; i++) {
      const h = await localGet(appPort, "/api/health");
      assert.equal(h.status, 200, h.text);
    }
    const openapi = await localGet(appPort, "/api/v1/openapi.json");
    assert.equal(openapi.status, 200);
    const me = await requestTo(appPort, "GET", "/api/v1/school/auth/me/", { host: greenwood, token: tokens.school });
    assert.equal(me.status, 200, me.text);
    const page = await requestTo(appPort, "GET", "/sign-in", { host: greenwood });
    assert.equal(page.status, 200);
  });
});

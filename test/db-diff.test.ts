// `npm run db:diff` (scripts/prisma-diff.mjs), run as a developer runs it: the migration it writes
// for a schema change and nothing else (none of the row-level-security objects the migrations
// create by hand), nothing for an unchanged schema, and never a shadow database left behind —
// after success, a failure or a signal — on the suite's server (SHADOW_DATABASE_URL) and, without
// any URL, on the app's embedded PostgreSQL 18, which it starts and stops, or joins and leaves.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { freePort, portAnswers } from "./helpers/system-api";

const ROOT = path.resolve(import.meta.dirname, "..");
const SCRIPT = path.join(ROOT, "scripts", "prisma-diff.mjs");
const FOLDER = /^\d{14}_add_diff_probe$/;

async function shadowDatabases(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      String.raw`SELECT datname FROM pg_database WHERE datname LIKE 'sms\_shadow\_%'`,
    );
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

/** The project's schema and migrations, copied where the script may write. */
async function workCopy() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "sms-db-diff-"));
  await mkdir(path.join(dir, "prisma"));
  await cp(path.join(ROOT, "prisma", "schema.prisma"), path.join(dir, "prisma", "schema.prisma"));
  await cp(path.join(ROOT, "prisma", "migrations"), path.join(dir, "prisma", "migrations"), { recursive: true });
  const schema = path.join(dir, "prisma", "schema.prisma");
  const migrations = path.join(dir, "prisma", "migrations");
  return {
    schema,
    migrations,
    folders: async () =>
      (await readdir(migrations, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(),
    edit: async (change: (text: string) => string) => writeFile(schema, change(await readFile(schema, "utf8"))),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
type WorkCopy = Awaited<ReturnType<typeof workCopy>>;

/** A new nullable column on an existing table and a new table with no relation. */
function addProbe(schema: string): string {
  const withColumn = schema.replace(/^model Student \{\n/m, 'model Student {\n  nickname String? @map("diff_nickname") @db.VarChar(50)\n');
  assert.notEqual(withColumn, schema, "prisma/schema.prisma has no `model Student {` line to extend");
  return `${withColumn}
model DiffProbe {
  id    Int    @id @default(autoincrement())
  label String @db.VarChar(20)

  @@map("diff_probes")
}
`;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  shadow?: string;
  host?: string;
}

/**
 * Runs the script on `work` (verbose, so it names its shadow database). `interrupt` is sent once
 * the shadow database exists: to the script, or to its whole process group as a terminal's Ctrl-C
 * would be.
 */
function diff(
  name: string,
  work: WorkCopy,
  env: Record<string, string>,
  interrupt?: { signal: NodeJS.Signals; group?: boolean },
): Promise<Run> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", SCRIPT, name, "--verbose", "--schema", work.schema, "--migrations", work.migrations],
    {
      // A hung run gets SIGTERM (and so reports how far it got) rather than hanging the suite.
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: interrupt?.group,
      timeout: 120_000,
    },
  );
  let stdout = "";
  let stderr = "";
  let created: RegExpExecArray | null = null;
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
    if (created) return;
    created = /created shadow database (sms_shadow_[0-9a-f]+) on (\S+)/.exec(stderr);
    if (created && interrupt) process.kill(interrupt.group ? -child.pid! : child.pid!, interrupt.signal);
  });
  return new Promise((resolve) =>
    child.once("close", (code, signal) => {
      resolve({ code, signal, stdout, stderr, shadow: created?.[1], host: created?.[2] });
    }),
  );
}

function succeeded(run: Run): void {
  assert.equal(run.code, 0, `exit ${run.code ?? run.signal}:\n${run.stderr.slice(-3000)}`);
  assert.ok(run.shadow, "the script named no shadow database");
}

/** The statements of a migration.sql, without the engine's `-- CreateTable` comments. */
function statements(sql: string): string[] {
  return sql
    .replace(/^--.*$/gm, "")
    .split(";")
    .map((s) => s.trim().replace(/\s+/g, " "))
    .filter(Boolean);
}

async function assertProbeMigration(work: WorkCopy, before: string[], run: Run): Promise<void> {
  const added = (await work.folders()).filter((f) => !before.includes(f));
  assert.equal(added.length, 1, `new migration folders: ${added.join(", ")}`);
  assert.match(added[0], FOLDER);
  const file = path.join(work.migrations, added[0], "migration.sql");
  assert.equal(path.resolve(ROOT, run.stdout.trim()), file);
  const sql = statements(await readFile(file, "utf8"));
  assert.equal(sql.length, 2, `expected one ALTER TABLE and one CREATE TABLE, got:\n${sql.join(";\n")}`);
  assert.ok(sql.includes('ALTER TABLE "students" ADD COLUMN "diff_nickname" VARCHAR(50)'), sql.join(";\n"));
  assert.ok(
    sql.includes(
      'CREATE TABLE "diff_probes" ( "id" SERIAL NOT NULL, "label" VARCHAR(20) NOT NULL, CONSTRAINT "diff_probes_pkey" PRIMARY KEY ("id") )',
    ),
    sql.join(";\n"),
  );
}

describe("db:diff on the suite's server", () => {
  const adminUrl = process.env.SMS_TEST_ADMIN_DATABASE_URL!;
  const env = { SHADOW_DATABASE_URL: adminUrl };
  let work: WorkCopy;
  before(async () => {
    assert.ok(adminUrl, "SMS_TEST_ADMIN_DATABASE_URL is not set: run the tests with `npm test`");
    work = await workCopy();
  });
  after(async () => {
    await work.remove();
  });

  async function assertDropped(run: Run): Promise<void> {
    assert.ok(run.shadow, `the script named no shadow database:\n${run.stderr.slice(-3000)}`);
    assert.ok(!(await shadowDatabases(adminUrl)).includes(run.shadow), `${run.shadow} was left on the server`);
  }

  it("writes nothing for the committed schema: it matches its migrations", async () => {
    const before = await work.folders();
    const run = await diff("nothing", work, env);
    succeeded(run);
    assert.equal(run.stdout.trim(), "No schema changes");
    assert.deepEqual(await work.folders(), before);
    await assertDropped(run);
  });

  it("writes the migration of a schema change, and only its statements", async () => {
    await work.edit(addProbe);
    const before = await work.folders();
    const lock = await readFile(path.join(work.migrations, "migration_lock.toml"), "utf8");
    const run = await diff("Add diff probe", work, env);
    succeeded(run);
    await assertProbeMigration(work, before, run);
    assert.equal(await readFile(path.join(work.migrations, "migration_lock.toml"), "utf8"), lock);
    await assertDropped(run);

    // Replayed with the others, the new migration gives exactly the schema.
    const again = await diff("again", work, env);
    succeeded(again);
    assert.equal(again.stdout.trim(), "No schema changes");
    await assertDropped(again);
  });

  it("fails on an invalid schema and on a broken migration, and drops the shadow database", async () => {
    const broken = await workCopy();
    try {
      await broken.edit((schema) => `${schema}\nmodel Broken {\n  id    Int        @id\n  other NoSuchType\n}\n`);
      const invalid = await diff("broken", broken, env);
      assert.equal(invalid.code, 1, invalid.stderr);
      assert.match(invalid.stderr, /^prisma-diff: error: .*NoSuchType/m);
      await assertDropped(invalid);

      await cp(path.join(ROOT, "prisma", "schema.prisma"), broken.schema);
      await mkdir(path.join(broken.migrations, "99999999999999_broken"));
      await writeFile(path.join(broken.migrations, "99999999999999_broken", "migration.sql"), "SELECT no_such_function();");
      const before = await broken.folders();
      const failing = await diff("broken", broken, env);
      assert.equal(failing.code, 1, failing.stderr);
      assert.match(
        failing.stderr,
        /^prisma-diff: error: migration 99999999999999_broken failed on the shadow database: .*no_such_function/m,
      );
      await assertDropped(failing);
      assert.deepEqual(await broken.folders(), before, "nothing was written");
    } finally {
      await broken.remove();
    }
  });

  it("SIGTERM mid-run ends it with 143, nothing written and the shadow database dropped", async () => {
    const before = await work.folders();
    const run = await diff("interrupted", work, env, { signal: "SIGTERM" });
    assert.equal(run.code, 143, run.stderr);
    assert.match(run.stderr, /^prisma-diff: error: interrupted by SIGTERM$/m);
    assert.deepEqual(await work.folders(), before);
    await assertDropped(run);
  });
});

describe("db:diff without DATABASE_URL: the app's embedded PostgreSQL", () => {
  let dataDir: string;
  let port: number;
  let work: WorkCopy;
  let env: Record<string, string>;
  before(async () => {
    // A cluster of its own, under .data like the app's (the `postgres` user must reach it as root).
    await mkdir(path.join(ROOT, ".data"), { recursive: true });
    dataDir = await mkdtemp(path.join(ROOT, ".data", "db-diff-"));
    port = await freePort();
    work = await workCopy();
    // Empty rather than unset, so that a developer's .env.local cannot fill them in.
    env = { DATABASE_URL: "", SHADOW_DATABASE_URL: "", SMS_DATA_DIR: dataDir, SMS_EMBEDDED_PG_PORT: String(port) };
  });
  after(async () => {
    await work.remove();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Starts the cluster to look inside: the shadow databases left there, if any. */
  async function shadowsLeft(): Promise<string[]> {
    const cluster = await startEmbeddedPostgres(path.join(dataDir, "pg"), port);
    try {
      return await shadowDatabases(cluster.url("postgres"));
    } finally {
      await cluster.stop();
    }
  }

  it("starts it, writes the migration, drops the shadow database and stops it again", async () => {
    await work.edit(addProbe);
    const before = await work.folders();
    const run = await diff("Add diff probe", work, env);
    succeeded(run);
    assert.equal(run.host, `127.0.0.1:${port}`);
    await assertProbeMigration(work, before, run);
    assert.equal(await portAnswers(port), false, "the cluster it started is still running");
    assert.deepEqual(await shadowsLeft(), []);
  });

  it("joins it when it runs already, and leaves it running", async () => {
    const cluster = await startEmbeddedPostgres(path.join(dataDir, "pg"), port);
    try {
      const run = await diff("nothing", work, env);
      succeeded(run);
      assert.equal(run.host, `127.0.0.1:${port}`);
      assert.equal(run.stdout.trim(), "No schema changes");
      assert.equal(await portAnswers(port), true, "it stopped a cluster it did not start");
      assert.deepEqual(await shadowDatabases(cluster.url("postgres")), []);
    } finally {
      await cluster.stop();
    }
  });

  it("Ctrl-C (SIGINT to its whole process group) ends it with 130, the shadow database dropped and the cluster stopped", async () => {
    const run = await diff("interrupted", work, env, { signal: "SIGINT", group: true });
    assert.equal(run.code, 130, run.stderr);
    assert.equal(run.host, `127.0.0.1:${port}`);
    assert.equal(await portAnswers(port), false, "the cluster it started is still running");
    assert.deepEqual(await shadowsLeft(), []);
  });
});

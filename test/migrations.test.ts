// Migrations (issue: "idempotent, safe with two instances starting at once").
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, writeFile, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrate, migrationsDir } from "@/lib/db/migrate";
import { freePort, ownDatabase } from "./helpers/system-api";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("migration runner", () => {
  let db: Awaited<ReturnType<typeof ownDatabase>>;
  before(async () => {
    db = await ownDatabase();
  });
  after(async () => {
    await db.drop();
  });

  it("two runners starting at once apply each migration exactly once", async () => {
    const [a, b] = await Promise.all([migrate(db.url), migrate(db.url)]);
    const applied = [...a.applied, ...b.applied].sort();
    const rows = await query<{ migration_name: string; finished_at: Date | null }>(
      db.url,
      `SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    assert.deepEqual(
      applied,
      rows.map((r) => r.migration_name),
    );
    assert.ok(rows.every((r) => r.finished_at !== null));
    assert.ok(rows.length >= 2);
    const tables = await query<{ tablename: string }>(db.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    for (const t of ["clients", "users", "school_roles", "refresh_families", "api_keys", "audit_events", "signing_keys"]) {
      assert.ok(
        tables.some((r) => r.tablename === t),
        t,
      );
    }
  });

  it("two databases of a new cluster migrating at once both succeed (the cluster-wide role is created once)", async () => {
    // A cluster of its own: on the shared one the role exists already and the race cannot happen.
    const dir = await mkdtemp(path.join(process.cwd(), ".data", "mig-cluster-"));
    // Throw-away: removed when it stops, data and all, wherever the data lives (lib/db/embedded.ts).
    const cluster = await startEmbeddedPostgres(dir, await freePort(), { throwaway: true });
    try {
      await Promise.all([ensureDatabase(cluster.url("postgres"), "a"), ensureDatabase(cluster.url("postgres"), "b")]);
      const results = await Promise.allSettled([migrate(cluster.url("a")), migrate(cluster.url("b"))]);
      for (const r of results) assert.equal(r.status, "fulfilled", r.status === "rejected" ? String(r.reason) : "");
      const roles = await query<{ n: number }>(cluster.url("a"), "SELECT count(*)::int AS n FROM pg_roles WHERE rolname = 'sms_tenant'");
      assert.equal(roles[0].n, 1);
    } finally {
      await cluster.stop();
    }
  });

  it("running again applies nothing", async () => {
    const again = await migrate(db.url);
    assert.deepEqual(again.applied, []);
    assert.ok(again.alreadyApplied >= 2);
  });

  it("a failing migration leaves nothing half-applied and stops later runs", async () => {
    const scratch = await ownDatabase();
    const dir = await mkdtemp(path.join(migrationsDir(), "..", "..", ".data", "mig-"));
    try {
      await mkdir(path.join(dir, "001_ok"));
      await writeFile(path.join(dir, "001_ok", "migration.sql"), "CREATE TABLE a (id int);");
      await mkdir(path.join(dir, "002_broken"));
      await writeFile(path.join(dir, "002_broken", "migration.sql"), "CREATE TABLE b (id int); SELECT no_such_function();");
      await assert.rejects(migrate(scratch.url, dir), /002_broken failed/);
      const tables = await query<{ tablename: string }>(scratch.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      assert.ok(tables.some((t) => t.tablename === "a"));
      assert.ok(!tables.some((t) => t.tablename === "b"), "the failed migration's first statement was rolled back");
      const recorded = await query<{ migration_name: string }>(scratch.url, `SELECT migration_name FROM "_prisma_migrations"`);
      assert.deepEqual(
        recorded.map((r) => r.migration_name),
        ["001_ok"],
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
      await scratch.drop();
    }
  });
});

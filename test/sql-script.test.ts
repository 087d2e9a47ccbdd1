// lib/db/tenant-script.ts: one-round-trip tenant reads keep row-level security, leave nothing on
// the pooled connection, and inline values safely; prepared statements in them; and the reads that
// ride along with authentication (lib/auth/authenticate-school-bearer.ts, lib/api-keys/…).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { pool } from "@/lib/db/client";
import { prepared, runScript, sql, schoolRead } from "@/lib/db/sql-script";
import { authenticateSchoolBearer } from "@/lib/auth/authenticate-school-bearer";
import { authenticateSchoolApiKey } from "@/lib/api-keys/authenticate-api-key";
import { get } from "./helpers/api";
import { makeSchoolUser, makeTenant, schoolLogin, sql as fixtureSql } from "./helpers/fixtures";
import { makeKey } from "./helpers/school-api";

describe("tenantRead", () => {
  it("sees only its tenant's rows, even when the query asks for another's", async () => {
    const [a, b] = [await makeTenant(), await makeTenant()];
    const [ua, ub] = [await makeSchoolUser(a.id), await makeSchoolUser(b.id)];
    const [mine, theirs, all] = await schoolRead<[{ id: string }[], { id: string }[], { n: number }[]]>(a.id, [
      sql`SELECT id FROM users WHERE id = ${ua.id}::uuid`,
      sql`SELECT id FROM users WHERE id = ${ub.id}::uuid`,
      sql`SELECT count(DISTINCT client_id)::int AS n FROM users`,
    ]);
    assert.deepEqual(
      mine.map((r) => r.id),
      [ua.id],
    );
    assert.deepEqual(theirs, []);
    assert.equal(all[0].n, 1);
  });

  it("leaves the pooled connections as the owner, without a tenant, after success and after an error", async () => {
    const tenant = await makeTenant();
    await schoolRead(tenant.id, [sql`SELECT 1`]);
    await assert.rejects(schoolRead(tenant.id, [sql`SELECT 1`, sql`SELECT no_such_column FROM users`]));
    // Every connection of the pool, not just the next one.
    const clients = await Promise.all(Array.from({ length: 3 }, () => pool().connect()));
    try {
      for (const client of clients) {
        const { rows } = await client.query(
          "SELECT current_user = session_user AS owner, coalesce(current_setting('app.client_id', true), '') AS tenant",
        );
        assert.equal(rows[0].owner, true);
        assert.equal(rows[0].tenant, "");
      }
    } finally {
      for (const c of clients) c.release();
    }
  });

  it("inlines hostile text as a literal", async () => {
    const tenant = await makeTenant();
    const hostile = String.raw`x' OR '1'='1'; DROP TABLE students; -- \' \\`;
    const [rows] = await schoolRead<[{ v: string }[]]>(tenant.id, [sql`SELECT ${hostile}::text AS v`]);
    assert.equal(rows[0].v, hostile);
    const admin = await makeSchoolUser(tenant.id);
    const { access } = await schoolLogin(tenant.host, admin.email);
    const res = await get(`/api/v1/school/students/?search=${encodeURIComponent(hostile)}`, { host: tenant.host, token: access });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.count, 0);
  });

  it("refuses values it cannot inline safely, and a bad tenant id", async () => {
    assert.throws(() => sql`SELECT ${1.5}`);
    assert.throws(() => sql`SELECT ${{ a: 1 }}`);
    await assert.rejects(schoolRead("not-a-uuid", [sql`SELECT 1`]));
  });
});

describe("prepared statements in tenant scripts", () => {
  it("are PREPAREd once per connection and survive a connection that lost them", async () => {
    const tenant = await makeTenant();
    const user = await makeSchoolUser(tenant.id);
    const byId = prepared("SELECT id FROM users WHERE id = $1::uuid AND client_id = app_current_client()");
    const [first] = await schoolRead<[{ id: string }[]]>(tenant.id, [byId.run(user.id)]);
    assert.deepEqual(
      first.map((r) => r.id),
      [user.id],
    );
    // Someone drops every prepared statement on every pooled connection (DISCARD ALL, a proxy…):
    // hold every connection the pool has, so the one that prepared it is among them.
    const held = Math.max(3, pool().totalCount);
    const clients = await Promise.all(Array.from({ length: held }, () => pool().connect()));
    try {
      for (const client of clients) await client.query("DEALLOCATE ALL");
    } finally {
      for (const c of clients) c.release();
    }
    // As many reads at once as there are connections: each connection is used, that one included.
    const again = await Promise.all(Array.from({ length: held }, () => schoolRead<[{ id: string }[]]>(tenant.id, [byId.run(user.id)])));
    for (const [rows] of again)
      assert.deepEqual(
        rows.map((r) => r.id),
        [user.id],
      );
    // Run in one message with the EXECUTE, so on the same connection: prepared there exactly once.
    const [, [onThisConnection]] = (
      await runScript([byId.run(user.id), sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = ${byId.name}`])
    ).map((r) => r.rows);
    assert.equal((onThisConnection as { n: number }).n, 1);
  });

  it("keep row-level security: the same statement sees only the tenant of the script", async () => {
    const [a, b] = [await makeTenant(), await makeTenant()];
    const ub = await makeSchoolUser(b.id);
    const byIdAnyTenant = prepared("SELECT id FROM users WHERE id = $1::uuid");
    const [fromA] = await schoolRead<[{ id: string }[]]>(a.id, [byIdAnyTenant.run(ub.id)]);
    const [fromB] = await schoolRead<[{ id: string }[]]>(b.id, [byIdAnyTenant.run(ub.id)]);
    assert.deepEqual(fromA, []);
    assert.deepEqual(
      fromB.map((r) => r.id),
      [ub.id],
    );
  });
});

describe("reads riding along with authentication", () => {
  const studentsIn = prepared("SELECT id FROM students WHERE client_id = app_current_client()");
  const request = (host: string) => new Request(`http://${host}/api/v1/school/students/`, { headers: { host } });

  it("see the school's rows only when the session is live and holds the permission (checked in SQL too)", async () => {
    const tenant = await makeTenant();
    const teacher = await makeSchoolUser(tenant.id, ["Teacher"]);
    await fixtureSql().query(
      "INSERT INTO students (id, client_id, first_name, last_name, admission_number) VALUES (gen_random_uuid(), $1, 'A', 'B', 'RIDE-1')",
      [tenant.id],
    );
    const { access } = await schoolLogin(tenant.host, teacher.email);

    const held = await authenticateSchoolBearer(request(tenant.host), access, {
      permission: "students.view",
      reads: () => [studentsIn.run()],
    });
    assert.equal(held.granted, true);
    assert.equal(held.rows[0].length, 1);

    // A permission the Teacher role lacks: TypeScript answers 403 later, and the reads saw nothing.
    const lacking = await authenticateSchoolBearer(request(tenant.host), access, {
      permission: "students.delete",
      reads: () => [studentsIn.run()],
    });
    assert.equal(lacking.granted, false);
    assert.deepEqual(lacking.rows, [[]]);
  });

  it("with an API key: the key's scopes gate the reads the same way", async () => {
    const tenant = await makeTenant();
    await fixtureSql().query(
      "INSERT INTO students (id, client_id, first_name, last_name, admission_number) VALUES (gen_random_uuid(), $1, 'A', 'B', 'RIDE-2')",
      [tenant.id],
    );
    const { key } = await makeKey(tenant.id, ["students.view"]);
    const viewing = await authenticateSchoolApiKey(request(tenant.host), key, { permission: "students.view", reads: [studentsIn.run()] });
    assert.equal(viewing.granted, true);
    assert.equal(viewing.rows[0].length, 1);
    const deleting = await authenticateSchoolApiKey(request(tenant.host), key, {
      permission: "students.delete",
      reads: [studentsIn.run()],
    });
    assert.equal(deleting.granted, false);
    assert.deepEqual(deleting.rows, [[]]);
  });
});

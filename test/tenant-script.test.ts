// lib/db/tenant-script.ts: one-round-trip tenant reads keep row-level security, leave nothing on
// the pooled connection, and inline values safely.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { pool } from "@/lib/db/client";
import { sql, tenantRead } from "@/lib/db/tenant-script";
import { get } from "./helpers/api";
import { makeSchoolUser, makeTenant, schoolLogin } from "./helpers/fixtures";

describe("tenantRead", () => {
  it("sees only its tenant's rows, even when the query asks for another's", async () => {
    const [a, b] = [await makeTenant(), await makeTenant()];
    const [ua, ub] = [await makeSchoolUser(a.id), await makeSchoolUser(b.id)];
    const [mine, theirs, all] = await tenantRead<[{ id: string }[], { id: string }[], { n: number }[]]>(a.id, [
      sql`SELECT id FROM users WHERE id = ${ua.id}::uuid`,
      sql`SELECT id FROM users WHERE id = ${ub.id}::uuid`,
      sql`SELECT count(DISTINCT client_id)::int AS n FROM users`,
    ]);
    assert.deepEqual(mine.map((r) => r.id), [ua.id]);
    assert.deepEqual(theirs, []);
    assert.equal(all[0].n, 1);
  });

  it("leaves the pooled connections as the owner, without a tenant, after success and after an error", async () => {
    const tenant = await makeTenant();
    await tenantRead(tenant.id, [sql`SELECT 1`]);
    await assert.rejects(tenantRead(tenant.id, [sql`SELECT 1`, sql`SELECT no_such_column FROM users`]));
    // Every connection of the pool, not just the next one.
    const clients = await Promise.all(Array.from({ length: 3 }, () => pool().connect()));
    try {
      for (const client of clients) {
        const { rows } = await client.query("SELECT current_user = session_user AS owner, coalesce(current_setting('app.client_id', true), '') AS tenant");
        assert.equal(rows[0].owner, true);
        assert.equal(rows[0].tenant, "");
      }
    } finally {
      clients.forEach((c) => c.release());
    }
  });

  it("inlines hostile text as a literal", async () => {
    const tenant = await makeTenant();
    const hostile = String.raw`x' OR '1'='1'; DROP TABLE students; -- \' \\`;
    const [rows] = await tenantRead<[{ v: string }[]]>(tenant.id, [sql`SELECT ${hostile}::text AS v`]);
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
    await assert.rejects(tenantRead("not-a-uuid", [sql`SELECT 1`]));
  });
});

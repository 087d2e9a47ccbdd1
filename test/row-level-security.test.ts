// Tenant isolation in PostgreSQL itself (issue: "a query with no tenant context sees no tenant
// rows, and tenant A's context cannot read or write B's rows even with a hand-written query").
// Hand-written SQL runs on its own connection as the owner, then drops to `sms_tenant` inside a
// transaction exactly as lib/db/tenant-scope.ts does.

// One pooled connection for the app's client in this process, so the "no leak across
// transactions" checks through withTenant run on the very same connection. (The pool is created
// lazily, on first use, after this line.)
process.env.SMS_DB_POOL_SIZE = "1";

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { makePlatformUser, makeSchoolUser, makeTenant, sql } from "./helpers/fixtures";
import { withSchool } from "@/lib/db/school-scope";
import { prisma } from "@/lib/db/client";

/** Every table whose rows belong to a tenant (client_id), and `clients` itself. */
const TENANT_TABLES = [
  "users",
  "school_roles",
  "user_role_assignments",
  "client_domains",
  "refresh_families",
  "refresh_tokens",
  "audit_events",
  "api_keys",
  "teacher_profiles",
  "outbox_messages",
];
const PLATFORM_ONLY_TABLES = ["signing_keys", "login_throttles"];

type Tenant = Awaited<ReturnType<typeof makeTenant>>;

interface Seeded {
  tenant: Tenant;
  userIds: string[];
  roleId: string;
}

/** A tenant with a row in every tenant table (written as the owner). */
async function seedTenant(): Promise<Seeded> {
  const tenant = await makeTenant({ domains: [`portal-${randomUUID().slice(0, 8)}.example.edu`] });
  const a = await makeSchoolUser(tenant.id, ["Admin"]);
  const b = await makeSchoolUser(tenant.id, ["Teacher"]);
  const db = sql();
  const role = await db.query<{ id: string }>("SELECT id FROM school_roles WHERE client_id = $1 AND name = 'Admin'", [tenant.id]);
  await db.query("INSERT INTO teacher_profiles (user_id, client_id, employee_number, subjects) VALUES ($1, $2, 'E-1', ARRAY['math'])", [
    b.id,
    tenant.id,
  ]);
  const family = randomUUID();
  await db.query(
    "INSERT INTO refresh_families (id, user_id, client_id, audience, expires_at, session_epoch) VALUES ($1, $2, $3, 'school', now() + interval '1 day', 1)",
    [family, a.id, tenant.id],
  );
  await db.query("INSERT INTO refresh_tokens (id, family_id, client_id, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')", [
    randomUUID(),
    family,
    tenant.id,
  ]);
  await db.query("INSERT INTO api_keys (id, name, prefix, key_hash, client_id, scopes) VALUES ($1, 'rls test', $2, $3, $4, ARRAY['*'])", [
    randomUUID(),
    `sms_${randomUUID().slice(0, 8)}`,
    randomUUID().replace(/-/g, ""),
    tenant.id,
  ]);
  await db.query("INSERT INTO audit_events (id, client_id, action) VALUES ($1, $2, 'rls.test')", [randomUUID(), tenant.id]);
  // Already sent, so no worker of the run touches it.
  await db.query(
    "INSERT INTO outbox_messages (id, client_id, channel, recipient, kind, subject, text, state, next_attempt_at) VALUES ($1, $2, 'email', 'rls@example.org', 'rls.test', 'RLS', 'RLS', 'sent', now())",
    [randomUUID(), tenant.id],
  );
  return { tenant, userIds: [a.id, b.id], roleId: role.rows[0].id };
}

let owner: pg.Pool;
let A: Seeded;
let B: Seeded;

before(async () => {
  owner = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  A = await seedTenant();
  B = await seedTenant();
  await makePlatformUser(); // a platform user too: client_id NULL rows must stay invisible as well
});
after(async () => {
  await owner.end();
  await prisma.$disconnect();
});

/**
 * Runs `work` on one connection inside BEGIN … ROLLBACK, as sms_tenant, with `app.client_id`
 * set to `clientId` (or unset when null).
 */
async function asTenant<T>(clientId: string | null, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await owner.connect();
  try {
    await c.query("BEGIN");
    await c.query("SET LOCAL ROLE sms_tenant");
    if (clientId) await c.query("SELECT set_config('app.client_id', $1, true)", [clientId]);
    return await work(c);
  } finally {
    await c.query("ROLLBACK").catch(() => undefined);
    c.release();
  }
}

async function count(c: pg.Pool | pg.PoolClient, table: string, where = "true", params: unknown[] = []): Promise<number> {
  const r = await c.query<{ n: string }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return Number(r.rows[0].n);
}

async function pgError(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  assert.fail("the statement was expected to fail");
}

describe("the sms_tenant role", () => {
  it("is not a superuser, cannot bypass RLS and cannot log in", async () => {
    const r = await owner.query("SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'sms_tenant'");
    assert.equal(r.rowCount, 1, "the role exists");
    assert.equal(r.rows[0].rolsuper, false);
    assert.equal(r.rows[0].rolbypassrls, false);
    assert.equal(r.rows[0].rolcanlogin, false);
  });

  it("owns no table (an owner would bypass the policies)", async () => {
    const r = await owner.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'sms_tenant'");
    assert.deepEqual(r.rows, []);
  });

  it("every table with a client_id column (and clients) has row-level security and a policy", async () => {
    const tables = await owner.query<{ table_name: string }>(
      "SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'client_id'",
    );
    const names = [...tables.rows.map((r) => r.table_name), "clients"];
    for (const t of TENANT_TABLES) assert.ok(names.includes(t), `${t} has a client_id column`);
    for (const name of names) {
      const rls = await owner.query("SELECT relrowsecurity FROM pg_class WHERE oid = $1::regclass", [`public.${name}`]);
      assert.equal(rls.rows[0]?.relrowsecurity, true, `${name}: row-level security enabled`);
      const policies = await owner.query("SELECT count(*)::int AS n FROM pg_policies WHERE schemaname = 'public' AND tablename = $1", [
        name,
      ]);
      assert.ok(policies.rows[0].n >= 1, `${name}: has a policy`);
    }
  });
});

describe("no tenant context", () => {
  it("the rows exist for the owner", async () => {
    for (const t of TENANT_TABLES) {
      for (const s of [A, B]) assert.ok((await count(owner, t, "client_id = $1", [s.tenant.id])) > 0, `${t} has rows of the tenant`);
    }
    assert.ok((await count(owner, "clients")) >= 2);
  });

  it("sms_tenant without app.client_id sees no row of any tenant table, nor any client", async () => {
    await asTenant(null, async (c) => {
      for (const t of [...TENANT_TABLES, "clients"]) assert.equal(await count(c, t), 0, t);
    });
  });

  it("an empty app.client_id is the same as none", async () => {
    await asTenant(null, async (c) => {
      await c.query("SELECT set_config('app.client_id', '', true)");
      for (const t of [...TENANT_TABLES, "clients"]) assert.equal(await count(c, t), 0, t);
    });
  });

  it("without a tenant, nothing can be written either", async () => {
    await asTenant(null, async (c) => {
      const upd = await c.query("UPDATE users SET full_name = 'x'");
      assert.equal(upd.rowCount, 0);
      const del = await c.query("DELETE FROM school_roles");
      assert.equal(del.rowCount, 0);
      await c.query("SAVEPOINT s");
      const e = await pgError(
        c.query("INSERT INTO school_roles (id, client_id, name, updated_at) VALUES (gen_random_uuid(), $1, 'Evil', now())", [A.tenant.id]),
      );
      assert.equal(e.code, "42501", e.message);
      await c.query("ROLLBACK TO SAVEPOINT s");
    });
  });
});

describe("tenant A's context", () => {
  it("sees only A's rows in every tenant table, and only A's client row", async () => {
    await asTenant(A.tenant.id, async (c) => {
      for (const t of TENANT_TABLES) {
        const total = await count(c, t);
        assert.ok(total > 0, `${t}: A sees its own rows`);
        assert.equal(
          await count(c, t, "client_id IS DISTINCT FROM $1", [A.tenant.id]),
          0,
          `${t}: nothing of another tenant (or the platform)`,
        );
        assert.equal(await count(c, t, "client_id = $1", [B.tenant.id]), 0, `${t}: B's rows, asked for by id`);
        assert.equal(total, await count(owner, t, "client_id = $1", [A.tenant.id]), `${t}: all of A's rows`);
      }
      const clients = await c.query("SELECT id FROM clients");
      assert.deepEqual(
        clients.rows.map((r) => r.id),
        [A.tenant.id],
      );
      const users = await c.query("SELECT id FROM users ORDER BY id");
      assert.deepEqual(users.rows.map((r) => r.id).sort(), [...A.userIds].sort());
      const byId = await c.query("SELECT id FROM users WHERE id = ANY($1::uuid[])", [B.userIds]);
      assert.equal(byId.rowCount, 0, "B's users by primary key");
    });
  });

  it("cannot update or delete B's rows: 0 rows affected, and B's rows are untouched", async () => {
    await asTenant(A.tenant.id, async (c) => {
      const upd = await c.query("UPDATE users SET full_name = 'x' WHERE client_id = $1", [B.tenant.id]);
      assert.equal(upd.rowCount, 0);
      const updById = await c.query("UPDATE users SET is_active = false WHERE id = ANY($1::uuid[])", [B.userIds]);
      assert.equal(updById.rowCount, 0);
      const del = await c.query("DELETE FROM school_roles WHERE client_id = $1", [B.tenant.id]);
      assert.equal(del.rowCount, 0);
      const delAssign = await c.query("DELETE FROM user_role_assignments WHERE client_id = $1", [B.tenant.id]);
      assert.equal(delAssign.rowCount, 0);
    });
    const names = await owner.query("SELECT full_name, is_active FROM users WHERE client_id = $1", [B.tenant.id]);
    assert.ok(names.rows.every((r) => r.full_name !== "x" && r.is_active === true));
    assert.ok((await count(owner, "school_roles", "client_id = $1", [B.tenant.id])) > 0);
  });

  it("cannot insert a row for B (RLS violation 42501)", async () => {
    await asTenant(A.tenant.id, async (c) => {
      const e = await pgError(
        c.query("INSERT INTO school_roles (id, client_id, name, updated_at) VALUES (gen_random_uuid(), $1, 'Evil', now())", [B.tenant.id]),
      );
      assert.equal(e.code, "42501", e.message);
    });
    await asTenant(A.tenant.id, async (c) => {
      const e = await pgError(
        c.query("INSERT INTO audit_events (id, client_id, action) VALUES (gen_random_uuid(), $1, 'evil')", [B.tenant.id]),
      );
      assert.equal(e.code, "42501", e.message);
    });
    await asTenant(A.tenant.id, async (c) => {
      const e = await pgError(
        c.query("INSERT INTO users (id, client_id, email, password_hash) VALUES (gen_random_uuid(), NULL, $1, 'x')", [
          `evil-${randomUUID()}@example.org`,
        ]),
      );
      assert.equal(e.code, "42501", `a platform user (client_id NULL): ${e.message}`);
    });
    assert.equal(await count(owner, "school_roles", "name = 'Evil'"), 0);
  });

  it("can insert its own rows (the policy is not simply 'deny all')", async () => {
    await asTenant(A.tenant.id, async (c) => {
      const r = await c.query(
        "INSERT INTO school_roles (id, client_id, name, updated_at) VALUES (gen_random_uuid(), $1, 'Librarian', now())",
        [A.tenant.id],
      );
      assert.equal(r.rowCount, 1);
    });
  });

  it("cannot move its rows to B (WITH CHECK)", async () => {
    await asTenant(A.tenant.id, async (c) => {
      const e = await pgError(c.query("UPDATE school_roles SET client_id = $1 WHERE client_id = $2", [B.tenant.id, A.tenant.id]));
      assert.equal(e.code, "42501", e.message);
    });
    await asTenant(A.tenant.id, async (c) => {
      const e = await pgError(c.query("UPDATE users SET client_id = $1 WHERE id = $2", [B.tenant.id, A.userIds[0]]));
      assert.ok(["42501", "23503"].includes(e.code ?? ""), `${e.code} ${e.message}`);
    });
    assert.equal(await count(owner, "school_roles", "client_id = $1 AND id = $2", [B.tenant.id, A.roleId]), 0);
  });

  it("switching app.client_id to B mid-transaction sees B only, never both", async () => {
    // (The app never lets a client choose app.client_id; this checks the policy reads it per query.)
    await asTenant(A.tenant.id, async (c) => {
      await c.query("SELECT set_config('app.client_id', $1, true)", [B.tenant.id]);
      assert.equal(await count(c, "users", "client_id = $1", [A.tenant.id]), 0);
      assert.equal(await count(c, "users"), B.userIds.length);
    });
  });

  it("a malformed app.client_id is an error, not a view of every row", async () => {
    await asTenant(null, async (c) => {
      await c.query("SELECT set_config('app.client_id', $1, true)", ["' OR true --"]);
      const e = await pgError(c.query("SELECT count(*) FROM users"));
      assert.equal(e.code, "22P02", e.message);
    });
  });
});

describe("platform tables", () => {
  for (const table of PLATFORM_ONLY_TABLES) {
    it(`sms_tenant cannot read ${table} (permission denied)`, async () => {
      await asTenant(A.tenant.id, async (c) => {
        const e = await pgError(c.query(`SELECT * FROM ${table} LIMIT 1`));
        assert.equal(e.code, "42501", e.message);
      });
      await asTenant(null, async (c) => {
        const e = await pgError(c.query(`SELECT * FROM ${table} LIMIT 1`));
        assert.equal(e.code, "42501", e.message);
      });
    });
  }
  it("sms_tenant cannot change clients (read-only grant)", async () => {
    await asTenant(A.tenant.id, async (c) => {
      const e = await pgError(c.query("UPDATE clients SET is_active = true WHERE id = $1", [A.tenant.id]));
      assert.equal(e.code, "42501", e.message);
    });
  });
});

describe("the context does not outlive its transaction", () => {
  it("after COMMIT the same connection is the owner again, with no tenant set", async () => {
    const c = await owner.connect();
    try {
      const before = await c.query("SELECT current_user AS u");
      const ownerName = before.rows[0].u;
      assert.notEqual(ownerName, "sms_tenant");
      await c.query("BEGIN");
      await c.query("SET LOCAL ROLE sms_tenant");
      await c.query("SELECT set_config('app.client_id', $1, true)", [A.tenant.id]);
      assert.equal((await c.query("SELECT current_user AS u")).rows[0].u, "sms_tenant");
      await c.query("COMMIT");
      const r = await c.query("SELECT current_user AS u, current_setting('app.client_id', true) AS t");
      assert.equal(r.rows[0].u, ownerName);
      assert.ok(!r.rows[0].t, `app.client_id is gone (got ${JSON.stringify(r.rows[0].t)})`);
      assert.ok((await count(c, "users", "client_id = $1", [B.tenant.id])) > 0, "the owner sees B again");
      assert.ok((await count(c, "users", "client_id = $1", [A.tenant.id])) > 0, "the owner sees A");
      // And a fresh tenant transaction without a context still sees nothing.
      await c.query("BEGIN");
      await c.query("SET LOCAL ROLE sms_tenant");
      assert.equal(await count(c, "users"), 0, "no leftover app.client_id from the previous transaction");
      await c.query("ROLLBACK");
    } finally {
      await c.query("ROLLBACK").catch(() => undefined);
      c.release();
    }
  });

  it("after ROLLBACK too", async () => {
    const c = await owner.connect();
    try {
      await c.query("BEGIN");
      await c.query("SET LOCAL ROLE sms_tenant");
      await c.query("SELECT set_config('app.client_id', $1, true)", [A.tenant.id]);
      await c.query("ROLLBACK");
      const r = await c.query("SELECT current_user AS u, current_setting('app.client_id', true) AS t");
      assert.notEqual(r.rows[0].u, "sms_tenant");
      assert.ok(!r.rows[0].t);
    } finally {
      c.release();
    }
  });
});

describe("through the app: withTenant", () => {
  it("runs as sms_tenant with the tenant's id", async () => {
    const rows = await withSchool(
      A.tenant.id,
      (tx) => tx.$queryRaw<{ u: string; t: string }[]>`SELECT current_user AS u, current_setting('app.client_id', true) AS t`,
    );
    assert.equal(rows[0].u, "sms_tenant");
    assert.equal(rows[0].t, A.tenant.id);
  });

  it("findMany() returns only A's users", async () => {
    const users = await withSchool(A.tenant.id, (tx) => tx.user.findMany({ select: { id: true, clientId: true } }));
    assert.deepEqual(users.map((u) => u.id).sort(), [...A.userIds].sort());
    assert.ok(users.every((u) => u.clientId === A.tenant.id));
  });

  it("asking for B's rows by client id or id returns nothing", async () => {
    const [byClient, byId, roles, clients] = await withSchool(
      A.tenant.id,
      async (tx) =>
        [
          await tx.user.findMany({ where: { clientId: B.tenant.id } }),
          await tx.user.findUnique({ where: { id: B.userIds[0] } }),
          await tx.schoolRole.findMany({ where: { clientId: B.tenant.id } }),
          await tx.client.findMany(),
        ] as const,
    );
    assert.deepEqual(byClient, []);
    assert.equal(byId, null);
    assert.deepEqual(roles, []);
    assert.deepEqual(
      clients.map((c) => c.id),
      [A.tenant.id],
    );
  });

  it("a hand-written query inside withTenant cannot reach B either", async () => {
    const [seen, changed] = await withSchool(
      A.tenant.id,
      async (tx) =>
        [
          await tx.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM users WHERE client_id = $1::uuid", B.tenant.id),
          await tx.$executeRawUnsafe("UPDATE users SET full_name = 'pwned' WHERE client_id = $1::uuid", B.tenant.id),
        ] as const,
    );
    assert.equal(seen[0].n, 0);
    assert.equal(changed, 0);
  });

  it("writing a row for B through Prisma fails", async () => {
    await assert.rejects(
      withSchool(A.tenant.id, (tx) => tx.schoolRole.create({ data: { clientId: B.tenant.id, name: `Evil ${randomUUID()}` } })),
    );
    assert.equal(await count(owner, "school_roles", "client_id = $1 AND name LIKE 'Evil %'", [B.tenant.id]), 0);
  });

  it("after withTenant (committed or thrown) the same pooled connection is the owner again", async () => {
    const pid = async () => (await prisma.$queryRaw<{ p: number }[]>`SELECT pg_backend_pid() AS p`)[0].p;
    const first = await pid();
    const inside = await withSchool(A.tenant.id, async (tx) => (await tx.$queryRaw<{ p: number }[]>`SELECT pg_backend_pid() AS p`)[0].p);
    assert.equal(inside, first, "the pool has one connection, so this is the same one");
    const after1 = await prisma.$queryRaw<
      { u: string; t: string | null }[]
    >`SELECT current_user AS u, current_setting('app.client_id', true) AS t`;
    assert.notEqual(after1[0].u, "sms_tenant");
    assert.ok(!after1[0].t);
    assert.ok((await prisma.user.count({ where: { clientId: B.tenant.id } })) > 0, "the owner sees B");

    await assert.rejects(
      withSchool(A.tenant.id, async () => {
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.equal(await pid(), first);
    const after2 = await prisma.$queryRaw<
      { u: string; t: string | null }[]
    >`SELECT current_user AS u, current_setting('app.client_id', true) AS t`;
    assert.notEqual(after2[0].u, "sms_tenant");
    assert.ok(!after2[0].t);

    // B's context right after A's sees B only.
    const ids = await withSchool(B.tenant.id, (tx) => tx.user.findMany({ select: { id: true } }));
    assert.deepEqual(ids.map((u) => u.id).sort(), [...B.userIds].sort());
  });
});

describe("composite foreign keys keep links inside one tenant", () => {
  it("an assignment of A's user to B's role fails (23503), even as the owner", async () => {
    for (const clientId of [A.tenant.id, B.tenant.id]) {
      const e = await pgError(
        owner.query("INSERT INTO user_role_assignments (id, client_id, user_id, role_id) VALUES (gen_random_uuid(), $1, $2, $3)", [
          clientId,
          A.userIds[0],
          B.roleId,
        ]),
      );
      assert.equal(e.code, "23503", e.message);
    }
  });

  it("a teacher profile of A's user filed under B fails (23503)", async () => {
    const user = await makeSchoolUser(A.tenant.id, []);
    const e = await pgError(
      owner.query("INSERT INTO teacher_profiles (user_id, client_id, employee_number) VALUES ($1, $2, 'X')", [user.id, B.tenant.id]),
    );
    assert.equal(e.code, "23503", e.message);
  });

  it("moving a user to another tenant while it holds a role of the first fails", async () => {
    const e = await pgError(owner.query("UPDATE users SET client_id = $1 WHERE id = $2", [B.tenant.id, A.userIds[0]]));
    assert.equal(e.code, "23503", e.message);
  });

  it("a same-tenant assignment is accepted (the constraint is not just broken)", async () => {
    const user = await makeSchoolUser(A.tenant.id, []);
    const r = await owner.query(
      "INSERT INTO user_role_assignments (id, client_id, user_id, role_id) VALUES (gen_random_uuid(), $1, $2, $3)",
      [A.tenant.id, user.id, A.roleId],
    );
    assert.equal(r.rowCount, 1);
  });
});

// the REST contract §4 "API keys" and §5 — /api/v1/system/api-keys/: the key is shown once and stored only
// as a hash; X-API-KEY authenticates school endpoints of its own school (or any, when global) and
// never the system API or a user endpoint; revocation and expiry bite at once; last_used_at is
// written on first use and then at most once a minute.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { get, post, request, type ApiResponse } from "./helpers/api";
import { ISO_UTC, assertAudit, traced } from "./helpers/auth-assertions";
import { makeTenant, sql, unique } from "./helpers/fixtures";
import {
  API_KEYS,
  API_KEY_FIELDS,
  AUDIT,
  BAD_IDS,
  CLIENTS,
  PERMISSIONS_URL,
  USERS,
  apiKeyPath,
  assertError,
  assertInvalidField,
  assertPage,
  clientPath,
  clientUsersPath,
  createKey,
  del,
  patch,
  platformSession,
  schoolSession,
  userPath,
  withKey,
} from "./helpers/system-api";

type Session = Awaited<ReturnType<typeof platformSession>>;
type Tenant = Awaited<ReturnType<typeof makeTenant>>;

const KEY_FORMAT = /^sms_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}$/;
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

async function keyRow(id: string) {
  const { rows } = await sql().query("SELECT * FROM api_keys WHERE id = $1", [id]);
  return rows[0];
}
async function lastUsed(id: string): Promise<Date | null> {
  return (await keyRow(id)).last_used_at;
}

/** One character of `key` at `index` replaced by another of the same alphabet. */
function mistype(key: string, index: number): string {
  const c = key[index];
  const replacement = c === "A" ? "B" : c === "0" ? "1" : "A";
  return key.slice(0, index) + replacement + key.slice(index + 1);
}

function assertKeyNotValid(res: ApiResponse, what: string) {
  assert.equal(res.status, 401, `${what}: ${res.text}`);
  assert.equal(res.body.code, "api_key_not_valid", what);
  assert.ok(res.headers["www-authenticate"], `${what}: WWW-Authenticate`);
}

function assertCatalogue(res: ApiResponse, what: string) {
  assert.equal(res.status, 200, `${what}: ${res.text}`);
  const page = assertPage(res);
  assert.equal(page.count, 16, what);
  assert.equal(page.results.length, 16);
  const codenames = page.results.map((p) => p.codename).sort();
  const expected = ["users", "roles", "students", "classes"]
    .flatMap((r) => ["view", "add", "change", "delete"].map((a) => `${r}.${a}`))
    .sort();
  assert.deepEqual(codenames, expected);
  for (const p of page.results) assert.equal(typeof p.label, "string");
}

describe("POST /api-keys/ — create; the key is shown once", () => {
  let admin: Session;
  let tenant: Tenant;
  before(async () => {
    admin = await platformSession();
    tenant = await makeTenant();
  });

  it("201 with the ApiKey fields plus `key`; format sms_…, prefix = key.slice(0, 16)", async () => {
    const expires = inAnHour();
    const res = await post(
      API_KEYS,
      { name: " Timetable sync ", client: tenant.id, scopes: ["students.view", "classes.view", "students.view"], expires_at: expires },
      admin.as,
    );
    assert.equal(res.status, 201, res.text);
    const k = res.body;
    assert.deepEqual(Object.keys(k).sort(), [...API_KEY_FIELDS, "key"].sort());
    assert.match(k.key, KEY_FORMAT);
    assert.ok(k.key.startsWith("sms_"));
    assert.equal(k.prefix, k.key.slice(0, 16));
    assert.equal(k.name, "Timetable sync");
    assert.equal(k.client, tenant.id);
    assert.deepEqual([...k.scopes].sort(), ["classes.view", "students.view"]);
    assert.equal(Date.parse(k.expires_at), Date.parse(expires));
    assert.match(k.expires_at, ISO_UTC);
    assert.match(k.created_at, ISO_UTC);
    assert.equal(k.last_used_at, null);
    assert.equal(k.revoked, false);
    assert.equal(res.headers["cache-control"], "no-store");
  });
  it('a global key (client null) with scopes ["*"]', async () => {
    const k = await createKey(admin.as, { client: null, scopes: ["*"] });
    assert.equal(k.client, null);
    assert.deepEqual(k.scopes, ["*"]);
    assert.equal(k.expires_at, null);
  });
  it("GET list and GET one never show the key; the list shows its prefix", async () => {
    const k = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    const one = await get(apiKeyPath(k.id), admin.as);
    assert.equal(one.status, 200);
    assert.deepEqual(Object.keys(one.body).sort(), API_KEY_FIELDS);
    assert.equal(one.body.prefix, k.prefix);
    assert.ok(!one.text.includes(k.key));
    const { key: _key, ...shown } = k;
    assert.deepEqual(one.body, shown);
    const list = assertPage(await get(`${API_KEYS}?client=${tenant.id}&page_size=200`, admin.as));
    const item = list.results.find((x) => x.id === k.id);
    assert.ok(item, "the key is listed");
    assert.deepEqual(Object.keys(item).sort(), API_KEY_FIELDS);
    assert.equal(item.prefix, k.key.slice(0, 16));
    assert.ok(list.results.every((x) => x.key === undefined));
    const everything = await get(`${API_KEYS}?page_size=200`, admin.as);
    assert.ok(!everything.text.includes(k.key.slice(17)), "no listing carries the secret part");
  });
  it("only a hash is stored: no column of the row, nor its audit event, holds the key or its secret part", async () => {
    const k = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    const row = await keyRow(k.id);
    assert.equal(row.prefix, k.prefix);
    assert.notEqual(row.key_hash, k.key);
    const secret = k.key.slice(17);
    const { rows } = await sql().query("SELECT row_to_json(k)::text AS j FROM api_keys k WHERE id = $1", [k.id]);
    assert.ok(!rows[0].j.includes(k.key));
    assert.ok(!rows[0].j.includes(secret));
    const events = await sql().query("SELECT row_to_json(e)::text AS j FROM audit_events e WHERE target_id = $1", [k.id]);
    assert.ok(events.rows.length > 0);
    for (const e of events.rows) assert.ok(!e.j.includes(secret), "the audit trail holds no secret");
  });
  it("two keys never share a prefix or a key", async () => {
    const a = await createKey(admin.as, { client: null, scopes: ["*"] });
    const b = await createKey(admin.as, { client: null, scopes: ["*"] });
    assert.notEqual(a.prefix, b.prefix);
    assert.notEqual(a.key, b.key);
  });

  const invalid: [string, () => Record<string, unknown>, string][] = [
    [
      "an expires_at in the past",
      () => ({ client: null, scopes: ["*"], expires_at: new Date(Date.now() - 60_000).toISOString() }),
      "expires_at",
    ],
    ["an expires_at that is not a date-time", () => ({ client: null, scopes: ["*"], expires_at: "tomorrow" }), "expires_at"],
    ["an unknown scope", () => ({ client: null, scopes: ["students.view", "students.fly"] }), "scopes"],
    ["a scope of the system API", () => ({ client: null, scopes: ["clients.view"] }), "scopes"],
    ["no scopes", () => ({ client: null, scopes: [] }), "scopes"],
    ["scopes not a list", () => ({ client: null, scopes: "*" }), "scopes"],
    ["an unknown client", () => ({ client: "00000000-0000-4000-8000-000000000000", scopes: ["*"] }), "client"],
    ["a malformed client", () => ({ client: "abc", scopes: ["*"] }), "client"],
    ["no client field", () => ({ scopes: ["*"] }), "client"],
    ["a blank name", () => ({ name: "  ", client: null, scopes: ["*"] }), "name"],
  ];
  for (const [what, body, field] of invalid) {
    it(`${what} → 400 naming ${field}; no key is created`, async () => {
      const name = unique("bad-key-");
      const b = { name, ...body() };
      assertInvalidField(await post(API_KEYS, b, admin.as), field);
      assert.equal((await sql().query("SELECT 1 FROM api_keys WHERE name = $1", [b.name])).rowCount, 0);
    });
  }
});

describe("X-API-KEY on school endpoints", () => {
  let admin: Session;
  let a: Tenant;
  let b: Tenant;
  before(async () => {
    admin = await platformSession();
    a = await makeTenant();
    b = await makeTenant();
  });

  it("a key of school A reads the permission catalogue (16 codenames) on A's host and with X-Tenant", async () => {
    const { key } = await createKey(admin.as, { client: a.id, scopes: ["*"] });
    assertCatalogue(await get(PERMISSIONS_URL, withKey(key, a.host)), "tenant host");
    assertCatalogue(await get(PERMISSIONS_URL, withKey(key, undefined, { "x-tenant": a.slug })), "X-Tenant");
  });
  it("a key of school A on school B → 401 api_key_not_valid (host or X-Tenant)", async () => {
    const { key } = await createKey(admin.as, { client: a.id, scopes: ["*"] });
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(key, b.host)), "B's host");
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(key, undefined, { "x-tenant": b.slug })), "X-Tenant of B");
  });
  it("a global key works on any school; without any school it is 400 tenant_required", async () => {
    const { key } = await createKey(admin.as, { client: null, scopes: ["*"] });
    assertCatalogue(await get(PERMISSIONS_URL, withKey(key, a.host)), "A");
    assertCatalogue(await get(PERMISSIONS_URL, withKey(key, b.host)), "B");
    assertCatalogue(await get(PERMISSIONS_URL, withKey(key, undefined, { "x-tenant": b.slug })), "X-Tenant B");
    assertError(await get(PERMISSIONS_URL, withKey(key)), 400, "tenant_required");
  });
  it("a key with only students.view still reads the catalogue (any authenticated caller)", async () => {
    const { key } = await createKey(admin.as, { client: a.id, scopes: ["students.view"] });
    assertCatalogue(await get(PERMISSIONS_URL, withKey(key, a.host)), "students.view only");
  });
  it("a mistyped key (one character changed anywhere; the checksum fails) → 401 api_key_not_valid", async () => {
    const { key } = await createKey(admin.as, { client: a.id, scopes: ["*"] });
    for (const index of [4, 10, 15, 17, 30, key.length - 7, key.length - 1]) {
      const wrong = mistype(key, index);
      assert.notEqual(wrong, key);
      assertKeyNotValid(await get(PERMISSIONS_URL, withKey(wrong, a.host)), `char ${index} changed`);
    }
    assertCatalogue(await get(PERMISSIONS_URL, withKey(key, a.host)), "the right key still works");
  });
  it("garbage keys → 401 api_key_not_valid", async () => {
    const { key } = await createKey(admin.as, { client: a.id, scopes: ["*"] });
    const garbage = [
      "garbage",
      "sms_",
      key.slice(0, 16),
      key.slice(0, -1),
      `${key}x`,
      key.toLowerCase(),
      key.replace("sms_", "SMS_"),
      "x".repeat(5000),
      `Bearer ${key}`,
      "sms_' OR 1=1 --",
    ];
    for (const g of garbage) assertKeyNotValid(await get(PERMISSIONS_URL, withKey(g, a.host)), g.slice(0, 40));
  });
  it("revoked (DELETE → 204): 401 at once; DELETE again → 204; it stays listed as revoked", async () => {
    const k = await createKey(admin.as, { client: a.id, scopes: ["*"] });
    assertCatalogue(await get(PERMISSIONS_URL, withKey(k.key, a.host)), "before");
    const res = await del(apiKeyPath(k.id), admin.as);
    assert.equal(res.status, 204, res.text);
    assert.equal(res.text, "");
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(k.key, a.host)), "revoked");
    assert.equal((await del(apiKeyPath(k.id), admin.as)).status, 204);
    const one = await get(apiKeyPath(k.id), admin.as);
    assert.equal(one.status, 200);
    assert.equal(one.body.revoked, true);
    assert.ok((await keyRow(k.id)).revoked_at instanceof Date);
    const revokedList = assertPage(await get(`${API_KEYS}?client=${a.id}&revoked=true&page_size=200`, admin.as));
    assert.ok(revokedList.results.some((x) => x.id === k.id));
    assert.ok(revokedList.results.every((x) => x.revoked === true));
    const liveList = assertPage(await get(`${API_KEYS}?client=${a.id}&revoked=false&page_size=200`, admin.as));
    assert.ok(!liveList.results.some((x) => x.id === k.id));
  });
  it("expired (expires_at set in the past in the database) → 401", async () => {
    const k = await createKey(admin.as, { client: a.id, scopes: ["*"], expires_at: inAnHour() });
    assertCatalogue(await get(PERMISSIONS_URL, withKey(k.key, a.host)), "before expiry");
    await sql().query("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1", [k.id]);
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(k.key, a.host)), "expired");
  });
  it("last_used_at: null before the first use, set by it at once, not rewritten by a second use within a minute", async () => {
    const k = await createKey(admin.as, { client: a.id, scopes: ["*"] });
    assert.equal(await lastUsed(k.id), null);
    const before = Date.now();
    assertCatalogue(await get(PERMISSIONS_URL, withKey(k.key, a.host)), "first use");
    const first = await lastUsed(k.id);
    assert.ok(first instanceof Date, "set by the first use");
    assert.ok(first.getTime() >= before - 5_000);
    const shown = await get(apiKeyPath(k.id), admin.as);
    assert.equal(shown.body.last_used_at, first.toISOString());
    assertCatalogue(await get(PERMISSIONS_URL, withKey(k.key, a.host)), "second use");
    const second = await lastUsed(k.id);
    assert.equal(second!.getTime(), first.getTime(), "not rewritten within a minute");
    // A refused use (wrong school) does not count as a use.
    const fresh = await createKey(admin.as, { client: a.id, scopes: ["*"] });
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(fresh.key, b.host)), "wrong school");
    assert.equal(await lastUsed(fresh.id), null);
  });
  it('a key on the system API → 401, never authenticated (every endpoint, also a global "*" key)', async () => {
    const global = await createKey(admin.as, { client: null, scopes: ["*"] });
    const bound = await createKey(admin.as, { client: a.id, scopes: ["*"] });
    const anyUser = (await get(`${USERS}?page_size=1`, admin.as)).body.results[0].id;
    const paths = [
      "/api/v1/system/auth/me/",
      CLIENTS,
      clientPath(a.id),
      clientUsersPath(a.id),
      USERS,
      userPath(anyUser),
      API_KEYS,
      apiKeyPath(bound.id),
      AUDIT,
    ];
    for (const key of [global.key, bound.key]) {
      for (const path of paths) {
        const res = await get(path, withKey(key));
        assertError(res, 401, "not_authenticated");
      }
      const slug = unique("bykey-");
      assertError(await post(CLIENTS, { name: "By key", slug }, withKey(key)), 401, "not_authenticated");
      assertError(await post(API_KEYS, { name: "By key", client: null, scopes: ["*"] }, withKey(key)), 401, "not_authenticated");
      assertError(await request("DELETE", apiKeyPath(bound.id), withKey(key)), 401, "not_authenticated");
      assert.equal((await sql().query("SELECT 1 FROM clients WHERE slug = $1", [slug])).rowCount, 0);
    }
    assert.equal((await keyRow(bound.id)).revoked_at, null);
  });
  it("a key on /api/v1/school/auth/me/ → 401 not_authenticated (keys are not users)", async () => {
    const { key } = await createKey(admin.as, { client: a.id, scopes: ["*"] });
    assertError(await get("/api/v1/school/auth/me/", withKey(key, a.host)), 401, "not_authenticated");
    assertError(await get("/api/v1/school/auth/me/", withKey(key, undefined, { "x-tenant": a.slug })), 401, "not_authenticated");
  });
  it("a key of a suspended school → 403 tenant_inactive", async () => {
    const t = await makeTenant();
    const { key } = await createKey(admin.as, { client: t.id, scopes: ["*"] });
    assert.equal((await patch(clientPath(t.id), { is_active: false }, admin.as)).status, 200);
    assertError(await get(PERMISSIONS_URL, withKey(key, t.host)), 403, "tenant_inactive");
  });
});

describe("PATCH /api-keys/{id}/", () => {
  let admin: Session;
  let tenant: Tenant;
  before(async () => {
    admin = await platformSession();
    tenant = await makeTenant();
  });

  it("changes name, scopes and expires_at; the key itself keeps working", async () => {
    const k = await createKey(admin.as, { client: tenant.id, scopes: ["students.view"] });
    const expires = new Date(Date.now() + 7 * 86400_000).toISOString();
    const res = await patch(apiKeyPath(k.id), { name: "Renamed", scopes: ["classes.view", "students.add"], expires_at: expires }, admin.as);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body).sort(), API_KEY_FIELDS);
    assert.equal(res.body.name, "Renamed");
    assert.deepEqual([...res.body.scopes].sort(), ["classes.view", "students.add"]);
    assert.equal(Date.parse(res.body.expires_at), Date.parse(expires));
    assert.equal(res.body.prefix, k.prefix);
    const row = await keyRow(k.id);
    assert.equal(row.name, "Renamed");
    assert.deepEqual([...row.scopes].sort(), ["classes.view", "students.add"]);
    assertCatalogue(await get(PERMISSIONS_URL, withKey(k.key, tenant.host)), "after PATCH");
    const unlimited = await patch(apiKeyPath(k.id), { expires_at: null }, admin.as);
    assert.equal(unlimited.status, 200);
    assert.equal(unlimited.body.expires_at, null);
  });
  it("client is not changeable: a PATCH naming another school → 400 naming client; the key stays bound to its own", async () => {
    const other = await makeTenant();
    const k = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    assertInvalidField(await patch(apiKeyPath(k.id), { client: other.id, name: "still bound" }, admin.as), "client");
    const row = await keyRow(k.id);
    assert.equal(row.client_id, tenant.id);
    assert.equal(row.name, k.name);
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(k.key, other.host)), "other school");
  });
  const invalid: [string, Record<string, unknown>, string][] = [
    ["an expires_at in the past", { expires_at: "2020-01-01T00:00:00Z" }, "expires_at"],
    ["an unknown scope", { scopes: ["roles.fly"] }, "scopes"],
    ["no scopes", { scopes: [] }, "scopes"],
    ["a blank name", { name: "" }, "name"],
  ];
  for (const [what, body, field] of invalid) {
    it(`${what} → 400 naming ${field}; nothing changes`, async () => {
      const k = await createKey(admin.as, { client: tenant.id, scopes: ["students.view"] });
      assertInvalidField(await patch(apiKeyPath(k.id), body, admin.as), field);
      const row = await keyRow(k.id);
      assert.equal(row.name, k.name);
      assert.deepEqual(row.scopes, ["students.view"]);
      assert.equal(row.expires_at, null);
    });
  }
  it("PATCH a revoked key → 400, and it stays revoked and unchanged", async () => {
    const k = await createKey(admin.as, { client: tenant.id, scopes: ["students.view"] });
    assert.equal((await del(apiKeyPath(k.id), admin.as)).status, 204);
    assertError(await patch(apiKeyPath(k.id), { name: "Revived?", scopes: ["*"], expires_at: null }, admin.as), 400, "invalid");
    const row = await keyRow(k.id);
    assert.equal(row.name, k.name);
    assert.deepEqual(row.scopes, ["students.view"]);
    assert.ok(row.revoked_at instanceof Date);
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(k.key, tenant.host)), "still revoked");
  });
  for (const [what, id] of BAD_IDS) {
    it(`${what} as id → 404 for GET, PATCH, DELETE`, async () => {
      assertError(await get(apiKeyPath(id), admin.as), 404, "not_found");
      assertError(await patch(apiKeyPath(id), { name: "x" }, admin.as), 404, "not_found");
      assertError(await del(apiKeyPath(id), admin.as), 404, "not_found");
    });
  }
});

describe("who may manage API keys; the audit trail", () => {
  it("support: GET list and one → 200; POST, PATCH, DELETE → 403 and nothing changes", async () => {
    const admin = await platformSession();
    const support = await platformSession("support");
    const tenant = await makeTenant();
    const k = await createKey(admin.as, { client: tenant.id, scopes: ["students.view"] });
    assertPage(await get(API_KEYS, support.as));
    assert.equal((await get(apiKeyPath(k.id), support.as)).status, 200);
    const name = unique("support-key-");
    const created = await post(API_KEYS, { name, client: null, scopes: ["*"] }, support.as);
    assertError(created, 403, "permission_denied");
    assert.ok(!created.text.includes("sms_"));
    assertError(await patch(apiKeyPath(k.id), { scopes: ["*"] }, support.as), 403, "permission_denied");
    assertError(await del(apiKeyPath(k.id), support.as), 403, "permission_denied");
    assert.equal((await sql().query("SELECT 1 FROM api_keys WHERE name = $1", [name])).rowCount, 0);
    const row = await keyRow(k.id);
    assert.deepEqual(row.scopes, ["students.view"]);
    assert.equal(row.revoked_at, null);
  });
  it("platform_admin may create, change and revoke", async () => {
    const pa = await platformSession("platform_admin");
    const k = await createKey(pa.as, { client: null, scopes: ["*"] });
    assert.equal((await patch(apiKeyPath(k.id), { name: "by pa" }, pa.as)).status, 200);
    assert.equal((await del(apiKeyPath(k.id), pa.as)).status, 204);
  });
  it("a school token → 401; on a tenant host → 404", async () => {
    const admin = await platformSession();
    const tenant = await makeTenant();
    const staff = await schoolSession(tenant, ["Admin"]);
    assertError(await get(API_KEYS, staff.as), 401, "token_not_valid");
    assertError(await post(API_KEYS, { name: "x", client: tenant.id, scopes: ["*"] }, staff.as), 401, "token_not_valid");
    assertError(await get(API_KEYS, { ...admin.as, host: tenant.host }), 404, "not_found");
    assertError(
      await post(API_KEYS, { name: "x", client: tenant.id, scopes: ["*"] }, { ...admin.as, host: tenant.host }),
      404,
      "not_found",
    );
  });
  it("api_key.created and api_key.revoked are recorded with actor, client, address, user agent and request id; revoking twice records once", async () => {
    const admin = await platformSession();
    const tenant = await makeTenant();
    const t1 = traced("system-api-keys", admin.as);
    const res = await post(API_KEYS, { name: unique("audited-"), client: tenant.id, scopes: ["*"] }, t1.options);
    assert.equal(res.status, 201, res.text);
    await assertAudit(t1, "api_key.created", { actorUserId: admin.user.id, clientId: tenant.id });
    const t2 = traced("system-api-keys", admin.as);
    assert.equal((await del(apiKeyPath(res.body.id), t2.options)).status, 204);
    await assertAudit(t2, "api_key.revoked", { actorUserId: admin.user.id, clientId: tenant.id });
    assert.equal((await del(apiKeyPath(res.body.id), admin.as)).status, 204);
    const { rows } = await sql().query("SELECT action FROM audit_events WHERE target_id = $1 ORDER BY at", [res.body.id]);
    assert.deepEqual(
      rows.map((r) => r.action),
      ["api_key.created", "api_key.revoked"],
    );
    const t3 = traced("system-api-keys", admin.as);
    const global = await post(API_KEYS, { name: unique("audited-"), client: null, scopes: ["*"] }, t3.options);
    assert.equal(global.status, 201);
    await assertAudit(t3, "api_key.created", { actorUserId: admin.user.id, clientId: null });
  });
});

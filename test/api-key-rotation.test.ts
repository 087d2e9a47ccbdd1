// the REST contract §8 "API keys" — POST /api/v1/system/api-keys/{id}/rotate/ and the PATCH rule on
// `client`: a rotation answers a new key (shown once) of the same name, school, scopes and expiry;
// the old key keeps working until the grace period ends (its revoked_at is set ahead, no job runs),
// then is refused like a revoked key. A revoked, rotated or expired key is not rotated; DELETE
// during the grace period revokes at once.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { get, post, type ApiResponse } from "./helpers/api";
import { ISO_UTC, assertAudit, auditRows, traced } from "./helpers/auth-assertions";
import { makeTenant, sql } from "./helpers/fixtures";
import {
  API_KEYS,
  API_KEY_FIELDS,
  BAD_IDS,
  PERMISSIONS_URL,
  apiKeyPath,
  assertError,
  assertInvalidField,
  assertPage,
  createKey,
  del,
  patch,
  platformSession,
  withKey,
} from "./helpers/system-api";

type Session = Awaited<ReturnType<typeof platformSession>>;
type Tenant = Awaited<ReturnType<typeof makeTenant>>;

const rotatePath = (id: string) => `${apiKeyPath(id)}rotate/`;
const DAY = 86400;
const MAX_GRACE = 30 * DAY;

async function keyRow(id: string) {
  const { rows } = await sql().query("SELECT *, revoked_at > now() AS in_grace FROM api_keys WHERE id = $1", [id]);
  return rows[0];
}
/** Ends a grace period without waiting: the old key's revocation instant moves just into the past. */
async function endGrace(id: string) {
  await sql().query("UPDATE api_keys SET revoked_at = now() - interval '1 second' WHERE id = $1", [id]);
}
async function keysNamed(name: string): Promise<number> {
  return (await sql().query("SELECT 1 FROM api_keys WHERE name = $1", [name])).rowCount ?? 0;
}

function assertWorks(res: ApiResponse, what: string) {
  assert.equal(res.status, 200, `${what}: ${res.text.slice(0, 300)}`);
}
function assertKeyNotValid(res: ApiResponse, what: string) {
  assert.equal(res.status, 401, `${what}: ${res.text.slice(0, 300)}`);
  assert.equal(res.body.code, "api_key_not_valid", what);
}
function assertNonFieldError(res: ApiResponse) {
  assertError(res, 400, "invalid", "non_field_errors");
}

describe("POST /api-keys/{id}/rotate/ — a new key; the old one works until the grace period ends", () => {
  let admin: Session;
  let tenant: Tenant;
  before(async () => {
    admin = await platformSession();
    tenant = await makeTenant();
  });

  it("201 with the created key's shape: a new id, prefix and key; same name, school, scopes and expiry", async () => {
    const expires = new Date(Date.now() + 7 * DAY * 1000).toISOString();
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["classes.view", "students.view"], expires_at: expires });
    const res = await post(rotatePath(old.id), { grace_seconds: 3600 }, admin.as);
    assert.equal(res.status, 201, res.text);
    const k = res.body;
    assert.deepEqual(Object.keys(k).sort(), [...API_KEY_FIELDS, "key"].sort());
    assert.notEqual(k.id, old.id);
    assert.notEqual(k.key, old.key);
    assert.notEqual(k.prefix, old.prefix);
    assert.equal(k.prefix, k.key.slice(0, 16));
    assert.equal(k.name, old.name);
    assert.equal(k.client, tenant.id);
    assert.deepEqual(k.scopes, old.scopes);
    assert.equal(k.expires_at, old.expires_at);
    assert.equal(k.last_used_at, null);
    assert.equal(k.revoked, false);
    assert.equal(k.revokes_at, null);
    assert.match(k.created_at, ISO_UTC);
    assert.equal(res.headers["cache-control"], "no-store");
    // The old key, shown: not revoked yet, with the end of its grace period.
    const shown = await get(apiKeyPath(old.id), admin.as);
    assert.equal(shown.status, 200);
    assert.equal(shown.body.revoked, false);
    assert.match(shown.body.revokes_at, ISO_UTC);
    const row = await keyRow(old.id);
    assert.ok(row.revoked_at instanceof Date);
    assert.equal(row.in_grace, true, "revoked_at is ahead");
    assert.equal(shown.body.revokes_at, row.revoked_at.toISOString());
    const ahead = row.revoked_at.getTime() - Date.parse(k.created_at);
    assert.ok(Math.abs(ahead - 3600_000) < 1000, `revoked_at is grace_seconds after the rotation (${ahead} ms)`);
    const fresh = await keyRow(k.id);
    assert.equal(fresh.revoked_at, null);
    assert.equal(fresh.created_by_id, admin.user.id);
  });

  it("both keys work during the grace period; once it is over the old one is 401 api_key_not_valid, the new one works", async () => {
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    const res = await post(rotatePath(old.id), { grace_seconds: 3600 }, admin.as);
    assert.equal(res.status, 201, res.text);
    assertWorks(await get(PERMISSIONS_URL, withKey(res.body.key, tenant.host)), "new key");
    assertWorks(await get(PERMISSIONS_URL, withKey(old.key, tenant.host)), "old key in its grace period");
    assertWorks(await get(PERMISSIONS_URL, withKey(old.key, undefined, { "x-tenant": tenant.slug })), "old key, X-Tenant");
    await endGrace(old.id);
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(old.key, tenant.host)), "old key after its grace period");
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(old.key)), "old key, no school named");
    assertWorks(await get(PERMISSIONS_URL, withKey(res.body.key, tenant.host)), "new key still");
    const shown = await get(apiKeyPath(old.id), admin.as);
    assert.equal(shown.body.revoked, true);
    assert.equal(shown.body.revokes_at, null);
  });

  it("the grace period ends by itself: grace_seconds 1, and a moment later the old key is refused", async () => {
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    const res = await post(rotatePath(old.id), { grace_seconds: 1 }, admin.as);
    assert.equal(res.status, 201, res.text);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(old.key, tenant.host)), "old key");
    assertWorks(await get(PERMISSIONS_URL, withKey(res.body.key, tenant.host)), "new key");
    const row = await keyRow(old.id);
    assert.ok(row.revoked_at instanceof Date);
    assert.equal(row.in_grace, false);
  });

  it("grace_seconds 0: the old key is revoked at once", async () => {
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    const res = await post(rotatePath(old.id), { grace_seconds: 0 }, admin.as);
    assert.equal(res.status, 201, res.text);
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(old.key, tenant.host)), "old key");
    assertWorks(await get(PERMISSIONS_URL, withKey(res.body.key, tenant.host)), "new key");
    const row = await keyRow(old.id);
    assert.ok(row.revoked_at instanceof Date);
    assert.equal(row.in_grace, false);
    assert.equal((await get(apiKeyPath(old.id), admin.as)).body.revoked, true);
  });

  it("no body (or {}): the grace period is a day", async () => {
    for (const body of [undefined, {}]) {
      const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
      const res = await post(rotatePath(old.id), body, admin.as);
      assert.equal(res.status, 201, res.text);
      const ahead = (await keyRow(old.id)).revoked_at.getTime() - Date.parse(res.body.created_at);
      assert.ok(Math.abs(ahead - DAY * 1000) < 1000, `a day ahead (${ahead} ms)`);
      assertWorks(await get(PERMISSIONS_URL, withKey(old.key, tenant.host)), "old key");
    }
  });

  it("a global key with no expiry stays global and unlimited; 30 days (the maximum) is accepted", async () => {
    const old = await createKey(admin.as, { client: null, scopes: ["students.view"] });
    const res = await post(rotatePath(old.id), { grace_seconds: MAX_GRACE }, admin.as);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.client, null);
    assert.equal(res.body.expires_at, null);
    assert.deepEqual(res.body.scopes, ["students.view"]);
    assertWorks(await get(PERMISSIONS_URL, withKey(res.body.key, tenant.host)), "new global key");
    assertWorks(await get(PERMISSIONS_URL, withKey(old.key, tenant.host)), "old global key");
  });

  it("the replacement can be rotated in turn", async () => {
    const first = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    const second = await post(rotatePath(first.id), { grace_seconds: 60 }, admin.as);
    assert.equal(second.status, 201, second.text);
    const third = await post(rotatePath(second.body.id), { grace_seconds: 60 }, admin.as);
    assert.equal(third.status, 201, third.text);
    for (const key of [first.key, second.body.key, third.body.key]) {
      assertWorks(await get(PERMISSIONS_URL, withKey(key, tenant.host)), "every key of the chain in its grace period");
    }
  });

  it("the list shows the old key as not revoked during its grace period (with revokes_at) and as revoked after", async () => {
    const t = await makeTenant();
    const old = await createKey(admin.as, { client: t.id, scopes: ["*"] });
    const res = await post(rotatePath(old.id), { grace_seconds: 3600 }, admin.as);
    assert.equal(res.status, 201, res.text);
    const live = assertPage(await get(`${API_KEYS}?client=${t.id}&revoked=false&page_size=200`, admin.as));
    assert.deepEqual(live.results.map((k) => k.id).sort(), [old.id, res.body.id].sort());
    const listedOld = live.results.find((k) => k.id === old.id);
    assert.deepEqual(Object.keys(listedOld).sort(), API_KEY_FIELDS);
    assert.equal(listedOld.revoked, false);
    assert.match(listedOld.revokes_at, ISO_UTC);
    assert.equal(live.results.find((k) => k.id === res.body.id).revokes_at, null);
    assert.equal(assertPage(await get(`${API_KEYS}?client=${t.id}&revoked=true`, admin.as)).count, 0);

    await endGrace(old.id);
    const revoked = assertPage(await get(`${API_KEYS}?client=${t.id}&revoked=true`, admin.as));
    assert.deepEqual(
      revoked.results.map((k) => [k.id, k.revoked, k.revokes_at]),
      [[old.id, true, null]],
    );
    const after = assertPage(await get(`${API_KEYS}?client=${t.id}&revoked=false`, admin.as));
    assert.deepEqual(
      after.results.map((k) => k.id),
      [res.body.id],
    );
  });
});

describe("rotation refused", () => {
  let admin: Session;
  let tenant: Tenant;
  before(async () => {
    admin = await platformSession();
    tenant = await makeTenant();
  });

  const badGrace: [string, unknown][] = [
    ["negative", -1],
    ["over 30 days", MAX_GRACE + 1],
    ["not an integer", 1.5],
    ["a string", "3600"],
    ["null", null],
    ["a boolean", true],
  ];
  for (const [what, grace] of badGrace) {
    it(`grace_seconds ${what} → 400 naming grace_seconds; nothing changes`, async () => {
      const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
      assertInvalidField(await post(rotatePath(old.id), { grace_seconds: grace }, admin.as), "grace_seconds");
      assert.equal((await keyRow(old.id)).revoked_at, null);
      assert.equal(await keysNamed(old.name), 1, "no new key");
    });
  }

  it("a revoked key → 400; nothing is created and it stays revoked", async () => {
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    assert.equal((await del(apiKeyPath(old.id), admin.as)).status, 204);
    const before = (await keyRow(old.id)).revoked_at;
    const res = await post(rotatePath(old.id), {}, admin.as);
    assertNonFieldError(res);
    assert.ok(!res.text.includes("sms_"));
    assert.equal((await keyRow(old.id)).revoked_at.getTime(), before.getTime());
    assert.equal(await keysNamed(old.name), 1);
  });

  it("a key in its grace period (already rotated) → 400; its revocation instant does not move", async () => {
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    assert.equal((await post(rotatePath(old.id), { grace_seconds: 3600 }, admin.as)).status, 201);
    const before = (await keyRow(old.id)).revoked_at;
    assertNonFieldError(await post(rotatePath(old.id), { grace_seconds: 0 }, admin.as));
    assert.equal((await keyRow(old.id)).revoked_at.getTime(), before.getTime());
    assert.equal(await keysNamed(old.name), 2, "the first replacement only");
  });

  it("an expired key → 400", async () => {
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"], expires_at: new Date(Date.now() + 3600_000).toISOString() });
    await sql().query("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1", [old.id]);
    assertNonFieldError(await post(rotatePath(old.id), {}, admin.as));
    assert.equal(await keysNamed(old.name), 1);
  });

  for (const [what, id] of BAD_IDS) {
    it(`${what} as id → 404`, async () => {
      assertError(await post(rotatePath(id), {}, admin.as), 404, "not_found");
    });
  }

  it("GET, PATCH, DELETE on …/rotate/ → 405", async () => {
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    assertError(await get(rotatePath(old.id), admin.as), 405, "method_not_allowed");
    assertError(await patch(rotatePath(old.id), {}, admin.as), 405, "method_not_allowed");
    assertError(await del(rotatePath(old.id), admin.as), 405, "method_not_allowed");
  });

  it("support → 403 and nothing changes; platform_admin may rotate", async () => {
    const support = await platformSession("support");
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    const res = await post(rotatePath(old.id), { grace_seconds: 0 }, support.as);
    assertError(res, 403, "permission_denied");
    assert.ok(!res.text.includes("sms_"));
    assert.equal((await keyRow(old.id)).revoked_at, null);
    assert.equal(await keysNamed(old.name), 1);
    const pa = await platformSession("platform_admin");
    assert.equal((await post(rotatePath(old.id), {}, pa.as)).status, 201);
  });

  it("an API key does not authenticate it (401 not_authenticated)", async () => {
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    assertError(await post(rotatePath(old.id), {}, withKey(old.key)), 401, "not_authenticated");
    assert.equal((await keyRow(old.id)).revoked_at, null);
  });
});

describe("PATCH and DELETE around a rotation", () => {
  let admin: Session;
  let tenant: Tenant;
  before(async () => {
    admin = await platformSession();
    tenant = await makeTenant();
  });

  for (const client of ["other", null, "same"] as const) {
    it(`PATCH naming client (${client === "other" ? "another school" : client === "same" ? "its own school" : "null"}) → 400 naming client; nothing changes`, async () => {
      const other = await makeTenant();
      const k = await createKey(admin.as, { client: tenant.id, scopes: ["students.view"] });
      const value = client === "other" ? other.id : client === "same" ? tenant.id : null;
      const res = await patch(apiKeyPath(k.id), { client: value, name: "moved?" }, admin.as);
      assertInvalidField(res, "client");
      assert.deepEqual(res.body.errors.client, ["The school of a key cannot be changed."]);
      const row = await keyRow(k.id);
      assert.equal(row.client_id, tenant.id);
      assert.equal(row.name, k.name);
    });
  }

  it("PATCH a key in its grace period → 400; its replacement can be changed", async () => {
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["students.view"] });
    const fresh = await post(rotatePath(old.id), { grace_seconds: 3600 }, admin.as);
    assertNonFieldError(await patch(apiKeyPath(old.id), { scopes: ["*"] }, admin.as));
    assert.deepEqual((await keyRow(old.id)).scopes, ["students.view"]);
    const changed = await patch(apiKeyPath(fresh.body.id), { scopes: ["classes.view"] }, admin.as);
    assert.equal(changed.status, 200, changed.text);
    assert.deepEqual(changed.body.scopes, ["classes.view"]);
  });

  it("DELETE a key in its grace period revokes it at once (one api_key.revoked); DELETE again changes nothing", async () => {
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    const fresh = await post(rotatePath(old.id), { grace_seconds: 3600 }, admin.as);
    assert.equal(fresh.status, 201);
    assertWorks(await get(PERMISSIONS_URL, withKey(old.key, tenant.host)), "old key in its grace period");
    assert.equal((await del(apiKeyPath(old.id), admin.as)).status, 204);
    assertKeyNotValid(await get(PERMISSIONS_URL, withKey(old.key, tenant.host)), "old key, revoked");
    assertWorks(await get(PERMISSIONS_URL, withKey(fresh.body.key, tenant.host)), "new key");
    const row = await keyRow(old.id);
    assert.equal(row.in_grace, false);
    const shown = await get(apiKeyPath(old.id), admin.as);
    assert.equal(shown.body.revoked, true);
    assert.equal(shown.body.revokes_at, null);
    assert.equal((await del(apiKeyPath(old.id), admin.as)).status, 204);
    assert.equal((await keyRow(old.id)).revoked_at.getTime(), row.revoked_at.getTime());
    const { rows } = await sql().query("SELECT action FROM audit_events WHERE target_id = $1 ORDER BY at", [old.id]);
    assert.deepEqual(
      rows.map((r) => r.action),
      ["api_key.created", "api_key.rotated", "api_key.revoked"],
    );
  });
});

describe("the audit trail of a rotation", () => {
  it("one api_key.rotated with actor, school, origin; it names the replacement and holds no secret", async () => {
    const admin = await platformSession();
    const tenant = await makeTenant();
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    const t = traced("api-key-rotation", admin.as);
    const res = await post(rotatePath(old.id), { grace_seconds: 600 }, t.options);
    assert.equal(res.status, 201, res.text);
    await assertAudit(t, "api_key.rotated", { actorUserId: admin.user.id, clientId: tenant.id });
    assert.equal((await auditRows(t.requestId)).length, 1, "one event for the request");
    const { rows } = await sql().query(
      "SELECT target_type, target_id, metadata, row_to_json(e)::text AS j FROM audit_events e WHERE request_id = $1",
      [t.requestId],
    );
    assert.equal(rows[0].target_type, "api_key");
    assert.equal(rows[0].target_id, old.id);
    assert.equal(rows[0].metadata.replacement.id, res.body.id);
    assert.equal(rows[0].metadata.grace_seconds, 600);
    assert.ok(!rows[0].j.includes(res.body.key.slice(17)), "no secret of the new key");
    assert.ok(!rows[0].j.includes(old.key.slice(17)), "no secret of the old key");
  });

  it("a refused rotation records nothing", async () => {
    const admin = await platformSession();
    const tenant = await makeTenant();
    const old = await createKey(admin.as, { client: tenant.id, scopes: ["*"] });
    assert.equal((await del(apiKeyPath(old.id), admin.as)).status, 204);
    const t = traced("api-key-rotation", admin.as);
    assertNonFieldError(await post(rotatePath(old.id), {}, t.options));
    assert.equal((await auditRows(t.requestId)).length, 0);
  });
});

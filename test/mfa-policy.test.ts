// A school's two-factor policy (README "Two-factor sign-in"): `mfa_required` on the school, set by
// the platform on the client object or by the school's full admins on /school/settings/. While it
// is on, its staff without two-factor get tokens that reach only enrolling, me, password and
// logout (403 mfa_enrolment_required elsewhere) — existing tokens included, at once — and the
// login and `me` say `mfa_enrolment_required: true`. Turning two-factor on lifts it at once.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as OTPAuth from "otpauth";
import { get, post, request, type ApiResponse, type RequestOptions } from "./helpers/api";
import { assertAudit, traced } from "./helpers/auth-assertions";
import { PASSWORD, makeSchoolUser, makeTenant, sql } from "./helpers/fixtures";
import { clientPath, createClient, platformSession, type PlatformRoleName } from "./helpers/system-api";

const TRACE = "mfa-policy";
const SETTINGS = "/api/v1/school/settings/";
const auth = (what: string) => `/api/v1/school/auth/${what}/`;
const patch = (path: string, body: unknown, o: RequestOptions) => request("PATCH", path, { ...o, body });

type Tenant = Awaited<ReturnType<typeof makeTenant>>;

function assertError(res: ApiResponse, status: number, code: string, what: string) {
  assert.equal(res.status, status, `${what}: ${res.text}`);
  assert.equal(res.body.code, code, `${what}: ${res.text}`);
  assert.equal(typeof res.body.detail, "string", what);
}

async function policyOf(schoolId: string): Promise<boolean> {
  const { rows } = await sql().query("SELECT mfa_required FROM clients WHERE id = $1", [schoolId]);
  return rows[0].mfa_required;
}

/** Sets the policy as the database would after either API: the suites below test the APIs themselves. */
async function setPolicy(schoolId: string, on: boolean) {
  await sql().query("UPDATE clients SET mfa_required = $2 WHERE id = $1", [schoolId, on]);
}

/** A member of staff of `tenant`, signed in: their login's answer. */
async function signedIn(tenant: Tenant, roles: string[]) {
  const user = await makeSchoolUser(tenant.id, roles);
  const res = await post(auth("login"), { identifier: user.email, password: PASSWORD }, { host: tenant.host });
  assert.equal(res.status, 200, res.text);
  return { user, login: res, o: { host: tenant.host, token: res.body.access as string } as RequestOptions };
}

async function turnOnTwoFactor(o: RequestOptions) {
  const started = await post(auth("mfa/totp"), undefined, o);
  assert.equal(started.status, 200, `enrolment starts under the policy: ${started.text}`);
  const code = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(started.body.secret),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
  }).generate();
  const confirmed = await post(auth("mfa/totp/confirm"), { code }, o);
  assert.equal(confirmed.status, 200, `confirming is allowed under the policy: ${confirmed.text}`);
}

describe("a school's two-factor policy binds its staff", () => {
  it("off: staff without two-factor reach everything, and the answers say nothing is required", async () => {
    const tenant = await makeTenant();
    const { login, o } = await signedIn(tenant, ["Admin"]);
    assert.equal(login.body.mfa_enrolment_required, false);
    assert.equal((await get("/api/v1/school/students/", o)).status, 200);
    const me = await get(auth("me"), o);
    assert.equal(me.status, 200, me.text);
    assert.equal(me.body.mfa_enrolment_required, false);
  });

  it("on: an existing token is refused at once everywhere but enrolling, me, password and logout; enrolling lifts it at once", async () => {
    const tenant = await makeTenant();
    const { user, o } = await signedIn(tenant, ["Admin"]);
    assert.equal((await get("/api/v1/school/students/", o)).status, 200, "before the policy");
    await setPolicy(tenant.id, true);

    for (const path of ["/api/v1/school/students/", "/api/v1/school/users/", "/api/v1/school/roles/", auth("sessions"), SETTINGS]) {
      assertError(await get(path, o), 403, "mfa_enrolment_required", path);
    }
    assertError(await post("/api/v1/school/classes/", { name: "7B", grade: 7 }, o), 403, "mfa_enrolment_required", "POST classes");
    assertError(await patch(auth("me"), { full_name: "X" }, o), 403, "mfa_enrolment_required", "PATCH me");
    const { rows: classes } = await sql().query("SELECT 1 FROM classes WHERE client_id = $1", [tenant.id]);
    assert.equal(classes.length, 0, "the refused write wrote nothing");

    const me = await get(auth("me"), o);
    assert.equal(me.status, 200, me.text);
    assert.equal(me.body.mfa_enrolment_required, true);
    assert.equal(me.body.mfa_enabled, false);

    await turnOnTwoFactor(o);
    const { rows } = await sql().query("SELECT mfa_enabled FROM users WHERE id = $1", [user.id]);
    assert.equal(rows[0].mfa_enabled, true);
    assert.equal((await get("/api/v1/school/students/", o)).status, 200, "the same token, now enrolled");
    const after = await get(auth("me"), o);
    assert.equal(after.body.mfa_enrolment_required, false);
  });

  it("on: the login answers mfa_enrolment_required: true with tokens that can only enrol; password and logout still answer", async () => {
    const tenant = await makeTenant();
    await setPolicy(tenant.id, true);
    const { user, login, o } = await signedIn(tenant, ["Teacher"]);
    assert.equal(login.body.mfa_enrolment_required, true);
    assert.equal(typeof login.body.access, "string");
    assertError(await get("/api/v1/school/students/", o), 403, "mfa_enrolment_required", "students");

    const changed = await post(auth("password"), { old_password: PASSWORD, new_password: "another horse battery staple" }, o);
    assert.equal(changed.status, 204, `password: ${changed.text}`);
    const out = await post(auth("logout"), { refresh: login.body.refresh }, o);
    assert.equal(out.status, 204, `logout: ${out.text}`);
    const { rows } = await sql().query("SELECT revoked_at FROM refresh_families WHERE user_id = $1", [user.id]);
    assert.ok(
      rows.every((r) => r.revoked_at !== null),
      "logged out",
    );
  });

  it("turning it off frees the same token at once; API keys are not people and are not held", async () => {
    const tenant = await makeTenant();
    await setPolicy(tenant.id, true);
    const { o } = await signedIn(tenant, ["Admin"]);
    assertError(await get("/api/v1/school/students/", o), 403, "mfa_enrolment_required", "on");
    await setPolicy(tenant.id, false);
    assert.equal((await get("/api/v1/school/students/", o)).status, 200, "off again");
  });
});

describe("setting the policy", () => {
  it("a platform admin sets mfa_required on the client object: 200, stored, audited; GET shows it", async () => {
    const admin = await platformSession("platform_admin");
    const client = await createClient(admin.as);
    assert.equal(client.mfa_required, false, "off by default");
    const t = traced(TRACE, admin.as);
    const res = await patch(clientPath(client.id), { mfa_required: true }, t.options);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.mfa_required, true);
    assert.equal(await policyOf(client.id), true);
    await assertAudit(t, "client.updated", { actorUserId: admin.user.id, clientId: client.id });
    const { rows } = await sql().query("SELECT metadata FROM audit_events WHERE request_id = $1", [t.requestId]);
    assert.deepEqual(rows[0].metadata, { changed: ["mfa_required"], mfa_required: true });
    assert.equal((await get(clientPath(client.id), admin.as)).body.mfa_required, true);
  });

  for (const role of ["support"] satisfies PlatformRoleName[]) {
    it(`${role} cannot set it: 403, nothing changes`, async () => {
      const admin = await platformSession("superadmin");
      const client = await createClient(admin.as);
      const other = await platformSession(role);
      assertError(await patch(clientPath(client.id), { mfa_required: true }, other.as), 403, "permission_denied", role);
      assert.equal(await policyOf(client.id), false);
    });
  }

  it("a school's full admin sets it on /school/settings/: 200, stored, audited; any staff reads it", async () => {
    const tenant = await makeTenant();
    const admin = await signedIn(tenant, ["Admin"]);
    const before = await get(SETTINGS, admin.o);
    assert.equal(before.status, 200, before.text);
    assert.deepEqual(before.body, { mfa_required: false });

    const t = traced(TRACE, admin.o);
    const res = await patch(SETTINGS, { mfa_required: true }, t.options);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { mfa_required: true });
    assert.equal(await policyOf(tenant.id), true);
    await assertAudit(t, "school.settings.updated", { actorUserId: admin.user.id, clientId: tenant.id });
    const { rows } = await sql().query("SELECT metadata, target_type, target_id FROM audit_events WHERE request_id = $1", [t.requestId]);
    assert.deepEqual(rows[0], { metadata: { changed: ["mfa_required"], mfa_required: true }, target_type: "client", target_id: tenant.id });

    // The admin who turned it on is held by it too, until they enrol.
    assertError(await get(SETTINGS, admin.o), 403, "mfa_enrolment_required", "the admin, not enrolled");
    await turnOnTwoFactor(admin.o);
    const off = await patch(SETTINGS, { mfa_required: false }, admin.o);
    assert.equal(off.status, 200, off.text);
    assert.equal(await policyOf(tenant.id), false);
  });

  it("staff without every permission cannot change it (403, nothing changes); nor can an API key; a bad body is a 400", async () => {
    const tenant = await makeTenant();
    const head = await signedIn(tenant, ["Head"]);
    assert.deepEqual((await get(SETTINGS, head.o)).body, { mfa_required: false }, "Heads read it");
    assertError(await patch(SETTINGS, { mfa_required: true }, head.o), 403, "permission_denied", "Head");
    const office = await signedIn(tenant, ["Office"]);
    assertError(await patch(SETTINGS, { mfa_required: true }, office.o), 403, "permission_denied", "Office");
    assert.equal(await policyOf(tenant.id), false);

    const admin = await signedIn(tenant, ["Admin"]);
    const bad = await patch(SETTINGS, { mfa_required: "yes" }, admin.o);
    assertError(bad, 400, "invalid", "not a boolean");
    assert.ok(Array.isArray(bad.body.errors?.mfa_required), bad.text);
    assert.equal(await policyOf(tenant.id), false);

    const { rows } = await sql().query("SELECT 1 FROM audit_events WHERE client_id = $1 AND action = 'school.settings.updated'", [
      tenant.id,
    ]);
    assert.equal(rows.length, 0, "no audit row for refused changes");
  });

  it("an API key cannot change the settings (401: the route is for users)", async () => {
    const tenant = await makeTenant();
    const admin = await platformSession("superadmin");
    const key = await post("/api/v1/system/api-keys/", { client: tenant.id, name: "sync", scopes: ["*"] }, admin.as);
    assert.equal(key.status, 201, key.text);
    const o = { host: tenant.host, headers: { "x-api-key": key.body.key } };
    assert.equal((await get(SETTINGS, o)).status, 200, "a key reads them");
    const res = await patch(SETTINGS, { mfa_required: true }, o);
    assert.equal(res.status, 401, res.text);
    assert.equal(await policyOf(tenant.id), false);
  });
});

// Invitations (the REST contract §8 "Invitations"), on the three paths that create users: a user
// created without a password is invited — status "invited", no password that signs them in — and a
// message with a single-use link to their own host goes out in the same transaction; accepting it
// sets the password and answers like a login; resending replaces the link; withdrawing kills it and
// deactivates the account. Links are read from the outbox (the main test server has no transport);
// test/outbox.test.ts follows an invitation through a real SMTP server.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { get, post, request, type RequestOptions } from "./helpers/api";
import { USER_FIELDS, assertAudit, traced } from "./helpers/auth-assertions";
import {
  PASSWORD,
  makePlatformUser,
  makeSchoolUser,
  makeTenant,
  randomPhone,
  schoolLogin,
  sql,
  systemLogin,
  unique,
} from "./helpers/fixtures";
import { linkIn } from "./helpers/mail";

const CHOSEN = "my own chosen passphrase";
const del = (path: string, o: RequestOptions = {}) => request("DELETE", path, o);
const email = () => `${unique("invitee")}@example.org`;

interface Outbox {
  kind: string;
  channel: string;
  recipient: string;
  text: string;
  html: string | null;
  client_id: string | null;
}

/** The messages of `kind` to `recipient`, oldest first. */
async function messagesTo(recipient: string, kind = "invitation"): Promise<Outbox[]> {
  const { rows } = await sql().query<Outbox>(
    "SELECT kind, channel, recipient, text, html, client_id FROM outbox_messages WHERE recipient = $1 AND kind = $2 ORDER BY created_at, id",
    [recipient, kind],
  );
  return rows;
}

/** The token of the newest invitation sent to `recipient`. */
async function invitationToken(recipient: string): Promise<string> {
  const messages = await messagesTo(recipient);
  assert.ok(messages.length > 0, `an invitation to ${recipient} is in the outbox`);
  return linkIn(messages.at(-1)!.text, "/invitation").token;
}

async function userRow(id: string) {
  const { rows } = await sql().query(
    "SELECT password_hash, invited_at, is_active, full_name, password_change_required FROM users WHERE id = $1",
    [id],
  );
  return rows[0];
}

interface School {
  id: string;
  host: string;
  slug: string;
  admin: string;
}

async function school(): Promise<School> {
  const tenant = await makeTenant({ name: `Greenwood ${unique()}` });
  const admin = await makeSchoolUser(tenant.id, ["Admin"]);
  const { access } = await schoolLogin(tenant.host, admin.email);
  return { id: tenant.id, host: tenant.host, slug: tenant.slug, admin: access };
}

function invite(s: School, body: Record<string, unknown>, o: RequestOptions = {}) {
  return post("/api/v1/school/users/", { full_name: "Ada Invited", roles: ["Teacher"], ...body }, { host: s.host, token: s.admin, ...o });
}

function accept(host: string | undefined, token: string, password = CHOSEN, extra: Record<string, unknown> = {}, audience = "school") {
  return post(`/api/v1/${audience}/auth/invitation/accept/`, { token, password, ...extra }, { host });
}

describe("inviting a colleague on the school API", () => {
  let s: School;
  before(async () => {
    s = await school();
  });

  it("creating without a password answers 201 invited, and writes the user without a password and the invitation, in one go", async () => {
    const address = email();
    const t = traced("invite");
    const res = await invite(s, { email: address }, t.options);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.status, "invited");
    assert.equal(res.body.is_active, true);
    assert.equal(res.body.last_login, null);
    const row = await userRow(res.body.id);
    assert.equal(row.password_hash, null);
    assert.ok(row.invited_at instanceof Date);
    const [message] = await messagesTo(address);
    assert.equal(message.channel, "email");
    assert.equal(message.client_id, s.id);
    const { url } = linkIn(message.text, "/invitation");
    assert.match(url, new RegExp(`^http://${s.slug}\\.localhost:\\d+/invitation\\?token=[A-Za-z0-9_-]{43}$`));
    assert.ok(message.html?.includes(url.replace(/&/g, "&amp;")), "the HTML part carries the same link");
    assert.ok(message.text.includes(s.host.replace(".localhost", "")), "the message names the school's host");
    await assertAudit(t, "school.user.invited", { clientId: s.id });
    const { rows } = await sql().query("SELECT token_hash FROM account_links WHERE user_id = $1", [res.body.id]);
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0].token_hash, linkIn(message.text, "/invitation").token, "only the token's hash is stored");
    assert.match(rows[0].token_hash, /^[0-9a-f]{64}$/);
  });

  it("lists and shows the invited colleague with status invited; a password given creates them active", async () => {
    const invited = await invite(s, { email: email() });
    const direct = await invite(s, { email: email(), password: PASSWORD });
    assert.equal(direct.status, 201, direct.text);
    assert.equal(direct.body.status, "active");
    const one = await get(`/api/v1/school/users/${invited.body.id}/`, { host: s.host, token: s.admin });
    assert.equal(one.body.status, "invited");
    const list = await get("/api/v1/school/users/?page_size=100", { host: s.host, token: s.admin });
    const statuses = Object.fromEntries(list.body.results.map((u: { id: string; status: string }) => [u.id, u.status]));
    assert.equal(statuses[invited.body.id], "invited");
    assert.equal(statuses[direct.body.id], "active");
  });

  it("a create that fails (unknown role, taken email) leaves no user and sends nothing", async () => {
    const address = email();
    const bad = await invite(s, { email: address, roles: ["No Such Role"] });
    assert.equal(bad.status, 400, bad.text);
    assert.ok(bad.body.errors.roles);
    const taken = await invite(s, { email: address.toUpperCase() }, {});
    assert.equal(taken.status, 201, "the address was not taken by the failed create");
    const again = await invite(s, { email: address });
    assert.equal(again.status, 409, again.text);
    assert.equal((await messagesTo(address)).length, 1, "one invitation: the one create that committed");
    const { rows } = await sql().query("SELECT count(*)::int AS n FROM users WHERE email = $1", [address]);
    assert.equal(rows[0].n, 1);
  });

  it("an invited user's login is the same 401 as a wrong password, whatever password they try", async () => {
    const address = email();
    await invite(s, { email: address });
    const invited = await post("/api/v1/school/auth/login/", { identifier: address, password: PASSWORD }, { host: s.host });
    const unknown = await post("/api/v1/school/auth/login/", { identifier: email(), password: PASSWORD }, { host: s.host });
    assert.equal(invited.status, 401);
    assert.deepEqual(invited.body, unknown.body);
  });

  it("accepting sets the password and name, answers like a login, and the link works once", async () => {
    const address = email();
    const created = await invite(s, { email: address });
    const token = await invitationToken(address);
    const t = traced("accept", { host: s.host });
    const res = await post("/api/v1/school/auth/invitation/accept/", { token, password: CHOSEN, full_name: "Ada Lovelace" }, t.options);
    assert.equal(res.status, 200, res.text);
    assert.ok(res.body.access && res.body.refresh);
    assert.equal(res.body.user.id, created.body.id);
    assert.deepEqual(Object.keys(res.body.user).sort(), USER_FIELDS);
    assert.equal(res.body.user.status, "active");
    assert.equal(res.body.user.full_name, "Ada Lovelace");
    assert.deepEqual(
      res.body.roles.map((r: { name: string }) => r.name),
      ["Teacher"],
    );
    const me = await get("/api/v1/school/auth/me/", { host: s.host, token: res.body.access });
    assert.equal(me.status, 200);
    const row = await userRow(created.body.id);
    assert.ok(row.password_hash);
    assert.equal(row.invited_at, null);
    assert.equal(row.full_name, "Ada Lovelace");
    await assertAudit(t, "school.invitation.accepted", { actorUserId: created.body.id, clientId: s.id });
    await assertAudit(t, "school.login.succeeded", { actorUserId: created.body.id, clientId: s.id });
    assert.equal((await schoolLogin(s.host, address, CHOSEN)).user.id, created.body.id, "the chosen password signs in");

    const again = await accept(s.host, token, "another passphrase here");
    assert.equal(again.status, 400);
    assert.equal(again.body.code, "token_not_valid");
    await schoolLogin(s.host, address, CHOSEN); // the second try changed nothing
  });

  it("a link works only on its own school's host, and a refused try does not spend it", async () => {
    const address = email();
    await invite(s, { email: address });
    const token = await invitationToken(address);
    const other = await makeTenant();
    for (const [where, res] of [
      ["another school", await accept(other.host, token)],
      ["the platform", await accept(undefined, token, CHOSEN, {}, "system")],
      [
        "X-Tenant of another school",
        await post("/api/v1/school/auth/invitation/accept/", { token, password: CHOSEN }, { headers: { "x-tenant": other.slug } }),
      ],
    ] as const) {
      assert.equal(res.status, 400, `${where}: ${res.text}`);
      assert.equal(res.body.code, "token_not_valid", where);
    }
    assert.equal((await accept(s.host, token)).status, 200);
  });

  it("unknown, malformed, expired links are 400 token_not_valid; bad bodies name their fields and spend nothing", async () => {
    const address = email();
    const created = await invite(s, { email: address });
    const token = await invitationToken(address);
    for (const bad of ["x".repeat(43), "", " "]) {
      const res = await accept(s.host, bad);
      assert.equal(res.status, 400, res.text);
      if (bad.trim()) assert.equal(res.body.code, "token_not_valid");
      else assert.ok(res.body.errors.token, res.text);
    }
    const long = await accept(s.host, "y".repeat(201));
    assert.ok(long.body.errors.token, long.text);
    const short = await accept(s.host, token, "short");
    assert.equal(short.status, 400);
    assert.ok(short.body.errors.password, short.text);
    const missing = await post("/api/v1/school/auth/invitation/accept/", { token }, { host: s.host });
    assert.ok(missing.body.errors.password, missing.text);
    const tooLongName = await accept(s.host, token, CHOSEN, { full_name: "n".repeat(201) });
    assert.ok(tooLongName.body.errors.full_name, tooLongName.text);
    const notJson = await request("POST", "/api/v1/school/auth/invitation/accept/", {
      host: s.host,
      raw: "token=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assert.ok(notJson.status === 400 || notJson.status === 415, notJson.text);
    assert.equal((await userRow(created.body.id)).password_hash, null, "nothing was set");

    await sql().query("UPDATE account_links SET expires_at = now() - interval '1 second' WHERE user_id = $1", [created.body.id]);
    const expired = await accept(s.host, token);
    assert.equal(expired.status, 400);
    assert.equal(expired.body.code, "token_not_valid");
  });

  it("resending answers 202, sends a new link and kills the old one; an accepted invitation cannot be resent", async () => {
    const address = email();
    const created = await invite(s, { email: address });
    const first = await invitationToken(address);
    const t = traced("resend", { host: s.host, token: s.admin });
    const res = await post(`/api/v1/school/users/${created.body.id}/invitation/`, undefined, t.options);
    assert.equal(res.status, 202, res.text);
    assert.equal(typeof res.body.detail, "string");
    await assertAudit(t, "school.user.invitation_resent", { clientId: s.id });
    assert.equal((await messagesTo(address)).length, 2);
    const second = await invitationToken(address);
    assert.notEqual(first, second);
    assert.equal((await accept(s.host, first)).body.code, "token_not_valid");
    assert.equal((await accept(s.host, second)).status, 200);
    const late = await post(`/api/v1/school/users/${created.body.id}/invitation/`, undefined, { host: s.host, token: s.admin });
    assert.equal(late.status, 400);
    assert.ok(late.body.errors.non_field_errors, late.text);
    const withdrawLate = await del(`/api/v1/school/users/${created.body.id}/invitation/`, { host: s.host, token: s.admin });
    assert.equal(withdrawLate.status, 400);
  });

  it("withdrawing answers 204: the link dies, the account is inactive, and it is not resent until reactivated", async () => {
    const address = email();
    const created = await invite(s, { email: address });
    const token = await invitationToken(address);
    const t = traced("withdraw", { host: s.host, token: s.admin });
    const res = await del(`/api/v1/school/users/${created.body.id}/invitation/`, t.options);
    assert.equal(res.status, 204, res.text);
    await assertAudit(t, "school.user.invitation_withdrawn", { clientId: s.id });
    const row = await userRow(created.body.id);
    assert.equal(row.is_active, false);
    const one = await get(`/api/v1/school/users/${created.body.id}/`, { host: s.host, token: s.admin });
    assert.equal(one.body.status, "inactive");
    assert.equal((await accept(s.host, token)).body.code, "token_not_valid");
    assert.equal(
      (await del(`/api/v1/school/users/${created.body.id}/invitation/`, { host: s.host, token: s.admin })).status,
      204,
      "again: nothing to do",
    );
    const resend = await post(`/api/v1/school/users/${created.body.id}/invitation/`, undefined, { host: s.host, token: s.admin });
    assert.equal(resend.status, 400);
    const reactivated = await request("PATCH", `/api/v1/school/users/${created.body.id}/`, {
      host: s.host,
      token: s.admin,
      body: { is_active: true },
    });
    assert.equal(reactivated.status, 200, reactivated.text);
    assert.equal(reactivated.body.status, "invited");
    assert.equal(
      (await post(`/api/v1/school/users/${created.body.id}/invitation/`, undefined, { host: s.host, token: s.admin })).status,
      202,
    );
    assert.equal((await accept(s.host, await invitationToken(address))).status, 200);
  });

  it("a temporary password set for an invited colleague ends the invitation, and its owner is told", async () => {
    const address = email();
    const created = await invite(s, { email: address });
    const token = await invitationToken(address);
    const res = await request("PATCH", `/api/v1/school/users/${created.body.id}/`, {
      host: s.host,
      token: s.admin,
      body: { password: PASSWORD },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status, "active");
    assert.equal((await userRow(created.body.id)).invited_at, null);
    assert.equal((await accept(s.host, token)).body.code, "token_not_valid");
    const [told] = await messagesTo(address, "temporary_password_set");
    assert.ok(told, "a temporary_password_set message is queued");
    assert.ok(!told.text.includes(PASSWORD), "the message never carries the password");
    const login = await schoolLogin(s.host, address, PASSWORD);
    assert.equal(login.user.status, "active");
  });

  it("a phone-only colleague gets the link by SMS", async () => {
    const phone = randomPhone();
    await invite(s, { phone: phone.national });
    const [message] = await messagesTo(phone.e164);
    assert.equal(message.channel, "sms");
    assert.equal(message.html, null);
    const { token } = linkIn(message.text, "/invitation");
    const res = await accept(s.host, token);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.user.phone, phone.e164);
  });

  it("who may: a Teacher is refused (users.add), someone with users.add cannot reach an invited Admin, another school's user is a 404", async () => {
    const admin = await invite(s, { email: email(), roles: ["Admin"] });
    const teacher = await makeSchoolUser(s.id, ["Teacher"]);
    const teacherToken = (await schoolLogin(s.host, teacher.email)).access;
    const path = `/api/v1/school/users/${admin.body.id}/invitation/`;
    assert.equal((await post(path, undefined, { host: s.host, token: teacherToken })).status, 403);
    assert.equal((await del(path, { host: s.host, token: teacherToken })).status, 403);

    const role = await post(
      "/api/v1/school/roles/",
      { name: unique("Inviter"), permissions: ["users.add", "users.view"] },
      { host: s.host, token: s.admin },
    );
    assert.equal(role.status, 201, role.text);
    const inviter = await makeSchoolUser(s.id, [role.body.name]);
    const inviterToken = (await schoolLogin(s.host, inviter.email)).access;
    assert.equal((await post(path, undefined, { host: s.host, token: inviterToken })).status, 403, "out of reach");
    assert.equal((await del(path, { host: s.host, token: inviterToken })).status, 403, "out of reach");
    assert.equal((await userRow(admin.body.id)).is_active, true);

    const other = await school();
    const theirs = await invite(other, { email: email() });
    const cross = await post(`/api/v1/school/users/${theirs.body.id}/invitation/`, undefined, { host: s.host, token: s.admin });
    assert.equal(cross.status, 404);
    assert.equal((await del(`/api/v1/school/users/${theirs.body.id}/invitation/`, { host: s.host, token: s.admin })).status, 404);
  });
});

describe("inviting on the system API", () => {
  let superadmin: string;
  before(async () => {
    superadmin = (await systemLogin((await makePlatformUser("superadmin")).email)).access;
  });

  it("a platform user created without a password is invited to the console, accepts there, and gets a login's answer", async () => {
    const address = email();
    const t = traced("invite-platform", { token: superadmin });
    const res = await post("/api/v1/system/users/", { email: address, full_name: "Pat Platform", platform_role: "support" }, t.options);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.status, "invited");
    await assertAudit(t, "platform_user.invited", { clientId: null });
    const [message] = await messagesTo(address);
    assert.equal(message.client_id, null);
    const { url, token } = linkIn(message.text, "/console/invitation");
    assert.match(url, /^http:\/\/localhost:\d+\/console\/invitation\?token=/);
    const onSchool = await accept((await makeTenant()).host, token);
    assert.equal(onSchool.body.code, "token_not_valid", "a platform link does not work on a school's host");
    const ok = await accept(undefined, token, CHOSEN, {}, "system");
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.user.status, "active");
    assert.equal(ok.body.password_change_required, false);
    assert.ok(ok.body.access);
    await systemLogin(address, CHOSEN);
  });

  it("resend and withdraw are a superadmin's; a platform_admin is refused and a school user's id is a 404", async () => {
    const created = await post("/api/v1/system/users/", { email: email(), platform_role: "support" }, { token: superadmin });
    const path = `/api/v1/system/users/${created.body.id}/invitation/`;
    const admin = (await systemLogin((await makePlatformUser("platform_admin")).email)).access;
    assert.equal((await post(path, undefined, { token: admin })).status, 403);
    assert.equal((await del(path, { token: admin })).status, 403);
    const t = traced("resend-platform", { token: superadmin });
    assert.equal((await post(path, undefined, t.options)).status, 202);
    await assertAudit(t, "platform_user.invitation_resent", { clientId: null });
    assert.equal((await del(path, { token: superadmin })).status, 204);
    assert.equal((await get(`/api/v1/system/users/${created.body.id}/`, { token: superadmin })).body.status, "inactive");
    const s = await school();
    const schoolUser = await invite(s, { email: email() });
    assert.equal((await post(`/api/v1/system/users/${schoolUser.body.id}/invitation/`, undefined, { token: superadmin })).status, 404);
  });

  it("the console invites a school's user, who accepts on the school's host; resend and withdraw on the console's path", async () => {
    const tenant = await makeTenant();
    const address = email();
    const t = traced("invite-console", { token: superadmin });
    const res = await post(`/api/v1/system/clients/${tenant.id}/users/`, { email: address, roles: ["Admin"] }, t.options);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.status, "invited");
    await assertAudit(t, "tenant_user.invited", { clientId: tenant.id });
    const path = `/api/v1/system/clients/${tenant.id}/users/${res.body.id}/invitation/`;
    const support = (await systemLogin((await makePlatformUser("support")).email)).access;
    assert.equal((await post(path, undefined, { token: support })).status, 403);
    assert.equal((await post(path, undefined, { token: superadmin })).status, 202);
    const other = await makeTenant();
    assert.equal(
      (await post(`/api/v1/system/clients/${other.id}/users/${res.body.id}/invitation/`, undefined, { token: superadmin })).status,
      404,
    );
    const ok = await accept(tenant.host, await invitationToken(address));
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.tenant.id, tenant.id);
    assert.equal((await del(path, { token: superadmin })).status, 400, "already accepted");
  });

  it("a new school's first admin may be invited with it", async () => {
    // The console's "New school" form creates school and admin through this service (the REST
    // create-school has no admin): called directly, as the console's action does.
    const { createSchoolWithAdmin } = await import("@/lib/platform/create-school-with-admin");
    const { publicUserSelect } = await import("@/lib/users/user-schemas");
    const { prisma } = await import("@/lib/db/client");
    const me = await prisma.user.findUniqueOrThrow({ where: { id: (await makePlatformUser("superadmin")).id }, select: publicUserSelect });
    const address = email();
    const slug = unique("first-");
    const { admin } = await createSchoolWithAdmin({
      actor: { principal: { kind: "user", user: me, sessionId: "none" }, origin: { ip: "127.0.0.1", userAgent: "test", requestId: null } },
      input: {
        school: { name: "First School", slug, domains: [], is_active: true, mfa_required: false },
        admin: { email: address, full_name: "First Admin", roles: [] },
      },
    });
    assert.equal(admin.status, "invited");
    const [message] = await messagesTo(address);
    assert.match(linkIn(message.text, "/invitation").url, new RegExp(`^http://${slug}\\.localhost:\\d+/`));
  });
});

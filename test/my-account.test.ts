// My account details (`PATCH …/auth/me/`, this project's extension of the REST contract §8), for
// platform users and school staff alike: a person changes their own name and phone; the answer is
// their `me`; the email is not theirs to change here; the account keeps an email or a phone; a
// phone someone else has is a 409; a change writes one audit row, a no-op none.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { get, request } from "./helpers/api";
import { makeKey } from "./helpers/school-api";
import { makePlatformUser, makeSchoolUser, makeTenant, randomPhone, schoolLogin, sql, systemLogin } from "./helpers/fixtures";

const patch = (path: string, body: unknown, o: { token?: string; host?: string } = {}) => request("PATCH", path, { ...o, body });

async function row(id: string) {
  const { rows } = await sql().query("SELECT full_name, email, phone FROM users WHERE id = $1", [id]);
  return rows[0] as { full_name: string; email: string | null; phone: string | null };
}

async function auditRows(id: string) {
  const { rows } = await sql().query(
    "SELECT action, actor_user_id, client_id, metadata FROM audit_events WHERE target_id = $1 AND action LIKE '%account.updated' ORDER BY at",
    [id],
  );
  return rows as { action: string; actor_user_id: string; client_id: string | null; metadata: { changed: string[] } }[];
}

for (const audience of ["system", "school"] as const) {
  const path = `/api/v1/${audience}/auth/me/`;
  /** A user of this audience (phone optional), signed in. */
  async function setup(extra: { phone?: string } = {}) {
    if (audience === "system") {
      const user = await makePlatformUser("support", extra);
      const { access } = await systemLogin(user.email);
      return { user, token: access, host: undefined as string | undefined, schoolId: null as string | null };
    }
    const school = await makeTenant();
    const user = await makeSchoolUser(school.id, ["Teacher"], extra);
    const { access } = await schoolLogin(school.host, user.email);
    return { user, token: access, host: school.host as string | undefined, schoolId: school.id as string | null };
  }
  /** The user object of a `me` answer: at the top for platform users, under `user` for staff. */
  const userOf = (body: any) => (audience === "system" ? body : body.user);

  describe(`${audience}: PATCH ${path}`, () => {
    it("changes my name and phone: the answer is my me, the database holds it, one audit row names the fields", async () => {
      const { user, token, host, schoolId } = await setup();
      const phone = randomPhone();
      const res = await patch(path, { full_name: "  Ada Lovelace ", phone: phone.national }, { token, host });
      assert.equal(res.status, 200, res.text);
      assert.equal(userOf(res.body).full_name, "Ada Lovelace");
      assert.equal(userOf(res.body).phone, phone.e164, "stored in E.164");
      assert.equal(userOf(res.body).email, user.email);
      if (audience === "school") assert.deepEqual(res.body.permissions, ["classes.view", "students.view"], "still the whole profile");
      assert.deepEqual(await row(user.id), { full_name: "Ada Lovelace", email: user.email, phone: phone.e164 });
      const me = await get(path, { token, host });
      assert.equal(userOf(me.body).full_name, "Ada Lovelace");
      const events = await auditRows(user.id);
      assert.equal(events.length, 1);
      assert.equal(events[0].action, `${audience}.account.updated`);
      assert.equal(events[0].actor_user_id, user.id);
      assert.equal(events[0].client_id, schoolId);
      assert.deepEqual(events[0].metadata.changed.sort(), ["full_name", "phone"]);
    });

    it("the same values again change nothing and record nothing; unknown fields and the email are ignored", async () => {
      const { user, token, host } = await setup();
      const first = await patch(path, { full_name: "Same Name" }, { token, host });
      assert.equal(first.status, 200, first.text);
      const again = await patch(
        path,
        { full_name: "Same Name", email: "taken-over@example.org", is_active: false, platform_role: "superadmin" },
        { token, host },
      );
      assert.equal(again.status, 200, again.text);
      const after = await row(user.id);
      assert.equal(after.email, user.email, "the email is not changed here");
      assert.equal((await auditRows(user.id)).length, 1, "only the first PATCH changed anything");
      const { rows } = await sql().query("SELECT is_active, platform_role FROM users WHERE id = $1", [user.id]);
      assert.deepEqual(rows[0], { is_active: true, platform_role: audience === "system" ? "support" : null });
      const empty = await patch(path, {}, { token, host });
      assert.equal(empty.status, 200, "an empty PATCH is a no-op, as in DRF");
    });

    it("removing my phone: fine while I have an email; refused when it is my only way to sign in", async () => {
      const phone = randomPhone();
      const { user, token, host } = await setup({ phone: phone.e164 });
      const removed = await patch(path, { phone: null }, { token, host });
      assert.equal(removed.status, 200, removed.text);
      assert.equal((await row(user.id)).phone, null);

      const other = await setup({ phone: randomPhone().e164 });
      await sql().query("UPDATE users SET email = NULL WHERE id = $1", [other.user.id]);
      const refused = await patch(path, { phone: null }, { token: other.token, host: other.host });
      assert.equal(refused.status, 400, refused.text);
      assert.ok(refused.body.errors.non_field_errors, refused.text);
      assert.notEqual((await row(other.user.id)).phone, null, "nothing written");
    });

    it("a phone someone else has is a 409 on phone; nothing written", async () => {
      const taken = randomPhone();
      await makePlatformUser("support", { phone: taken.e164 });
      const { user, token, host } = await setup();
      const res = await patch(path, { full_name: "Should Not Stick", phone: taken.e164 }, { token, host });
      assert.equal(res.status, 409, res.text);
      assert.ok(res.body.errors?.phone, res.text);
      assert.notEqual((await row(user.id)).full_name, "Should Not Stick");
      assert.equal((await auditRows(user.id)).length, 0);
    });

    it("bad input: a 400 naming each field, nothing written", async () => {
      const { user, token, host } = await setup();
      const before = await row(user.id);
      for (const [body, field] of [
        [{ phone: "not a phone" }, "phone"],
        [{ phone: 12345 }, "phone"],
        [{ full_name: "x".repeat(201) }, "full_name"],
        [{ full_name: ["Ada"] }, "full_name"],
      ] as const) {
        const res = await patch(path, body, { token, host });
        assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
        assert.ok(res.body.errors?.[field], `${field} named: ${res.text}`);
      }
      const notJson = await request("PATCH", path, {
        token,
        host,
        raw: "full_name=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      assert.equal(notJson.status, 415, notJson.text);
      assert.deepEqual(await row(user.id), before);
    });

    it("needs my own token: none is a 401, and a refresh token is not an access token", async () => {
      const { user, host } = await setup();
      const none = await patch(path, { full_name: "Nobody" }, { host });
      assert.equal(none.status, 401, none.text);
      const login = audience === "system" ? await systemLogin(user.email) : await schoolLogin(host!, user.email);
      const withRefresh = await patch(path, { full_name: "Nobody" }, { token: login.refresh, host });
      assert.equal(withRefresh.status, 401, withRefresh.text);
      assert.notEqual((await row(user.id)).full_name, "Nobody");
    });
  });
}

describe("school: PATCH /api/v1/school/auth/me/ across schools", () => {
  it("a token of one school cannot change anything through another school's host", async () => {
    const home = await makeTenant();
    const away = await makeTenant();
    const user = await makeSchoolUser(home.id, ["Admin"]);
    const { access } = await schoolLogin(home.host, user.email);
    const res = await patch("/api/v1/school/auth/me/", { full_name: "Crossed Over" }, { token: access, host: away.host });
    assert.equal(res.status, 401, res.text);
    assert.equal(res.body.code, "token_not_valid");
    assert.notEqual((await row(user.id)).full_name, "Crossed Over");
  });

  it("an API key has no account to change: 401, nothing written", async () => {
    const school = await makeTenant();
    const { key } = await makeKey(school.id, ["*"]);
    const res = await request("PATCH", "/api/v1/school/auth/me/", {
      host: school.host,
      headers: { "x-api-key": key },
      body: { full_name: "Key" },
    });
    assert.equal(res.status, 401, res.text);
  });
});

// Query strings of hostile clients (hardening issue, item 5): control characters in any parameter
// of any list are a 400 naming the parameter — never a 500 — and only once the credentials were
// checked: a wrong key or token, or a missing permission, answers as it would without the query.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { get } from "./helpers/api";
import { makePlatformUser, systemLogin } from "./helpers/fixtures";
import { assertError, assertFieldError, call, makeKey, makeSchool, makeStaffWith, type School } from "./helpers/school-api";

// Every list of the school API, with the parameters it reads.
const SCHOOL_LISTS: [string, string[]][] = [
  ["/students/", ["search", "class", "page", "page_size"]],
  ["/roles/", ["search", "page"]],
  ["/users/", ["search", "is_active"]],
  ["/classes/", ["search", "teacher", "grade"]],
  ["/role-assignments/", ["user", "role"]],
  ["/audit/", ["actor", "action", "since", "until", "client"]],
  ["/permissions/", ["search"]],
];

const SYSTEM_LISTS: [string, string[]][] = [
  ["/api/v1/system/clients/", ["search", "is_active"]],
  ["/api/v1/system/users/", ["search", "platform_role"]],
  ["/api/v1/system/api-keys/", ["client", "revoked"]],
  ["/api/v1/system/audit/", ["actor", "action", "client", "since"]],
  ["/api/v1/system/outbox/", ["state", "channel", "client", "ordering"]],
];

// NUL, another C0 control, DEL, and a control character hidden after ordinary text.
const HOSTILE = ["%00", "%01", "%7F", "abc%00def", "%0A"];

describe("control characters in query strings", () => {
  let school: School;
  let viewer: Awaited<ReturnType<typeof makeStaffWith>>;
  let key: string;
  before(async () => {
    school = await makeSchool();
    viewer = await makeStaffWith(school, []); // authenticated, holding nothing
    key = (await makeKey(school.id, ["*"])).key;
  });

  for (const [path, params] of SCHOOL_LISTS) {
    it(`school ${path}: 400 naming the parameter with good credentials (token and key)`, async () => {
      for (const param of params) {
        for (const value of HOSTILE) {
          const what = `${path}?${param}=${value}`;
          assertFieldError(await call(school.admin.caller, "GET", `${path}?${param}=${value}`), param, `${what} (token)`);
          assertFieldError(await call({ host: school.host, key }, "GET", `${path}?${param}=${value}`), param, `${what} (key)`);
        }
      }
    });

    it(`school ${path}: the credentials answer first — wrong key, wrong token, none, no permission`, async () => {
      const q = `${path}?${params[0]}=%00`;
      assertError(
        await call({ host: school.host, key: `sms_AAAAAAAAAAAA_${"A".repeat(38)}` }, "GET", q),
        401,
        "api_key_not_valid",
        `${q} wrong key`,
      );
      assertError(
        await call({ host: school.host, key: key.slice(0, -1) + (key.endsWith("A") ? "B" : "A") }, "GET", q),
        401,
        "api_key_not_valid",
        `${q} mistyped key`,
      );
      assertError(await call({ host: school.host, token: "not.a.token" }, "GET", q), 401, "token_not_valid", `${q} garbage token`);
      assertError(await call({ host: school.host }, "GET", q), 401, "not_authenticated", `${q} no credentials`);
      if (path !== "/permissions/") assertError(await call(viewer.caller, "GET", q), 403, "permission_denied", `${q} no permission`);
    });
  }

  it("a control character in a parameter's name is a 400 too", async () => {
    assertError(await call(school.admin.caller, "GET", "/students/?se%00arch=x"), 400, "invalid", "name with NUL");
  });

  it("an empty parameter (a form's empty field) is no filter, not a bad value", async () => {
    const res = await call(school.admin.caller, "GET", "/users/?search=&is_active=&page=&page_size=");
    assert.equal(res.status, 200, res.text);
    assert.ok(res.body.count >= 1);
  });

  it("a filter value that is not one (is_active=maybe, grade=x, user=abc) is a 400 naming it", async () => {
    assertFieldError(await call(school.admin.caller, "GET", "/users/?is_active=maybe"), "is_active");
    assertFieldError(await call(school.admin.caller, "GET", "/classes/?grade=x"), "grade");
    assertFieldError(await call(school.admin.caller, "GET", "/role-assignments/?user=abc"), "user");
  });

  it("ordinary text still filters (the check only refuses control characters)", async () => {
    const res = await call(school.admin.caller, "GET", "/students/?search=O%27Brien%20%E2%9C%93");
    assert.equal(res.status, 200, res.text);
  });

  describe("system lists", () => {
    let token: string;
    let support: string;
    before(async () => {
      token = (await systemLogin((await makePlatformUser("superadmin")).email)).access;
      support = (await systemLogin((await makePlatformUser("support")).email)).access;
    });

    for (const [path, params] of SYSTEM_LISTS) {
      it(`${path}: 400 naming the parameter, after the credentials`, async () => {
        for (const param of params) {
          for (const value of HOSTILE)
            assertFieldError(await get(`${path}?${param}=${value}`, { token }), param, `${path}?${param}=${value}`);
          // support reads everything: the same 400 (not a 403) for a read.
          assertFieldError(await get(`${path}?${param}=%00`, { token: support }), param, `${path} as support`);
        }
        assertError(await get(`${path}?${params[0]}=%00`), 401, "not_authenticated", `${path} without credentials`);
        assertError(await get(`${path}?${params[0]}=%00`, { token: "x.y.z" }), 401, "token_not_valid", `${path} with a garbage token`);
      });
    }

    it("a school's users seen from the console: 400 too", async () => {
      assertFieldError(await get(`/api/v1/system/clients/${school.id}/users/?search=%00`, { token }), "search");
    });
  });
});

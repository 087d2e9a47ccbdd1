// lib/auth/tokens.ts remembers access tokens whose signature it verified. The cache may save only
// the signature check: a token seen before must still expire on time, still fail on the other
// API, and still stop at once when its session or user is ended in the database.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { signToken } from "@/lib/auth/tokens";
import { claimsOf, get, post } from "./helpers/api";
import { assertTokenNotValid } from "./helpers/auth-assertions";
import { makeSchoolUser, makeTenant, schoolLogin, sql } from "./helpers/fixtures";

const SCHOOL_ME = "/api/v1/school/auth/me/";
const SYSTEM_ME = "/api/v1/system/auth/me/";

async function session() {
  const tenant = await makeTenant();
  const staff = await makeSchoolUser(tenant.id);
  const login = await schoolLogin(tenant.host, staff.email);
  return { tenant, staff, login };
}

describe("verified-token cache", () => {
  it("a token used before still expires on time", async () => {
    const { tenant, login } = await session();
    const { sub, sid, tid } = claimsOf(login.access);
    const { token } = await signToken({ sub, sid, tid, aud: "school", type: "access", expiresAt: new Date(Date.now() + 2_000) });
    assert.equal((await get(SCHOOL_ME, { host: tenant.host, token })).status, 200); // verified, remembered
    await new Promise((r) => setTimeout(r, 2_600)); // past exp (whole seconds) — not a timing assertion
    assertTokenNotValid(await get(SCHOOL_ME, { host: tenant.host, token }), "expired after being cached");
  });

  it("a school token used before is still refused by the system API", async () => {
    const { tenant, login } = await session();
    assert.equal((await get(SCHOOL_ME, { host: tenant.host, token: login.access })).status, 200);
    assertTokenNotValid(await get(SYSTEM_ME, { token: login.access }), "school token on the system API");
  });

  it("a token used before stops at once on logout and on deactivation", async () => {
    const a = await session();
    assert.equal((await get(SCHOOL_ME, { host: a.tenant.host, token: a.login.access })).status, 200);
    assert.equal((await post("/api/v1/school/auth/logout/", { refresh: a.login.refresh }, { host: a.tenant.host })).status, 204);
    assertTokenNotValid(await get(SCHOOL_ME, { host: a.tenant.host, token: a.login.access }), "after logout");

    const b = await session();
    assert.equal((await get(SCHOOL_ME, { host: b.tenant.host, token: b.login.access })).status, 200);
    await sql().query("UPDATE users SET is_active = false WHERE id = $1", [b.staff.id]);
    assertTokenNotValid(await get(SCHOOL_ME, { host: b.tenant.host, token: b.login.access }), "after deactivation");
  });
});

// the REST contract §4 and §6, across instances: permissions are read at request time, and deactivation,
// suspension and revocation take effect at once for every request that reaches ANY instance —
// here, changes made through the main server are checked on a second one at once.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { get, post, request } from "./helpers/api";
import { makePlatformUser, makeSchoolUser, makeTenant, schoolLogin, systemLogin } from "./helpers/fixtures";
import { startSecondServer, type SecondServer } from "./helpers/second-server";

let second: SecondServer;
before(async () => {
  second = await startSecondServer();
});
after(async () => {
  await second?.stop();
});

describe("changes through one instance bind the other at once", () => {
  it("role and assignment changes change what an existing token may do", async () => {
    const tenant = await makeTenant();
    const admin = await makeSchoolUser(tenant.id, ["Admin"]);
    const staff = await makeSchoolUser(tenant.id, []);
    const { access: adminToken } = await schoolLogin(tenant.host, admin.email);
    const as = (token: string, port?: number) => ({ host: tenant.host, token, port });

    // The staff member's token, used only on the second instance.
    const login = await post(
      "/api/v1/school/auth/login/",
      { identifier: staff.email, password: staff.password },
      { host: tenant.host, port: second.port },
    );
    assert.equal(login.status, 200, login.text);
    const staffToken = login.body.access as string;
    const students = () => get("/api/v1/school/students/", as(staffToken, second.port));
    assert.equal((await students()).status, 403);

    const role = await post("/api/v1/school/roles/", { name: "Reader", permissions: ["students.view"] }, as(adminToken));
    assert.equal(role.status, 201, role.text);
    const assignment = await post("/api/v1/school/role-assignments/", { user: staff.id, role: role.body.id }, as(adminToken));
    assert.equal(assignment.status, 201, assignment.text);
    assert.equal((await students()).status, 200, "a new assignment applies to the existing token at once");

    const stripped = await request("PATCH", `/api/v1/school/roles/${role.body.id}/`, { ...as(adminToken), body: { permissions: [] } });
    assert.equal(stripped.status, 200, stripped.text);
    assert.equal((await students()).status, 403, "a role losing a permission binds at once");

    await request("PATCH", `/api/v1/school/roles/${role.body.id}/`, { ...as(adminToken), body: { permissions: ["students.view"] } });
    assert.equal((await students()).status, 200);
    const removed = await request("DELETE", `/api/v1/school/role-assignments/${assignment.body.id}/`, as(adminToken));
    assert.equal(removed.status, 204, removed.text);
    assert.equal((await students()).status, 403, "removing the assignment binds at once");
  });

  it("deactivating a user and suspending a school bind at once", async () => {
    const tenant = await makeTenant();
    const admin = await makeSchoolUser(tenant.id, ["Admin"]);
    const staff = await makeSchoolUser(tenant.id, ["Teacher"]);
    const { access: adminToken } = await schoolLogin(tenant.host, admin.email);
    const login = await post(
      "/api/v1/school/auth/login/",
      { identifier: staff.email, password: staff.password },
      { host: tenant.host, port: second.port },
    );
    const staffToken = login.body.access as string;
    const me = () => get("/api/v1/school/auth/me/", { host: tenant.host, token: staffToken, port: second.port });
    assert.equal((await me()).status, 200);

    const off = await request("PATCH", `/api/v1/school/users/${staff.id}/`, {
      host: tenant.host,
      token: adminToken,
      body: { is_active: false },
    });
    assert.equal(off.status, 200, off.text);
    assert.equal((await me()).status, 401, "a deactivated user's token dies on every instance");

    const superadmin = await makePlatformUser();
    const { access: sys } = await systemLogin(superadmin.email);
    const adminOnSecond = await post(
      "/api/v1/school/auth/login/",
      { identifier: admin.email, password: admin.password },
      { host: tenant.host, port: second.port },
    );
    const suspended = await request("PATCH", `/api/v1/system/clients/${tenant.id}/`, { token: sys, body: { is_active: false } });
    assert.equal(suspended.status, 200, suspended.text);
    const refused = await get("/api/v1/school/auth/me/", { host: tenant.host, token: adminOnSecond.body.access, port: second.port });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, "tenant_inactive");
  });
});

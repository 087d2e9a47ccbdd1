// the REST contract §6 — hierarchy rules of the school API: nobody grants what they lack, nobody acts on a
// colleague above their station, a school keeps a full admin (also under concurrent demotions),
// role names and codenames, no mass assignment, and PUT needing every required field.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { PASSWORD, makeTenant, sql, systemLogin, unique } from "./helpers/fixtures";
import { post } from "./helpers/api";
import {
  ALL_PERMISSIONS,
  assertDenied,
  assertError,
  assertFieldError,
  assertStatus,
  call,
  countIn,
  fullAdmins,
  insertAssignment,
  insertClass,
  insertRole,
  insertStaffUser,
  insertStudent,
  makeKey,
  makeSchool,
  makeStaff,
  makeStaffWith,
  row,
  type School,
} from "./helpers/school-api";

const STUDENTS_ALL = ["students.add", "students.change", "students.delete", "students.view"];

async function roleByName(tenantId: string, name: string) {
  const { rows } = await sql().query("SELECT id, permissions, is_system, client_id FROM school_roles WHERE client_id = $1 AND name = $2", [
    tenantId,
    name,
  ]);
  return rows[0] as { id: string; permissions: string[]; is_system: boolean; client_id: string } | undefined;
}

async function assignmentOf(tenantId: string, userId: string, roleId: string): Promise<string> {
  const { rows } = await sql().query("SELECT id FROM user_role_assignments WHERE client_id = $1 AND user_id = $2 AND role_id = $3", [
    tenantId,
    userId,
    roleId,
  ]);
  assert.ok(rows[0], "assignment exists");
  return rows[0].id;
}

async function userByEmail(email: string) {
  const { rows } = await sql().query("SELECT id, client_id, platform_role, is_active FROM users WHERE email = $1", [email]);
  return rows[0];
}

function assertNonFieldError(res: { status: number; body: any; text: string }, what: string) {
  assertError(res as any, 400, "invalid", what);
  assert.ok(
    Array.isArray(res.body.errors?.non_field_errors) && res.body.errors.non_field_errors.length,
    `${what}: non_field_errors in ${res.text}`,
  );
}

describe("nobody grants what they lack: creating roles", () => {
  const grantor = (school: School) => makeStaffWith(school, ["roles.add", "roles.view", ...STUDENTS_ALL]);

  it("a role containing users.delete is 403 and is not created", async () => {
    const school = await makeSchool();
    const me = await grantor(school);
    for (const permissions of [["users.delete"], ["students.view", "users.delete"], ["roles.change"]]) {
      const name = unique("Sneaky ");
      const res = await call(me.caller, "POST", "/roles/", { name, permissions });
      assertDenied(res, JSON.stringify(permissions));
      assert.equal(await roleByName(school.id, name), undefined, "no role was created");
    }
  });
  it("a role containing students.view (held) is 201", async () => {
    const school = await makeSchool();
    const me = await grantor(school);
    const res = await call(me.caller, "POST", "/roles/", { name: unique("Clerk "), permissions: ["students.view", "roles.view"] });
    assertStatus(res, 201);
    assert.deepEqual([...res.body.permissions].sort(), ["roles.view", "students.view"]);
  });
});

describe("nobody grants what they lack: editing roles", () => {
  async function setup() {
    const school = await makeSchool();
    const me = await makeStaffWith(school, ["roles.add", "roles.change", "roles.view", ...STUDENTS_ALL]);
    const target = await insertRole(school.id, { name: unique("Clerk "), permissions: ["students.view"] });
    return { school, me, target };
  }
  it("PATCH adding a permission the editor lacks is 403, role unchanged", async () => {
    const { me, target } = await setup();
    const before = await row("roles", target);
    assertDenied(await call(me.caller, "PATCH", `/roles/${target}/`, { permissions: ["students.view", "users.delete"] }));
    assertDenied(await call(me.caller, "PATCH", `/roles/${target}/`, { permissions: ["classes.view"] }));
    assert.deepEqual(await row("roles", target), before);
  });
  it("PUT adding a permission the editor lacks is 403, role unchanged", async () => {
    const { me, target } = await setup();
    const before = await row("roles", target);
    assertDenied(await call(me.caller, "PUT", `/roles/${target}/`, { name: "Clerk", description: "", permissions: ["users.add"] }));
    assert.deepEqual(await row("roles", target), before);
  });
  it("PATCH within the editor's own permissions is 200", async () => {
    const { me, target } = await setup();
    const res = await call(me.caller, "PATCH", `/roles/${target}/`, { permissions: ["students.add", "students.view"] });
    assertStatus(res, 200);
    assert.deepEqual((await row("roles", target))!.permissions, ["students.add", "students.view"]);
  });
  it("a user who can only add roles cannot edit one at all (roles.change)", async () => {
    const school = await makeSchool();
    const me = await makeStaffWith(school, ["roles.add", "roles.view", ...STUDENTS_ALL]);
    const target = await insertRole(school.id, { permissions: ["students.view"] });
    assertDenied(await call(me.caller, "PATCH", `/roles/${target}/`, { description: "x" }));
  });
});

describe("nobody grants what they lack: assigning roles", () => {
  it("POST /role-assignments/ of a role with permissions the caller lacks is 403", async () => {
    const school = await makeSchool();
    const me = await makeStaffWith(school, ["roles.change", "roles.view", ...STUDENTS_ALL]);
    const target = await insertStaffUser(school.id);
    for (const name of ["Admin", "Teacher", "Office"]) {
      const res = await call(me.caller, "POST", "/role-assignments/", { user: target, role: school.roles[name] });
      assertDenied(res, name);
    }
    const { rows } = await sql().query("SELECT count(*)::int AS n FROM user_role_assignments WHERE user_id = $1", [target]);
    assert.equal(rows[0].n, 0, "nothing assigned");
    const clerk = await insertRole(school.id, { permissions: ["students.view"] });
    const ok = await call(me.caller, "POST", "/role-assignments/", { user: target, role: clerk });
    assertStatus(ok, 201, "a role within the caller's permissions");
  });
  it("the assigner cannot make themselves Admin either", async () => {
    const school = await makeSchool();
    const me = await makeStaffWith(school, ["roles.change", "roles.view", ...STUDENTS_ALL]);
    assertDenied(await call(me.caller, "POST", "/role-assignments/", { user: me.id, role: school.roles.Admin }));
    assert.deepEqual(await fullAdmins(school.id), [school.admin.id]);
  });
  it("POST /users/ with roles by name the caller could not grant is 403 and creates nobody", async () => {
    const school = await makeSchool();
    const me = await makeStaffWith(school, ["users.add", "users.view", ...STUDENTS_ALL]);
    for (const roles of [["Admin"], ["Teacher"], ["Office"]]) {
      const email = `${unique("esc")}@example.org`;
      const res = await call(me.caller, "POST", "/users/", { email, password: PASSWORD, full_name: "Escalated", roles });
      assertDenied(res, JSON.stringify(roles));
      assert.equal(await userByEmail(email), undefined, "no user was created");
    }
    const clerk = unique("Clerk ");
    await insertRole(school.id, { name: clerk, permissions: ["students.view", "users.view"] });
    const email = `${unique("ok")}@example.org`;
    const res = await call(me.caller, "POST", "/users/", { email, password: PASSWORD, full_name: "Clerk", roles: [clerk] });
    assertStatus(res, 201);
    assert.deepEqual(
      res.body.roles.map((r: any) => r.name),
      [clerk],
    );
  });
});

describe("API keys are held to their scopes when granting", () => {
  it("a key with roles.add cannot create a role beyond its scopes; assigning needs the role's permissions", async () => {
    const school = await makeSchool();
    const { key } = await makeKey(school.id, ["roles.add", "roles.change", "roles.view", "students.view"]);
    const caller = { host: school.host, key };
    const name = unique("KeyRole ");
    assertDenied(await call(caller, "POST", "/roles/", { name, permissions: ["users.delete"] }), "role with users.delete");
    assert.equal(await roleByName(school.id, name), undefined);
    assertStatus(await call(caller, "POST", "/roles/", { name, permissions: ["students.view"] }), 201, "role within scopes");
    const target = await insertStaffUser(school.id);
    assertDenied(await call(caller, "POST", "/role-assignments/", { user: target, role: school.roles.Admin }), "assign Admin");
  });
  it("a key with users.* but not everything cannot deactivate an Admin", async () => {
    const school = await makeSchool();
    const { key } = await makeKey(school.id, ["users.change", "users.delete", "users.view"]);
    assertDenied(await call({ host: school.host, key }, "PATCH", `/users/${school.admin.id}/`, { is_active: false }));
    assert.equal((await row("users", school.admin.id))!.is_active, true);
  });
});

describe("taking a role away needs its permissions too", () => {
  it("a role manager without Admin's permissions cannot remove someone's Admin assignment", async () => {
    const school = await makeSchool();
    const second = await insertStaffUser(school.id, ["Admin"]);
    const manager = await makeStaffWith(school, ["roles.change", "roles.view", ...STUDENTS_ALL]);
    const assignment = await assignmentOf(school.id, second, school.roles.Admin);
    assertDenied(await call(manager.caller, "DELETE", `/role-assignments/${assignment}/`));
    assert.ok(await row("role-assignments", assignment));
  });
});

describe("nobody acts on a colleague above their station", () => {
  it("a Head (users.view, no users.change/delete) cannot edit, deactivate or delete staff", async () => {
    const school = await makeSchool();
    const head = await makeStaff(school, ["Head"]);
    const teacher = await insertStaffUser(school.id, ["Teacher"]);
    for (const id of [school.admin.id, teacher]) {
      const before = await row("users", id);
      assertDenied(await call(head.caller, "PATCH", `/users/${id}/`, { is_active: false }));
      assertDenied(await call(head.caller, "PATCH", `/users/${id}/`, { full_name: "Renamed" }));
      assertDenied(await call(head.caller, "DELETE", `/users/${id}/`));
      assert.deepEqual(await row("users", id), before);
    }
  });

  it("users.* without roles.* cannot deactivate, edit or delete an Admin (403, nothing changes)", async () => {
    const school = await makeSchool();
    const hr = await makeStaffWith(school, [
      "users.add",
      "users.change",
      "users.delete",
      "users.view",
      ...STUDENTS_ALL,
      "classes.add",
      "classes.change",
      "classes.delete",
      "classes.view",
    ]);
    const before = await row("users", school.admin.id);
    assertDenied(await call(hr.caller, "PATCH", `/users/${school.admin.id}/`, { is_active: false }), "deactivate");
    assertDenied(await call(hr.caller, "PATCH", `/users/${school.admin.id}/`, { full_name: "Demoted" }), "edit");
    assertDenied(
      await call(hr.caller, "PATCH", `/users/${school.admin.id}/`, { email: `${unique("takeover")}@example.org` }),
      "take over the email",
    );
    assertDenied(
      await call(hr.caller, "PUT", `/users/${school.admin.id}/`, {
        email: `${unique("x")}@example.org`,
        phone: null,
        full_name: "X",
        is_active: true,
      }),
      "PUT",
    );
    assertDenied(await call(hr.caller, "DELETE", `/users/${school.admin.id}/`), "delete");
    assert.deepEqual(await row("users", school.admin.id), before);
    assertStatus(await call(school.admin.caller, "GET", "/auth/me/"), 200, "the Admin's token still works");
  });

  it("…but may edit a Teacher, whose permissions they hold", async () => {
    const school = await makeSchool();
    const hr = await makeStaffWith(school, ["users.change", "users.view", ...STUDENTS_ALL, "classes.view"]);
    const teacher = await insertStaffUser(school.id, ["Teacher"]);
    const res = await call(hr.caller, "PATCH", `/users/${teacher}/`, { full_name: "Renamed Teacher" });
    assertStatus(res, 200);
    assert.equal(res.body.full_name, "Renamed Teacher");
  });
});

describe("the last full admin", () => {
  async function setup() {
    const school = await makeSchool();
    const assignment = await assignmentOf(school.id, school.admin.id, school.roles.Admin);
    assert.deepEqual(await fullAdmins(school.id), [school.admin.id]);
    return { school, assignment };
  }
  async function assertStillTheAdmin(school: School, assignment: string) {
    assert.deepEqual(await fullAdmins(school.id), [school.admin.id], "still exactly one full admin");
    assert.equal((await row("users", school.admin.id))!.is_active, true);
    assert.ok(await row("role-assignments", assignment), "Admin assignment kept");
    assert.deepEqual([...((await row("roles", school.roles.Admin))!.permissions as string[])].sort(), ALL_PERMISSIONS);
    assertStatus(await call(school.admin.caller, "GET", "/roles/"), 200, "the admin's token still works");
  }

  it("cannot be deactivated (PATCH is_active false) → 400 non_field_errors", async () => {
    const { school, assignment } = await setup();
    assertNonFieldError(await call(school.admin.caller, "PATCH", `/users/${school.admin.id}/`, { is_active: false }), "deactivate");
    assertNonFieldError(
      await call(school.admin.caller, "PUT", `/users/${school.admin.id}/`, {
        email: school.admin.email,
        phone: null,
        full_name: "Me",
        is_active: false,
      }),
      "PUT is_active false",
    );
    await assertStillTheAdmin(school, assignment);
  });
  it("cannot be deleted → 400", async () => {
    const { school, assignment } = await setup();
    assertNonFieldError(await call(school.admin.caller, "DELETE", `/users/${school.admin.id}/`), "delete");
    await assertStillTheAdmin(school, assignment);
  });
  it("cannot lose the Admin assignment → 400", async () => {
    const { school, assignment } = await setup();
    assertNonFieldError(await call(school.admin.caller, "DELETE", `/role-assignments/${assignment}/`), "unassign");
    await assertStillTheAdmin(school, assignment);
  });
  it("the Admin role cannot be stripped of a permission or deleted → 400", async () => {
    const { school, assignment } = await setup();
    const fewer = ALL_PERMISSIONS.filter((p) => p !== "roles.change");
    assertNonFieldError(
      await call(school.admin.caller, "PATCH", `/roles/${school.roles.Admin}/`, { permissions: fewer }),
      "PATCH permissions",
    );
    assertNonFieldError(
      await call(school.admin.caller, "PUT", `/roles/${school.roles.Admin}/`, { name: "Admin", description: "", permissions: fewer }),
      "PUT permissions",
    );
    assertNonFieldError(await call(school.admin.caller, "DELETE", `/roles/${school.roles.Admin}/`), "DELETE role");
    await assertStillTheAdmin(school, assignment);
  });
  it("an inactive second Admin does not count", async () => {
    const { school, assignment } = await setup();
    const dormant = await insertStaffUser(school.id, ["Admin"]);
    await sql().query("UPDATE users SET is_active = false WHERE id = $1", [dormant]);
    assertNonFieldError(await call(school.admin.caller, "DELETE", `/role-assignments/${assignment}/`), "unassign");
    await assertStillTheAdmin(school, assignment);
  });
});

describe("two full admins", () => {
  it("one can deactivate the other (200), whose tokens die at once (401)", async () => {
    const school = await makeSchool();
    const second = await makeStaff(school, ["Admin"]);
    assertStatus(await call(second.caller, "GET", "/students/"), 200, "second admin works before");
    const res = await call(school.admin.caller, "PATCH", `/users/${second.id}/`, { is_active: false });
    assertStatus(res, 200);
    assert.equal(res.body.is_active, false);
    assertError(await call(second.caller, "GET", "/students/"), 401, "token_not_valid", "access token");
    assertError(await call(second.caller, "GET", "/auth/me/"), 401, "token_not_valid", "me");
    assertStatus(await post("/api/v1/school/auth/refresh/", { refresh: second.refresh }, { host: school.host }), 401, "refresh token");
    assertError(
      await post("/api/v1/school/auth/login/", { identifier: second.email, password: PASSWORD }, { host: school.host }),
      401,
      "authentication_failed",
      "login",
    );
    assert.deepEqual(await fullAdmins(school.id), [school.admin.id]);
    assertNonFieldError(await call(school.admin.caller, "PATCH", `/users/${school.admin.id}/`, { is_active: false }), "now the last one");
  });

  // Races are not deterministic: several rounds, each checked on its own.
  for (let round = 1; round <= 6; round++) {
    it(`demoting each other at the same moment: at most one wins, a full admin remains (round ${round})`, async () => {
      const school = await makeSchool();
      const second = await makeStaff(school, ["Admin"]);
      const firstAssignment = await assignmentOf(school.id, school.admin.id, school.roles.Admin);
      const secondAssignment = await assignmentOf(school.id, second.id, school.roles.Admin);
      const [a, b] = await Promise.all([
        call(school.admin.caller, "DELETE", `/role-assignments/${secondAssignment}/`),
        call(second.caller, "DELETE", `/role-assignments/${firstAssignment}/`),
      ]);
      const statuses = [a.status, b.status];
      assert.ok(statuses.filter((s) => s === 204).length <= 1, `at most one succeeds: ${statuses}`);
      for (const res of [a, b]) assert.ok([204, 400, 403].includes(res.status), `${res.status} ${res.text}`);
      for (const s of statuses) assert.notEqual(s, 500);
      const admins = await fullAdmins(school.id);
      assert.equal(admins.length, 1 + (statuses.includes(204) ? 0 : 1), `full admins left: ${admins}`);
      assert.ok(admins.length >= 1, "the school still has a full admin");
    });
    it(`deactivating each other at the same moment: at most one wins (round ${round})`, async () => {
      const school = await makeSchool();
      const second = await makeStaff(school, ["Admin"]);
      const [a, b] = await Promise.all([
        call(school.admin.caller, "PATCH", `/users/${second.id}/`, { is_active: false }),
        call(second.caller, "PATCH", `/users/${school.admin.id}/`, { is_active: false }),
      ]);
      const statuses = [a.status, b.status];
      assert.ok(statuses.filter((s) => s === 200).length <= 1, `at most one succeeds: ${statuses}`);
      for (const res of [a, b]) assert.ok([200, 400, 401, 403].includes(res.status), `${res.status} ${res.text}`);
      assert.ok((await fullAdmins(school.id)).length >= 1, "the school still has a full admin");
    });
  }
});

describe("role names and codenames", () => {
  const badCodenames: unknown[] = [
    ["students.fly"],
    ["students.view", "nope"],
    ["*"],
    ["STUDENTS.VIEW"],
    ["students"],
    [""],
    ["students.view "],
  ];
  for (const permissions of badCodenames) {
    it(`an unknown codename ${JSON.stringify(permissions)} is 400 on POST and PATCH`, async () => {
      const school = await makeSchool();
      const name = unique("Bad ");
      assertFieldError(await call(school.admin.caller, "POST", "/roles/", { name, permissions }), "permissions", "POST");
      assert.equal(await roleByName(school.id, name), undefined);
      const target = await insertRole(school.id, { permissions: ["students.view"] });
      const before = await row("roles", target);
      assertFieldError(await call(school.admin.caller, "PATCH", `/roles/${target}/`, { permissions }), "permissions", "PATCH");
      assert.deepEqual(await row("roles", target), before);
    });
  }
  it("a duplicate role name in one school is 409 naming name", async () => {
    const school = await makeSchool();
    const name = unique("Dup ");
    assertStatus(await call(school.admin.caller, "POST", "/roles/", { name, permissions: [] }), 201);
    const again = await call(school.admin.caller, "POST", "/roles/", { name, permissions: ["students.view"] });
    assertError(again, 409, "conflict");
    assert.ok(Array.isArray(again.body.errors?.name), again.text);
    const seeded = await call(school.admin.caller, "POST", "/roles/", { name: "Admin", permissions: [] });
    assertError(seeded, 409, "conflict", "a default role's name");
    assert.ok(Array.isArray(seeded.body.errors?.name));
    const other = await insertRole(school.id, { permissions: [] });
    const rename = await call(school.admin.caller, "PATCH", `/roles/${other}/`, { name });
    assertError(rename, 409, "conflict", "renaming onto a taken name");
    assert.ok(Array.isArray(rename.body.errors?.name));
    const { rows } = await sql().query("SELECT count(*)::int AS n FROM school_roles WHERE client_id = $1 AND name = $2", [school.id, name]);
    assert.equal(rows[0].n, 1);
  });
  it("the same name in another school is 201", async () => {
    const a = await makeSchool();
    const b = await makeSchool();
    const name = unique("Shared ");
    assertStatus(await call(a.admin.caller, "POST", "/roles/", { name, permissions: [] }), 201, "school A");
    assertStatus(await call(b.admin.caller, "POST", "/roles/", { name, permissions: [] }), 201, "school B");
    assertStatus(await call(b.admin.caller, "POST", "/roles/", { name: "Admin-like", permissions: [] }), 201);
  });
});

describe("mass assignment: client, is_system, platform_role, id in bodies are ignored", () => {
  it("roles: POST and PATCH", async () => {
    const school = await makeSchool();
    const other = await makeTenant();
    const givenId = randomUUID();
    const name = unique("Mass ");
    const res = await call(school.admin.caller, "POST", "/roles/", {
      name,
      permissions: [],
      id: givenId,
      client: other.id,
      is_system: true,
      user_count: 99,
    });
    assertStatus(res, 201);
    assert.notEqual(res.body.id, givenId);
    assert.equal(res.body.is_system, false);
    assert.equal(res.body.user_count, 0);
    const stored = await roleByName(school.id, name);
    assert.ok(stored);
    assert.equal(stored.client_id, school.id);
    assert.equal(stored.is_system, false);
    assert.equal(await row("roles", givenId), undefined);

    const patched = await call(school.admin.caller, "PATCH", `/roles/${res.body.id}/`, { is_system: true, client: other.id, id: givenId });
    assertStatus(patched, 200);
    const after = await row("roles", res.body.id);
    assert.equal(after!.is_system, false);
    assert.equal(after!.client_id, school.id);
    const seeded = await call(school.admin.caller, "PATCH", `/roles/${school.roles.Teacher}/`, { is_system: false });
    assertStatus(seeded, 200);
    assert.equal((await row("roles", school.roles.Teacher))!.is_system, true, "a default role stays a default role");
  });

  it("users: POST and PATCH never make a platform user or move a user to another school", async () => {
    const school = await makeSchool();
    const other = await makeTenant();
    const givenId = randomUUID();
    const email = `${unique("mass")}@example.org`;
    const res = await call(school.admin.caller, "POST", "/users/", {
      email,
      password: PASSWORD,
      full_name: "Mass",
      roles: [],
      id: givenId,
      client: other.id,
      platform_role: "superadmin",
      is_superuser: true,
    });
    assertStatus(res, 201);
    assert.notEqual(res.body.id, givenId);
    assert.equal(res.body.client, school.id);
    assert.equal(res.body.platform_role, null);
    const stored = await userByEmail(email);
    assert.equal(stored.client_id, school.id);
    assert.equal(stored.platform_role, null);
    assertStatus(await post("/api/v1/system/auth/login/", { identifier: email, password: PASSWORD }), 403, "not a platform user");

    const patched = await call(school.admin.caller, "PATCH", `/users/${res.body.id}/`, {
      platform_role: "superadmin",
      client: other.id,
      id: givenId,
      full_name: "Still Mass",
    });
    assertStatus(patched, 200);
    const after = await userByEmail(email);
    assert.equal(after.client_id, school.id);
    assert.equal(after.platform_role, null);
    assert.equal(after.id, res.body.id);
    await assert.rejects(systemLogin(email), "still no system login");
  });

  it("students and classes: POST lands in this school whatever client/id say", async () => {
    const school = await makeSchool();
    const other = await makeTenant();
    const sid = randomUUID();
    const cid = randomUUID();
    const student = await call(school.admin.caller, "POST", "/students/", {
      first_name: "A",
      last_name: "B",
      admission_number: unique("M-"),
      id: sid,
      client: other.id,
    });
    assertStatus(student, 201);
    assert.notEqual(student.body.id, sid);
    assert.equal((await row("students", student.body.id))!.client_id, school.id);
    const klass = await call(school.admin.caller, "POST", "/classes/", { name: "C", grade: 2, id: cid, client: other.id });
    assertStatus(klass, 201);
    assert.notEqual(klass.body.id, cid);
    assert.equal((await row("classes", klass.body.id))!.client_id, school.id);
    assert.equal(await countIn("students", other.id), 0);
    assert.equal(await countIn("classes", other.id), 0);
  });
});

describe("PUT needs every required field", () => {
  const cases: {
    resource: "roles" | "students" | "classes" | "users";
    full: (s: School) => Record<string, unknown>;
    required: string[];
  }[] = [
    {
      resource: "roles",
      full: () => ({ name: unique("Put "), description: "d", permissions: ["students.view"] }),
      required: ["name", "permissions"],
    },
    {
      resource: "students",
      full: () => ({ first_name: "A", last_name: "B", admission_number: unique("P-"), class: null, date_of_birth: null }),
      required: ["first_name", "last_name", "admission_number"],
    },
    { resource: "classes", full: () => ({ name: "C", grade: 3, teacher: null }), required: ["name", "grade"] },
    {
      resource: "users",
      full: () => ({ email: `${unique("put")}@example.org`, phone: null, full_name: "Put", is_active: true }),
      required: ["email", "phone", "full_name", "is_active"],
    },
  ];
  const targetOf = (school: School, resource: string) =>
    resource === "roles"
      ? insertRole(school.id, { permissions: ["students.view"] })
      : resource === "students"
        ? insertStudent(school.id)
        : resource === "classes"
          ? insertClass(school.id)
          : insertStaffUser(school.id);

  for (const c of cases) {
    for (const field of c.required) {
      it(`PUT /${c.resource}/{id}/ without ${field} → 400 errors.${field}`, async () => {
        const school = await makeSchool();
        const id = await targetOf(school, c.resource);
        const before = await row(c.resource, id);
        const body = c.full(school);
        delete body[field];
        assertFieldError(await call(school.admin.caller, "PUT", `/${c.resource}/${id}/`, body), field);
        assert.deepEqual(await row(c.resource, id), before, "nothing changed");
      });
    }
    it(`PUT /${c.resource}/{id}/ with every field → 200 (control)`, async () => {
      const school = await makeSchool();
      const id = await targetOf(school, c.resource);
      assertStatus(await call(school.admin.caller, "PUT", `/${c.resource}/${id}/`, c.full(school)), 200);
    });
  }
});

describe("PATCH /users/{id}/ {roles}: replaces the user's roles, under the rules of assignments (the REST contract §8)", () => {
  const rolesOf = async (tenantId: string, userId: string) =>
    (
      await sql().query(
        "SELECT r.name FROM user_role_assignments a JOIN school_roles r ON r.id = a.role_id WHERE a.client_id = $1 AND a.user_id = $2 ORDER BY r.name",
        [tenantId, userId],
      )
    ).rows.map((r) => r.name);

  it("replaces them: added, removed, kept — the answer and the database agree, and the trail says what changed", async () => {
    const school = await makeSchool();
    const teacher = await makeStaff(school, ["Teacher", "Office"]);
    const res = await call(school.admin.caller, "PATCH", `/users/${teacher.id}/`, { roles: ["Office", "Head"] });
    assertStatus(res, 200, "replace");
    assert.deepEqual(
      res.body.roles.map((r: { name: string }) => r.name),
      ["Head", "Office"],
    );
    assert.deepEqual(await rolesOf(school.id, teacher.id), ["Head", "Office"]);
    const kept = await assignmentOf(school.id, teacher.id, school.roles.Office);
    assert.ok(kept, "the role kept is the same assignment");
    const event = (
      await sql().query("SELECT metadata FROM audit_events WHERE client_id = $1 AND action = 'school.user.updated' AND target_id = $2", [
        school.id,
        teacher.id,
      ])
    ).rows[0];
    assert.deepEqual(event.metadata.roles_added, ["Head"]);
    assert.deepEqual(event.metadata.roles_removed, ["Teacher"]);
    // The user's existing token holds the new permissions at once.
    assertStatus(
      await call(teacher.caller, "POST", "/students/", { first_name: "A", last_name: "B", admission_number: unique("R-") }),
      201,
      "Head may add students",
    );

    assertStatus(await call(school.admin.caller, "PATCH", `/users/${teacher.id}/`, { roles: [] }), 200, "no roles at all");
    assert.deepEqual(await rolesOf(school.id, teacher.id), []);
    assertDenied(await call(teacher.caller, "GET", "/students/"), "no roles, no students");
  });

  it("an unknown role name is 400 naming roles, and nothing changes", async () => {
    const school = await makeSchool();
    const teacher = await makeStaff(school, ["Teacher"]);
    assertFieldError(
      await call(school.admin.caller, "PATCH", `/users/${teacher.id}/`, { roles: ["Office", "Wizard"] }),
      "roles",
      "unknown name",
    );
    assertFieldError(await call(school.admin.caller, "PATCH", `/users/${teacher.id}/`, { roles: "Office" }), "roles", "not a list");
    assertFieldError(await call(school.admin.caller, "PATCH", `/users/${teacher.id}/`, { roles: [""] }), "roles.0", "blank name");
    assert.deepEqual(await rolesOf(school.id, teacher.id), ["Teacher"]);
  });

  it("needs roles.change besides users.change: 403, nothing changes", async () => {
    const school = await makeSchool();
    const manager = await makeStaffWith(school, ["users.view", "users.change", "classes.view", "students.view"]);
    const teacher = await makeStaff(school, ["Teacher"]);
    assertDenied(await call(manager.caller, "PATCH", `/users/${teacher.id}/`, { roles: ["Teacher"] }), "without roles.change");
    // The other fields still change with users.change alone.
    assertStatus(await call(manager.caller, "PATCH", `/users/${teacher.id}/`, { full_name: "Renamed" }), 200, "a name");
    assert.deepEqual(await rolesOf(school.id, teacher.id), ["Teacher"]);
  });

  it("nobody grants what they lack: a role with permissions the caller lacks, given or taken away, is 403", async () => {
    const school = await makeSchool();
    const grantor = await makeStaffWith(school, [
      "users.view",
      "users.change",
      "roles.view",
      "roles.change",
      "students.view",
      "classes.view",
    ]);
    const teacher = await makeStaff(school, ["Teacher"]);
    assertDenied(
      await call(grantor.caller, "PATCH", `/users/${teacher.id}/`, { roles: ["Teacher", "Office"] }),
      "giving Office (students.add…)",
    );
    const office = await makeStaff(school, ["Teacher"]);
    await insertAssignment(school.id, office.id, school.roles.Office);
    // The caller can't reach a colleague holding more than they hold either way, and can't take Office away.
    assertDenied(await call(grantor.caller, "PATCH", `/users/${office.id}/`, { roles: ["Teacher"] }), "taking Office away");
    assert.deepEqual(await rolesOf(school.id, teacher.id), ["Teacher"]);
    assert.deepEqual(await rolesOf(school.id, office.id), ["Office", "Teacher"]);
    // Within their own permissions it works.
    assertStatus(await call(grantor.caller, "PATCH", `/users/${teacher.id}/`, { roles: [] }), 200, "taking Teacher away");
  });

  it("a school keeps a full admin: taking Admin from the only one is 400, nothing changes", async () => {
    const school = await makeSchool();
    const res = await call(school.admin.caller, "PATCH", `/users/${school.admin.id}/`, { roles: ["Head"] });
    assertNonFieldError(res, "the last full admin demoting themselves");
    assert.deepEqual(await rolesOf(school.id, school.admin.id), ["Admin"]);
    assert.deepEqual(await fullAdmins(school.id), [school.admin.id]);
    // With a second admin it is allowed.
    const second = await makeStaff(school, ["Admin"]);
    assertStatus(await call(second.caller, "PATCH", `/users/${school.admin.id}/`, { roles: ["Head"] }), 200, "another admin remains");
    assert.deepEqual(await fullAdmins(school.id), [second.id]);
  });

  it("another school's role name means nothing here; another school's user is 404", async () => {
    const a = await makeSchool();
    const b = await makeSchool();
    const custom = unique("Only B ");
    await insertRole(b.id, { name: custom, permissions: ["students.view"] });
    const teacher = await makeStaff(a, ["Teacher"]);
    assertFieldError(await call(a.admin.caller, "PATCH", `/users/${teacher.id}/`, { roles: [custom] }), "roles", "B's role");
    const bTeacher = await makeStaff(b, ["Teacher"]);
    assertError(await call(a.admin.caller, "PATCH", `/users/${bTeacher.id}/`, { roles: ["Head"] }), 404, "not_found", "B's user");
    assert.deepEqual(await rolesOf(b.id, bTeacher.id), ["Teacher"]);
  });
});

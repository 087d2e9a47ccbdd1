// the REST contract §5 "a tenant's users" — GET/POST /api/v1/system/clients/{id}/users/: creating a
// school's staff (roles by name, teacher profile), the uniqueness rules of §3, no mass
// assignment, and a list confined to that school.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { get, post } from "./helpers/api";
import { ISO_UTC, USER_FIELDS } from "./helpers/auth-assertions";
import { PASSWORD, makePlatformUser, makeSchoolUser, makeTenant, randomPhone, schoolLogin, sql, unique } from "./helpers/fixtures";
import {
  allPages,
  assertError,
  assertInvalidField,
  assertPage,
  clientUsersPath,
  platformSession,
  schoolSession,
} from "./helpers/system-api";

type Session = Awaited<ReturnType<typeof platformSession>>;
type Tenant = Awaited<ReturnType<typeof makeTenant>>;

const email = () => `${unique("staff")}@example.org`;

async function userRow(id: string) {
  const { rows } = await sql().query(
    "SELECT id, client_id, email, phone, full_name, platform_role, is_active, password_hash FROM users WHERE id = $1",
    [id],
  );
  return rows[0];
}
async function usersWithEmail(e: string) {
  const { rows } = await sql().query("SELECT id FROM users WHERE email = $1", [e.toLowerCase()]);
  return rows.length;
}

describe("POST /clients/{id}/users/ — create", () => {
  let admin: Session;
  let tenant: Tenant;
  before(async () => {
    admin = await platformSession();
    tenant = await makeTenant();
  });
  const create = (body: Record<string, unknown>, t: { id: string } = tenant, o = admin.as) => post(clientUsersPath(t.id), body, o);

  it("201 with the User of §3; the user logs in on the school's host with those roles and that teacher profile", async () => {
    const e = email();
    const phone = randomPhone();
    const res = await create({
      email: e.toUpperCase(),
      phone: phone.national,
      password: PASSWORD,
      full_name: "  Maria Lopez ",
      roles: ["Teacher", "Office"],
      teacher: { employee_number: "T-100", subjects: ["Maths", "Physics"] },
    });
    assert.equal(res.status, 201, res.text);
    const u = res.body;
    assert.deepEqual(Object.keys(u).sort(), USER_FIELDS);
    assert.equal(u.email, e);
    assert.equal(u.phone, phone.e164);
    assert.equal(u.full_name, "Maria Lopez");
    assert.equal(u.client, tenant.id);
    assert.equal(u.platform_role, null);
    assert.equal(u.is_active, true);
    assert.equal(u.last_login, null);
    assert.match(u.date_joined, ISO_UTC);
    assert.ok(!res.text.includes(PASSWORD), "the password is not echoed");

    const row = await userRow(u.id);
    assert.equal(row.client_id, tenant.id);
    assert.equal(row.platform_role, null);
    assert.match(row.password_hash, /^\$argon2id\$/);

    const { rows: profile } = await sql().query("SELECT client_id, employee_number, subjects FROM teacher_profiles WHERE user_id = $1", [
      u.id,
    ]);
    assert.deepEqual(profile, [{ client_id: tenant.id, employee_number: "T-100", subjects: ["Maths", "Physics"] }]);
    const { rows: assigned } = await sql().query(
      "SELECT r.name FROM user_role_assignments a JOIN school_roles r ON r.id = a.role_id WHERE a.user_id = $1 AND a.client_id = $2 ORDER BY r.name",
      [u.id, tenant.id],
    );
    assert.deepEqual(
      assigned.map((r) => r.name),
      ["Office", "Teacher"],
    );

    for (const identifier of [e, phone.e164]) {
      const session = await schoolLogin(tenant.host, identifier);
      assert.equal(session.user.id, u.id);
      assert.deepEqual(
        session.roles.map((r: any) => r.name),
        ["Office", "Teacher"],
      );
      assert.deepEqual(session.permissions, [
        "classes.view",
        "students.add",
        "students.change",
        "students.delete",
        "students.view",
        "users.view",
      ]);
      assert.deepEqual((session as any).teacher, { employee_number: "T-100", subjects: ["Maths", "Physics"] });
      assert.equal((session as any).tenant.id, tenant.id);
    }
  });

  it("the new user belongs to that school only: another school's host → 401, system login → 403", async () => {
    const e = email();
    assert.equal((await create({ email: e, password: PASSWORD, roles: ["Admin"] })).status, 201);
    const other = await makeTenant();
    assertError(
      await post("/api/v1/school/auth/login/", { identifier: e, password: PASSWORD }, { host: other.host }),
      401,
      "authentication_failed",
    );
    assertError(await post("/api/v1/system/auth/login/", { identifier: e, password: PASSWORD }), 403, "permission_denied");
  });

  it("email and password only: no roles, no permissions, no teacher profile", async () => {
    const e = email();
    const res = await create({ email: e, password: PASSWORD });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.phone, null);
    assert.equal(res.body.full_name, "");
    const session = await schoolLogin(tenant.host, e);
    assert.deepEqual(session.roles, []);
    assert.deepEqual(session.permissions, []);
    assert.equal((session as any).teacher, null);
  });

  it("a phone only (national format) is stored in E.164", async () => {
    const phone = randomPhone();
    const res = await create({ phone: phone.national, password: PASSWORD, roles: ["Teacher"] });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.email, null);
    assert.equal(res.body.phone, phone.e164);
    assert.equal((await schoolLogin(tenant.host, phone.national)).user.id, res.body.id);
  });

  it("an unknown role name → 400 errors.roles, and no user is created", async () => {
    for (const roles of [["Wizard"], ["Teacher", "Nope"], ["admin"]]) {
      const e = email();
      assertError(await create({ email: e, password: PASSWORD, roles }), 400, "invalid", "roles");
      assert.equal(await usersWithEmail(e), 0, `roles ${JSON.stringify(roles)}`);
    }
  });
  it("a role that exists only in another school is unknown here → 400 errors.roles", async () => {
    const other = await makeTenant();
    const name = unique("Custom ");
    await sql().query("INSERT INTO school_roles (id, client_id, name, permissions) VALUES (gen_random_uuid(), $1, $2, '{students.view}')", [
      other.id,
      name,
    ]);
    const e = email();
    assertError(await create({ email: e, password: PASSWORD, roles: [name] }), 400, "invalid", "roles");
    assert.equal(await usersWithEmail(e), 0);
    assert.equal((await create({ email: e, password: PASSWORD, roles: [name] }, other)).status, 201);
  });

  const invalid: [string, () => Record<string, unknown>, string][] = [
    ["neither email nor phone", () => ({ password: PASSWORD, full_name: "Nobody" }), "non_field_errors"],
    ["email and phone null", () => ({ email: null, phone: null, password: PASSWORD }), "email"],
    ["a short password (7)", () => ({ email: email(), password: "1234567" }), "password"],
    ["a password over 128", () => ({ email: email(), password: "p".repeat(129) }), "password"],
    ["an invalid email", () => ({ email: "not-an-email", password: PASSWORD }), "email"],
    ["an invalid phone", () => ({ phone: "12", password: PASSWORD }), "phone"],
    ["roles not a list", () => ({ email: email(), password: PASSWORD, roles: "Admin" }), "roles"],
    ["a teacher without employee_number", () => ({ email: email(), password: PASSWORD, teacher: { subjects: [] } }), "teacher"],
    ["a blank employee_number", () => ({ email: email(), password: PASSWORD, teacher: { employee_number: " " } }), "teacher"],
  ];
  for (const [what, body, field] of invalid) {
    it(`${what} → 400 naming ${field}`, async () => {
      const b = body();
      assertInvalidField(await create(b), field);
      if (typeof b.email === "string") assert.equal(await usersWithEmail(b.email), 0);
    });
  }

  it("an email already used (any case; platform-wide) → 409 errors.email", async () => {
    const e = email();
    assert.equal((await create({ email: e, password: PASSWORD })).status, 201);
    assertError(await create({ email: e.toUpperCase(), password: PASSWORD }), 409, "conflict", "email");
    const elsewhere = await makeTenant();
    assertError(await create({ email: e, password: PASSWORD }, elsewhere), 409, "conflict", "email");
    const platformUser = await makePlatformUser("support");
    assertError(await create({ email: platformUser.email, password: PASSWORD }), 409, "conflict", "email");
    assert.equal(await usersWithEmail(e), 1);
  });
  it("a phone already used, written in another format → 409 errors.phone", async () => {
    const phone = randomPhone();
    assert.equal((await create({ phone: phone.e164, password: PASSWORD })).status, 201);
    const e = email();
    assertError(await create({ email: e, phone: phone.national, password: PASSWORD }), 409, "conflict", "phone");
    assert.equal(await usersWithEmail(e), 0);
  });
  it("an employee_number already used in that school → 409 and no user; in another school it is free", async () => {
    const number = unique("EMP-");
    assert.equal((await create({ email: email(), password: PASSWORD, teacher: { employee_number: number, subjects: [] } })).status, 201);
    const e = email();
    const res = await create({ email: e, password: PASSWORD, roles: ["Teacher"], teacher: { employee_number: number, subjects: ["Art"] } });
    assertError(res, 409, "conflict");
    assert.ok(
      Object.keys(res.body.errors ?? {}).some((k) => k.includes("employee_number")),
      res.text,
    );
    assert.equal(await usersWithEmail(e), 0, "no half-created user");
    const other = await makeTenant();
    assert.equal((await create({ email: e, password: PASSWORD, teacher: { employee_number: number, subjects: [] } }, other)).status, 201);
  });

  it("client, platform_role, is_superuser and id in the body are ignored (no mass assignment)", async () => {
    const other = await makeTenant();
    const e = email();
    const res = await create({
      email: e,
      password: PASSWORD,
      roles: ["Teacher"],
      client: other.id,
      platform_role: "superadmin",
      is_superuser: true,
      is_staff: true,
      id: "00000000-0000-4000-8000-0000000000aa",
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.client, tenant.id);
    assert.equal(res.body.platform_role, null);
    assert.notEqual(res.body.id, "00000000-0000-4000-8000-0000000000aa");
    const row = await userRow(res.body.id);
    assert.equal(row.client_id, tenant.id);
    assert.equal(row.platform_role, null);
    assertError(await post("/api/v1/system/auth/login/", { identifier: e, password: PASSWORD }), 403, "permission_denied");
    assertError(
      await post("/api/v1/school/auth/login/", { identifier: e, password: PASSWORD }, { host: other.host }),
      401,
      "authentication_failed",
    );
  });

  it("an unknown or malformed school id → 404 (POST and GET)", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "abc", "1"]) {
      const e = email();
      assertError(await post(clientUsersPath(id), { email: e, password: PASSWORD }, admin.as), 404, "not_found");
      assertError(await get(clientUsersPath(id), admin.as), 404, "not_found");
      assert.equal(await usersWithEmail(e), 0);
    }
  });

  it("platform_admin may create; support gets 403 (and no user) but may list", async () => {
    const pa = await platformSession("platform_admin");
    assert.equal((await create({ email: email(), password: PASSWORD, roles: ["Admin"] }, tenant, pa.as)).status, 201);
    const support = await platformSession("support");
    const e = email();
    assertError(await create({ email: e, password: PASSWORD }, tenant, support.as), 403, "permission_denied");
    assert.equal(await usersWithEmail(e), 0);
    assertPage(await get(clientUsersPath(tenant.id), support.as));
  });
  it("a school token → 401; on a tenant host → 404", async () => {
    const staff = await schoolSession(tenant, ["Admin"]);
    const e = email();
    assertError(await create({ email: e, password: PASSWORD }, tenant, staff.as), 401, "token_not_valid");
    assertError(await get(clientUsersPath(tenant.id), staff.as), 401, "token_not_valid");
    assertError(await create({ email: e, password: PASSWORD }, tenant, { ...admin.as, host: tenant.host }), 404, "not_found");
    assertError(await get(clientUsersPath(tenant.id), { ...admin.as, host: tenant.host }), 404, "not_found");
    assert.equal(await usersWithEmail(e), 0);
  });
});

describe("GET /clients/{id}/users/ — that school's users, paginated", () => {
  it("lists exactly the school's users (not another school's, not platform users), in DRF pages", async () => {
    const admin = await platformSession();
    const a = await makeTenant();
    const b = await makeTenant();
    const mine = [];
    for (const roles of [["Admin"], ["Teacher"], []]) mine.push(await makeSchoolUser(a.id, roles));
    await makeSchoolUser(b.id, ["Admin"]);
    await makeSchoolUser(b.id, ["Teacher"]);

    const first = assertPage(await get(`${clientUsersPath(a.id)}?page_size=2`, admin.as));
    assert.equal(first.count, 3);
    assert.equal(first.results.length, 2);
    assert.ok(first.next);
    assert.equal(first.previous, null);
    for (const u of first.results) {
      assert.deepEqual(Object.keys(u).sort(), USER_FIELDS);
      assert.equal(u.client, a.id);
      assert.equal(u.platform_role, null);
    }
    const all = await allPages(`${clientUsersPath(a.id)}?page_size=2`, admin.as);
    assert.deepEqual(new Set(all.map((u) => u.id)), new Set(mine.map((u) => u.id)));
    assertError(await get(`${clientUsersPath(a.id)}?page_size=2&page=3`, admin.as), 404, "not_found");

    const other = assertPage(await get(clientUsersPath(b.id), admin.as));
    assert.equal(other.count, 2);
    assert.ok(other.results.every((u) => u.client === b.id));

    const empty = await makeTenant();
    assert.deepEqual(assertPage(await get(clientUsersPath(empty.id), admin.as)), { count: 0, next: null, previous: null, results: [] });
  });
});

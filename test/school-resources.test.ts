// the REST contract §1, §6 — CRUD behaviour and shapes of the school resources (roles, staff users, role
// assignments, students, classes), search, filters and pagination, and the school audit trail.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { post, request } from "./helpers/api";
import { ISO_UTC, USER_FIELDS, UUID } from "./helpers/auth-assertions";
import { PASSWORD, makePlatformUser, randomPhone, schoolLogin, sql, unique } from "./helpers/fixtures";
import {
  ASSIGNMENT_FIELDS,
  CLASS_FIELDS,
  DEFAULT_ROLE_PERMISSIONS,
  ROLE_FIELDS,
  STUDENT_FIELDS,
  assertError,
  assertFieldError,
  assertPage,
  assertStatus,
  call,
  insertAssignment,
  insertClass,
  insertRole,
  insertStaffUser,
  insertStudent,
  listAll,
  makeKey,
  makeSchool,
  makeStaff,
  makeStaffWith,
  row,
  type Caller,
} from "./helpers/school-api";

const STAFF_FIELDS = [...USER_FIELDS, "role_terms", "roles", "teacher"].sort();
const keys = (o: object) => Object.keys(o).sort();

describe("roles", () => {
  it("the four default roles, with the permissions of the REST contract §6", async () => {
    const school = await makeSchool();
    const res = await call(school.admin.caller, "GET", "/roles/");
    assertStatus(res, 200);
    assertPage(res.body);
    assert.equal(res.body.count, 4);
    for (const role of res.body.results) assert.deepEqual(keys(role), ROLE_FIELDS);
    const byName = Object.fromEntries(res.body.results.map((r: any) => [r.name, r]));
    assert.deepEqual(Object.keys(byName).sort(), ["Admin", "Head", "Office", "Teacher"]);
    for (const [name, permissions] of Object.entries(DEFAULT_ROLE_PERMISSIONS)) {
      assert.deepEqual([...byName[name].permissions].sort(), permissions, name);
      assert.equal(byName[name].is_system, true, name);
      assert.equal(typeof byName[name].description, "string");
    }
    assert.equal(byName.Admin.user_count, 1, "the school's admin");
    assert.equal(byName.Teacher.user_count, 0);
  });

  it("create, read, replace, patch, delete", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    const name = unique("Registrar ");
    const created = await call(admin, "POST", "/roles/", { name, permissions: ["students.view", "students.add"] });
    assertStatus(created, 201);
    assert.deepEqual(keys(created.body), ROLE_FIELDS);
    assert.match(created.body.id, UUID);
    assert.equal(created.body.name, name);
    assert.equal(created.body.description, "");
    assert.deepEqual([...created.body.permissions].sort(), ["students.add", "students.view"]);
    assert.equal(created.body.is_system, false);
    assert.equal(created.body.user_count, 0);
    const id = created.body.id;

    const read = await call(admin, "GET", `/roles/${id}/`);
    assertStatus(read, 200);
    assert.deepEqual(read.body, created.body);

    const put = await call(admin, "PUT", `/roles/${id}/`, {
      name: `${name} II`,
      description: "Keeps the register",
      permissions: ["classes.view"],
    });
    assertStatus(put, 200);
    assert.equal(put.body.name, `${name} II`);
    assert.equal(put.body.description, "Keeps the register");
    assert.deepEqual(put.body.permissions, ["classes.view"]);

    const patch = await call(admin, "PATCH", `/roles/${id}/`, { description: "Only this changes" });
    assertStatus(patch, 200);
    assert.equal(patch.body.name, `${name} II`);
    assert.deepEqual(patch.body.permissions, ["classes.view"]);
    assert.equal(patch.body.description, "Only this changes");
    const stored = await row("roles", id);
    assert.equal(stored!.description, "Only this changes");
    assert.equal(stored!.client_id, school.id);

    const holder = await insertStaffUser(school.id);
    const assignment = await insertAssignment(school.id, holder, id);
    assertStatus(await call(admin, "DELETE", `/roles/${id}/`), 204);
    assertError(await call(admin, "GET", `/roles/${id}/`), 404, "not_found");
    assert.equal(await row("roles", id), undefined);
    assert.equal(await row("role-assignments", assignment), undefined, "its assignments went with it");
    assertError(await call(admin, "DELETE", `/roles/${id}/`), 404, "not_found", "deleting twice");
  });

  it("user_count counts the role's assignments", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    const id = await insertRole(school.id, { permissions: ["students.view"] });
    const [u1, u2] = [await insertStaffUser(school.id), await insertStaffUser(school.id)];
    const a1 = await call(admin, "POST", "/role-assignments/", { user: u1, role: id });
    assertStatus(a1, 201);
    assertStatus(await call(admin, "POST", "/role-assignments/", { user: u2, role: id }), 201);
    assert.equal((await call(admin, "GET", `/roles/${id}/`)).body.user_count, 2);
    const listed = (await listAll(admin, "/roles/")).find((r) => r.id === id);
    assert.equal(listed.user_count, 2);
    assertStatus(await call(admin, "DELETE", `/role-assignments/${a1.body.id}/`), 204);
    assert.equal((await call(admin, "GET", `/roles/${id}/`)).body.user_count, 1);
  });

  it("a blank name or a missing permissions list is 400", async () => {
    const school = await makeSchool();
    assertFieldError(await call(school.admin.caller, "POST", "/roles/", { name: "  ", permissions: [] }), "name");
    assertFieldError(await call(school.admin.caller, "POST", "/roles/", { name: unique("R ") }), "permissions");
    assertFieldError(
      await call(school.admin.caller, "POST", "/roles/", { name: unique("R "), permissions: "students.view" }),
      "permissions",
    );
  });
});

describe("role assignments", () => {
  it("shape, duplicate, and ?user= / ?role= filters", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    const user = await insertStaffUser(school.id);
    const created = await call(admin, "POST", "/role-assignments/", { user, role: school.roles.Office });
    assertStatus(created, 201);
    assert.deepEqual(keys(created.body), ASSIGNMENT_FIELDS);
    assert.deepEqual({ user: created.body.user, role: created.body.role }, { user, role: school.roles.Office });
    assert.match(created.body.created_at, ISO_UTC);
    assert.deepEqual((await call(admin, "GET", `/role-assignments/${created.body.id}/`)).body, created.body);
    const dup = await call(admin, "POST", "/role-assignments/", { user, role: school.roles.Office });
    assert.ok([400, 409].includes(dup.status), `a duplicate assignment is refused: ${dup.status} ${dup.text}`);

    const byUser = await call(admin, "GET", `/role-assignments/?user=${user}`);
    assertStatus(byUser, 200);
    assert.deepEqual(
      byUser.body.results.map((a: any) => a.id),
      [created.body.id],
    );
    const byRole = await call(admin, "GET", `/role-assignments/?role=${school.roles.Admin}`);
    assert.deepEqual(
      byRole.body.results.map((a: any) => a.user),
      [school.admin.id],
    );
  });
});

describe("staff users", () => {
  it("the list holds this school's users only", async () => {
    const school = await makeSchool();
    const other = await makeSchool();
    const mine = [school.admin.id, await insertStaffUser(school.id, ["Teacher"]), await insertStaffUser(school.id)];
    const res = await call(school.admin.caller, "GET", "/users/");
    assertStatus(res, 200);
    assertPage(res.body);
    assert.equal(res.body.count, 3);
    assert.deepEqual(res.body.results.map((u: any) => u.id).sort(), [...mine].sort());
    for (const u of res.body.results) {
      assert.deepEqual(keys(u), STAFF_FIELDS);
      assert.equal(u.client, school.id);
      assert.equal(u.platform_role, null);
    }
    assert.ok(!res.body.results.some((u: any) => u.id === other.admin.id));
  });

  it("create: a tenant user with roles by name and a teacher profile, who can sign in", async () => {
    const school = await makeSchool();
    const email = `${unique("Teacher")}@Example.org`;
    const phone = randomPhone();
    const res = await call(school.admin.caller, "POST", "/users/", {
      email,
      phone: phone.national,
      password: PASSWORD,
      full_name: "Marie Curie",
      roles: ["Teacher", "Office"],
      teacher: { employee_number: unique("E-"), subjects: ["Physics", "Chemistry"] },
    });
    assertStatus(res, 201);
    assert.deepEqual(keys(res.body), STAFF_FIELDS);
    assert.equal(res.body.email, email.toLowerCase());
    assert.equal(res.body.phone, phone.e164);
    assert.equal(res.body.full_name, "Marie Curie");
    assert.equal(res.body.client, school.id);
    assert.equal(res.body.platform_role, null);
    assert.equal(res.body.is_active, true);
    assert.deepEqual(res.body.roles.map((r: any) => r.name).sort(), ["Office", "Teacher"]);
    assert.deepEqual(res.body.roles.map((r: any) => r.id).sort(), [school.roles.Office, school.roles.Teacher].sort());
    assert.deepEqual(res.body.teacher.subjects, ["Physics", "Chemistry"]);
    assert.ok(!/password|hash/i.test(res.text), "no password material in the answer");
    const stored = await row("users", res.body.id);
    assert.equal(stored!.client_id, school.id);

    const session = await schoolLogin(school.host, email);
    assert.deepEqual(session.permissions, [...new Set([...DEFAULT_ROLE_PERMISSIONS.Teacher, ...DEFAULT_ROLE_PERMISSIONS.Office])].sort());
    const other = await makeSchool();
    assertStatus(
      await post("/api/v1/school/auth/login/", { identifier: email, password: PASSWORD }, { host: other.host }),
      401,
      "not a user of another school",
    );

    const read = await call(school.admin.caller, "GET", `/users/${res.body.id}/`);
    assertStatus(read, 200);
    assert.deepEqual(read.body.teacher, res.body.teacher);
  });

  it("create: unknown role names, a taken email, a short password and no contact are refused", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    const email = `${unique("n")}@example.org`;
    assertFieldError(await call(admin, "POST", "/users/", { email, password: PASSWORD, full_name: "X", roles: ["Wizard"] }), "roles");
    assertStatus(await call(admin, "POST", "/users/", { email, password: PASSWORD, full_name: "X", roles: [] }), 201);
    const taken = await call(admin, "POST", "/users/", { email: email.toUpperCase(), password: PASSWORD, full_name: "Y", roles: [] });
    assertError(taken, 409, "conflict");
    assert.ok(taken.body.errors?.email, taken.text);
    const elsewhere = await makeSchool();
    assertError(
      await call(elsewhere.admin.caller, "POST", "/users/", { email, password: PASSWORD, full_name: "Z", roles: [] }),
      409,
      "conflict",
      "emails are unique platform-wide",
    );
    assertFieldError(
      await call(admin, "POST", "/users/", { email: `${unique("s")}@example.org`, password: "short", full_name: "X" }),
      "password",
    );
    const none = await call(admin, "POST", "/users/", { password: PASSWORD, full_name: "Nobody" });
    assertError(none, 400, "invalid");
  });

  it("PATCH is_active false: the user's tokens die at once and login is refused", async () => {
    const school = await makeSchool();
    const staff = await makeStaff(school, ["Teacher"]);
    assertStatus(await call(staff.caller, "GET", "/students/"), 200);
    const res = await call(school.admin.caller, "PATCH", `/users/${staff.id}/`, { is_active: false });
    assertStatus(res, 200);
    assert.equal(res.body.is_active, false);
    assert.equal((await row("users", staff.id))!.is_active, false);
    assertError(await call(staff.caller, "GET", "/students/"), 401, "token_not_valid", "access token");
    assertStatus(await post("/api/v1/school/auth/refresh/", { refresh: staff.refresh }, { host: school.host }), 401, "refresh token");
    assertError(
      await post("/api/v1/school/auth/login/", { identifier: staff.email, password: PASSWORD }, { host: school.host }),
      401,
      "authentication_failed",
      "login",
    );
    const listed = (await listAll(school.admin.caller, "/users/")).find((u) => u.id === staff.id);
    assert.equal(listed.is_active, false, "listed as inactive");

    assertStatus(await call(school.admin.caller, "PATCH", `/users/${staff.id}/`, { is_active: true }), 200, "reactivate");
    assertError(await call(staff.caller, "GET", "/students/"), 401, "token_not_valid", "old token stays dead");
    const again = await schoolLogin(school.host, staff.email);
    assertStatus(await call({ host: school.host, token: again.access }, "GET", "/students/"), 200, "a new login works");
  });

  it("PUT, PATCH of the teacher profile, DELETE", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    const staff = await makeStaff(school, ["Teacher"]);
    const email = `${unique("put")}@example.org`;
    const put = await call(admin, "PUT", `/users/${staff.id}/`, { email, phone: null, full_name: "Put Name", is_active: true });
    assertStatus(put, 200);
    assert.equal(put.body.email, email);
    assert.equal(put.body.full_name, "Put Name");
    const employee = unique("E-");
    const withProfile = await call(admin, "PATCH", `/users/${staff.id}/`, { teacher: { employee_number: employee, subjects: ["Maths"] } });
    assertStatus(withProfile, 200);
    assert.deepEqual(withProfile.body.teacher, { employee_number: employee, subjects: ["Maths"] });
    const without = await call(admin, "PATCH", `/users/${staff.id}/`, { teacher: null });
    assertStatus(without, 200);
    assert.equal(without.body.teacher, null);
    assertFieldError(await call(admin, "PATCH", `/users/${staff.id}/`, { is_active: "no" }), "is_active");

    assertStatus(await call(admin, "DELETE", `/users/${staff.id}/`), 204);
    assertError(await call(admin, "GET", `/users/${staff.id}/`), 404, "not_found");
    assertError(await call(staff.caller, "GET", "/students/"), 401, "token_not_valid", "a deleted user's token");
    assert.equal(await row("users", staff.id), undefined);
  });

  it("?search= finds staff by name or email", async () => {
    const school = await makeSchool();
    const tag = unique("zq");
    const created = await call(school.admin.caller, "POST", "/users/", {
      email: `${tag}@example.org`,
      password: PASSWORD,
      full_name: `Rosalind ${tag}`,
      roles: [],
    });
    assertStatus(created, 201);
    for (const q of [tag, tag.toUpperCase(), `rosalind ${tag}`]) {
      const res = await call(school.admin.caller, "GET", `/users/?search=${encodeURIComponent(q)}`);
      assertStatus(res, 200);
      assert.deepEqual(
        res.body.results.map((u: any) => u.id),
        [created.body.id],
        q,
      );
    }
    assert.equal((await call(school.admin.caller, "GET", `/users/?search=${unique("none")}`)).body.count, 0);
  });
});

describe("students", () => {
  it("a bad ?class= is answered only after the credentials and the permission: 401, then 403, then 400", async () => {
    const school = await makeSchool();
    const path = "/students/?class=not-an-id";
    assert.equal((await call({ host: school.host }, "GET", path)).status, 401);
    const lacking = await makeStaffWith(school, ["classes.view"]);
    assertStatus(await call(lacking.caller, "GET", path), 403);
    const { key: noScope } = await makeKey(school.id, ["classes.view"]);
    assertStatus(await call({ host: school.host, key: noScope }, "GET", path), 403);
    assertStatus(await call(school.admin.caller, "GET", path), 400);
    const { key } = await makeKey(school.id, ["students.view"]);
    assertStatus(await call({ host: school.host, key }, "GET", path), 400);
  });

  it("a created student and its audit event are one transaction: a refused create leaves neither", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    const admission = unique("S-");
    const created = await call(admin, "POST", "/students/", { first_name: "Ada", last_name: "Lovelace", admission_number: admission });
    assertStatus(created, 201);
    const events = async (action: string) =>
      (await sql().query("SELECT target_id FROM audit_events WHERE client_id = $1 AND action = $2", [school.id, action])).rows.map(
        (r) => r.target_id,
      );
    assert.deepEqual(await events("school.student.created"), [created.body.id]);
    // Same admission number: 409, and nothing written — no second row, no audit event.
    const duplicate = await call(admin, "POST", "/students/", { first_name: "Ada", last_name: "Byron", admission_number: admission });
    assertStatus(duplicate, 409);
    const rows = await sql().query("SELECT last_name FROM students WHERE client_id = $1 AND admission_number = $2", [school.id, admission]);
    assert.deepEqual(
      rows.rows.map((r) => r.last_name),
      ["Lovelace"],
    );
    assert.deepEqual(await events("school.student.created"), [created.body.id]);
  });

  it("shape; class and date_of_birth null by default; read, replace, patch, delete", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    const admission = unique("S-");
    const created = await call(admin, "POST", "/students/", { first_name: "Ada", last_name: "Lovelace", admission_number: admission });
    assertStatus(created, 201);
    assert.deepEqual(keys(created.body), STUDENT_FIELDS);
    assert.match(created.body.id, UUID);
    assert.deepEqual(
      { ...created.body, id: undefined },
      { id: undefined, first_name: "Ada", last_name: "Lovelace", admission_number: admission, class: null, date_of_birth: null },
    );
    const id = created.body.id;
    assert.deepEqual((await call(admin, "GET", `/students/${id}/`)).body, created.body);

    const klass = await insertClass(school.id);
    const put = await call(admin, "PUT", `/students/${id}/`, {
      first_name: "Augusta",
      last_name: "King",
      admission_number: admission,
      class: klass,
      date_of_birth: "2012-02-29",
    });
    assertStatus(put, 200);
    assert.deepEqual(put.body, {
      id,
      first_name: "Augusta",
      last_name: "King",
      admission_number: admission,
      class: klass,
      date_of_birth: "2012-02-29",
    });

    const patch = await call(admin, "PATCH", `/students/${id}/`, { class: null });
    assertStatus(patch, 200);
    assert.equal(patch.body.class, null);
    assert.equal(patch.body.date_of_birth, "2012-02-29", "untouched fields stay");
    const cleared = await call(admin, "PATCH", `/students/${id}/`, { date_of_birth: null });
    assert.equal(cleared.body.date_of_birth, null);

    assertStatus(await call(admin, "DELETE", `/students/${id}/`), 204);
    assertError(await call(admin, "GET", `/students/${id}/`), 404, "not_found");
    assert.equal(await row("students", id), undefined);
  });

  it("admission_number is unique per school (409), free in another school", async () => {
    const school = await makeSchool();
    const other = await makeSchool();
    const admission = unique("DUP-");
    const body = { first_name: "A", last_name: "B", admission_number: admission };
    assertStatus(await call(school.admin.caller, "POST", "/students/", body), 201);
    const dup = await call(school.admin.caller, "POST", "/students/", { ...body, first_name: "C" });
    assertError(dup, 409, "conflict");
    assert.ok(Array.isArray(dup.body.errors?.admission_number), dup.text);
    assertStatus(await call(other.admin.caller, "POST", "/students/", body), 201, "same number in another school");
    const second = await insertStudent(school.id);
    const patch = await call(school.admin.caller, "PATCH", `/students/${second}/`, { admission_number: admission });
    assertError(patch, 409, "conflict", "PATCH onto a taken number");
    assert.ok(Array.isArray(patch.body.errors?.admission_number));
  });

  const BAD_DATES: unknown[] = [
    "2019-02-30",
    "3000-01-01",
    "yesterday",
    "2019-13-01",
    "2019-02-29",
    "12/03/2012",
    "2012-3-4",
    "2012-03-04T00:00:00Z",
    20120304,
  ];
  for (const date of BAD_DATES) {
    it(`date_of_birth ${JSON.stringify(date)} → 400 on POST and PATCH`, async () => {
      const school = await makeSchool();
      assertFieldError(
        await call(school.admin.caller, "POST", "/students/", {
          first_name: "A",
          last_name: "B",
          admission_number: unique("D-"),
          date_of_birth: date,
        }),
        "date_of_birth",
        "POST",
      );
      const id = await insertStudent(school.id, { dateOfBirth: "2011-01-01" });
      assertFieldError(await call(school.admin.caller, "PATCH", `/students/${id}/`, { date_of_birth: date }), "date_of_birth", "PATCH");
      assert.equal(((await row("students", id))!.date_of_birth as Date).toISOString().slice(0, 10), "2011-01-01");
    });
  }

  it("blank or missing names and admission numbers are 400", async () => {
    const school = await makeSchool();
    for (const field of ["first_name", "last_name", "admission_number"]) {
      const body: Record<string, unknown> = { first_name: "A", last_name: "B", admission_number: unique("N-") };
      body[field] = "   ";
      assertFieldError(await call(school.admin.caller, "POST", "/students/", body), field, `blank ${field}`);
      delete body[field];
      assertFieldError(await call(school.admin.caller, "POST", "/students/", body), field, `missing ${field}`);
    }
  });

  it("?search= (names, admission number) and ?class= filter", async () => {
    const school = await makeSchool();
    const tag = unique("x");
    const klass = await insertClass(school.id);
    const s1 = await insertStudent(school.id, { firstName: `Emmy${tag}`, lastName: "Noether", classId: klass });
    const s2 = await insertStudent(school.id, { firstName: "Sophie", lastName: `Germain${tag}` });
    const s3 = await insertStudent(school.id, { admissionNumber: `ADM-${tag}`, classId: klass });
    await insertStudent(school.id);
    const ids = async (q: string) => (await listAll(school.admin.caller, `/students/${q}`)).map((s) => s.id).sort();
    assert.deepEqual(await ids(`?search=${tag}`), [s1, s2, s3].sort());
    assert.deepEqual(await ids(`?search=${`emmy${tag}`.toUpperCase()}`), [s1]);
    assert.deepEqual(await ids(`?class=${klass}`), [s1, s3].sort());
    assert.deepEqual(await ids(`?class=${klass}&search=emmy`), [s1]);
    assert.deepEqual(await ids(`?class=${randomUUID()}`), []);
  });
});

describe("classes", () => {
  it("shape; teacher a staff user or null; read, replace, patch, delete", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    const teacher = await insertStaffUser(school.id, ["Teacher"]);
    const created = await call(admin, "POST", "/classes/", { name: "5A", grade: 5, teacher });
    assertStatus(created, 201);
    assert.deepEqual(keys(created.body), CLASS_FIELDS);
    assert.deepEqual({ ...created.body, id: undefined }, { id: undefined, name: "5A", grade: 5, teacher });
    const id = created.body.id;
    const bare = await call(admin, "POST", "/classes/", { name: "5B", grade: 5 });
    assertStatus(bare, 201);
    assert.equal(bare.body.teacher, null);
    assert.deepEqual((await call(admin, "GET", `/classes/${id}/`)).body, created.body);

    const put = await call(admin, "PUT", `/classes/${id}/`, { name: "6A", grade: 6, teacher: null });
    assertStatus(put, 200);
    assert.deepEqual(put.body, { id, name: "6A", grade: 6, teacher: null });
    const patch = await call(admin, "PATCH", `/classes/${id}/`, { teacher });
    assertStatus(patch, 200);
    assert.deepEqual(patch.body, { id, name: "6A", grade: 6, teacher });

    assertFieldError(await call(admin, "PATCH", `/classes/${id}/`, { teacher: randomUUID() }), "teacher", "an unknown user");
    assertStatus(await call(admin, "DELETE", `/classes/${id}/`), 204);
    assertError(await call(admin, "GET", `/classes/${id}/`), 404, "not_found");
  });

  const BAD_GRADES: unknown[] = ["5", 5.5, -1, 21, null, true, "five", [5]];
  for (const grade of BAD_GRADES) {
    it(`grade ${JSON.stringify(grade)} → 400 on POST, PUT and PATCH`, async () => {
      const school = await makeSchool();
      const admin = school.admin.caller;
      assertFieldError(await call(admin, "POST", "/classes/", { name: "X", grade }), "grade", "POST");
      const id = await insertClass(school.id, { grade: 7 });
      assertFieldError(await call(admin, "PUT", `/classes/${id}/`, { name: "X", grade, teacher: null }), "grade", "PUT");
      assertFieldError(await call(admin, "PATCH", `/classes/${id}/`, { grade }), "grade", "PATCH");
      assert.equal((await row("classes", id))!.grade, 7);
    });
  }
  it("grade 0 and 20 are whole numbers in range (201)", async () => {
    const school = await makeSchool();
    for (const grade of [0, 20, 12]) {
      const res = await call(school.admin.caller, "POST", "/classes/", { name: `G${grade}`, grade });
      assertStatus(res, 201, `grade ${grade}`);
      assert.equal(res.body.grade, grade);
    }
  });

  it("deleting a class leaves its students, with class null", async () => {
    const school = await makeSchool();
    const klass = await insertClass(school.id);
    const students = [await insertStudent(school.id, { classId: klass }), await insertStudent(school.id, { classId: klass })];
    assertStatus(await call(school.admin.caller, "DELETE", `/classes/${klass}/`), 204);
    for (const id of students) {
      const res = await call(school.admin.caller, "GET", `/students/${id}/`);
      assertStatus(res, 200, "the student is still there");
      assert.equal(res.body.class, null);
      assert.equal((await row("students", id))!.class_id, null);
    }
  });

  it("deleting a teacher's account leaves their classes, with teacher null", async () => {
    const school = await makeSchool();
    const teacher = await insertStaffUser(school.id, ["Teacher"]);
    const classes = [await insertClass(school.id, { teacherId: teacher }), await insertClass(school.id, { teacherId: teacher })];
    assertStatus(await call(school.admin.caller, "DELETE", `/users/${teacher}/`), 204);
    for (const id of classes) {
      const res = await call(school.admin.caller, "GET", `/classes/${id}/`);
      assertStatus(res, 200, "the class is still there");
      assert.equal(res.body.teacher, null);
    }
  });

  it("a platform user or another school's user cannot be a teacher", async () => {
    const school = await makeSchool();
    const other = await makeSchool();
    assertFieldError(await call(school.admin.caller, "POST", "/classes/", { name: "X", grade: 1, teacher: other.admin.id }), "teacher");
    const platform = await makePlatformUser("support");
    assertFieldError(
      await call(school.admin.caller, "POST", "/classes/", { name: "X", grade: 1, teacher: platform.id }),
      "teacher",
      "platform user",
    );
  });

  it("?search=, ?teacher= and ?grade= filter", async () => {
    const school = await makeSchool();
    const tag = unique("c");
    const teacher = await insertStaffUser(school.id, ["Teacher"]);
    const c1 = await insertClass(school.id, { name: `Maple ${tag}`, grade: 3, teacherId: teacher });
    const c2 = await insertClass(school.id, { name: `Oak ${tag}`, grade: 4 });
    const c3 = await insertClass(school.id, { name: "Birch", grade: 3 });
    const ids = async (q: string) => (await listAll(school.admin.caller, `/classes/${q}`)).map((c) => c.id).sort();
    assert.deepEqual(await ids(`?search=${tag}`), [c1, c2].sort());
    assert.deepEqual(await ids(`?search=MAPLE`), [c1]);
    assert.deepEqual(await ids(`?teacher=${teacher}`), [c1]);
    assert.deepEqual(await ids(`?grade=3`), [c1, c3].sort());
    assert.deepEqual(await ids(`?grade=3&search=${tag}`), [c1]);
  });
});

describe("search is literal (DRF icontains): % and _ are not wildcards", () => {
  const lists: { path: string; seed: (tenantId: string) => Promise<unknown> }[] = [
    { path: "/students/", seed: (t) => insertStudent(t, { firstName: "Plain", lastName: "Name", admissionNumber: unique("PLAIN-") }) },
    { path: "/classes/", seed: (t) => insertClass(t, { name: "Plain Class" }) },
    { path: "/users/", seed: (t) => insertStaffUser(t) },
  ];
  for (const { path, seed } of lists) {
    it(`${path}?search=% and ?search=_ match nothing when no row holds those characters`, async () => {
      const school = await makeSchool();
      await seed(school.id);
      for (const q of ["%", "_", "%%", "a%"]) {
        const res = await call(school.admin.caller, "GET", `${path}?search=${encodeURIComponent(q)}`);
        assertStatus(res, 200, q);
        assert.equal(
          res.body.count,
          0,
          `${path}?search=${q} matched ${res.body.count} row(s): ${JSON.stringify(res.body.results.map((r: any) => r.id))}`,
        );
      }
    });
  }
});

describe("pagination (the REST contract §1)", () => {
  it("count, next, previous, page and page_size", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    for (let i = 0; i < 5; i++) await insertStudent(school.id, { lastName: `Pager${i}` });
    const first = await call(admin, "GET", "/students/?page_size=2");
    assertStatus(first, 200);
    assertPage(first.body);
    assert.equal(first.body.count, 5);
    assert.equal(first.body.results.length, 2);
    assert.equal(first.body.previous, null);
    assert.ok(first.body.next, "next page link");
    const nextUrl = new URL(first.body.next);
    assert.equal(nextUrl.searchParams.get("page"), "2");
    assert.equal(nextUrl.searchParams.get("page_size"), "2");

    const second = await call(admin, "GET", `${nextUrl.pathname.replace("/api/v1/school", "")}${nextUrl.search}`);
    assertStatus(second, 200);
    assert.equal(second.body.results.length, 2);
    assert.ok(second.body.previous);
    const third = await call(admin, "GET", "/students/?page_size=2&page=3");
    assert.equal(third.body.results.length, 1);
    assert.equal(third.body.next, null);
    const seen = [...first.body.results, ...second.body.results, ...third.body.results].map((s: any) => s.id);
    assert.equal(new Set(seen).size, 5, "pages do not overlap");
    assertError(await call(admin, "GET", "/students/?page_size=2&page=4"), 404, "not_found", "past the last page");
    assertError(await call(admin, "GET", "/students/?page=0"), 404, "not_found");
  });

  it("page_size defaults to 50 and is capped at 200", async () => {
    const school = await makeSchool();
    await sql().query(
      `INSERT INTO students (id, client_id, first_name, last_name, admission_number)
       SELECT gen_random_uuid(), $1, 'Bulk', 'Student' || n, 'BULK-' || n FROM generate_series(1, 205) AS n`,
      [school.id],
    );
    const plain = await call(school.admin.caller, "GET", "/students/");
    assert.equal(plain.body.count, 205);
    assert.equal(plain.body.results.length, 50);
    const huge = await call(school.admin.caller, "GET", "/students/?page_size=1000");
    assert.equal(huge.body.results.length, 200);
  });

  it("every school list is a page", async () => {
    const school = await makeSchool();
    for (const path of ["/roles/", "/users/", "/role-assignments/", "/students/", "/classes/", "/permissions/", "/audit/"]) {
      const res = await call(school.admin.caller, "GET", path);
      assertStatus(res, 200, path);
      assertPage(res.body, path);
    }
  });
});

describe("the school audit trail", () => {
  async function traced(caller: Caller, method: string, path: string, body?: unknown) {
    const requestId = `school-res-${randomUUID()}`;
    const res = await call(caller, method, path, body, { "x-request-id": requestId });
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${res.text}`);
    return { res, requestId };
  }

  it("lists this school's writes with their actor (user id or key id)", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    const { id: keyId, key } = await makeKey(school.id, ["*"]);
    const keyCaller = { host: school.host, key };
    const user = await insertStaffUser(school.id);
    const writes = [
      await traced(admin, "POST", "/roles/", { name: unique("Audited "), permissions: ["students.view"] }),
      await traced(admin, "POST", "/students/", { first_name: "A", last_name: "B", admission_number: unique("AU-") }),
      await traced(admin, "POST", "/classes/", { name: "Audited", grade: 2 }),
      await traced(admin, "POST", "/users/", { email: `${unique("au")}@example.org`, password: PASSWORD, full_name: "Audited", roles: [] }),
      await traced(admin, "POST", "/role-assignments/", { user, role: school.roles.Teacher }),
      await traced(admin, "PATCH", `/users/${user}/`, { is_active: false }),
    ];
    const studentId = writes[1].res.body.id;
    writes.push(await traced(admin, "PATCH", `/students/${studentId}/`, { first_name: "Z" }));
    writes.push(await traced(admin, "DELETE", `/students/${studentId}/`));
    const byKey = [
      await traced(keyCaller, "POST", "/students/", { first_name: "K", last_name: "Ey", admission_number: unique("KEY-") }),
      await traced(keyCaller, "DELETE", `/classes/${writes[2].res.body.id}/`),
    ];

    const events = await listAll(admin, "/audit/");
    for (const e of events) assert.equal(e.client, school.id, "only this school's events");
    for (const { res, requestId } of writes) {
      const event = events.find((e) => e.request_id === requestId);
      assert.ok(event, `an event for request ${requestId} (${res.status})`);
      assert.equal(event.actor_user, school.admin.id);
      assert.equal(event.actor_key, null);
      assert.match(event.at, ISO_UTC);
      assert.equal(typeof event.action, "string");
    }
    for (const { requestId } of byKey) {
      const event = events.find((e) => e.request_id === requestId);
      assert.ok(event, `an event for key request ${requestId}`);
      assert.equal(event.actor_key, keyId);
      assert.equal(event.actor_user, null);
    }
    const created = events.find((e) => e.request_id === writes[1].requestId);
    assert.equal(created.target_id, studentId);

    const onlyKey = await listAll(admin, `/audit/?actor=${keyId}`);
    assert.equal(onlyKey.length, byKey.length);
    assert.ok(onlyKey.every((e) => e.actor_key === keyId));
  });

  it("names only this school's users: failed sign-ins with accounts from elsewhere look like unknown ones", async () => {
    const a = await makeSchool();
    const b = await makeSchool();
    const platformAdmin = await makePlatformUser("superadmin");
    const bTeacher = await makeStaff(b, ["Teacher"]);
    const unknown = `${unique("nobody")}@example.org`;
    const attempt = async (identifier: string, password: string) => {
      const requestId = `elsewhere-${randomUUID()}`;
      const res = await request("POST", "/api/v1/school/auth/login/", {
        host: a.host,
        body: { identifier, password },
        headers: { "x-request-id": requestId, "user-agent": "probe/1.0" },
      });
      return { res, requestId };
    };
    const tries = [
      await attempt(platformAdmin.email, "wrong password"), // a platform admin, wrong password
      await attempt(platformAdmin.email, PASSWORD), // a platform admin, right password (403)
      await attempt(bTeacher.email, PASSWORD), // another school's teacher, right password (401)
      await attempt(unknown, "wrong password"), // nobody
    ];
    assert.deepEqual(
      tries.map((t) => t.res.status),
      [401, 403, 401, 401],
    );

    const events = await listAll(a.admin.caller, "/audit/?action=school.login.*");
    const shapes = tries.map(({ requestId }) => {
      const e = events.find((x) => x.request_id === requestId);
      assert.ok(e, `A's trail records attempt ${requestId}`);
      return { action: e.action, actor_user: e.actor_user, actor_key: e.actor_key, client: e.client, user_agent: e.user_agent };
    });
    // All four look alike in A's trail: a failure, no user id — nothing tells A who exists elsewhere.
    for (const shape of shapes)
      assert.deepEqual(shape, { action: "school.login.failed", actor_user: null, actor_key: null, client: a.id, user_agent: "probe/1.0" });
    assert.ok(!events.some((e) => e.actor_user === platformAdmin.id || e.actor_user === bTeacher.id));

    // The platform's trail keeps the full story, outside any school's.
    const platform = await sql().query(
      "SELECT action, actor_user_id, client_id, metadata FROM audit_events WHERE request_id = ANY($1) AND client_id IS NULL ORDER BY at",
      [tries.map((t) => t.requestId)],
    );
    assert.deepEqual(
      platform.rows.map((r) => [r.action, r.actor_user_id, r.metadata.school]),
      [
        ["school.login.failed", platformAdmin.id, a.id],
        ["school.login.refused", platformAdmin.id, a.id],
        ["school.login.failed", bTeacher.id, a.id],
      ],
    );
    // And B's own trail is not told about it.
    const bEvents = await listAll(b.admin.caller, "/audit/?action=school.login.*");
    assert.ok(!bEvents.some((e) => tries.some((t) => t.requestId === e.request_id)));
  });

  it("never shows another school's events, whatever the query says", async () => {
    const a = await makeSchool();
    const b = await makeSchool();
    const bWrite = await call(b.admin.caller, "POST", "/students/", { first_name: "B", last_name: "Only", admission_number: unique("B-") });
    assertStatus(bWrite, 201);
    const bEvents = await listAll(b.admin.caller, "/audit/");
    assert.ok(
      bEvents.some((e) => e.target_id === bWrite.body.id),
      "B sees its own event",
    );
    for (const query of ["", `?client=${b.id}`, `?actor=${b.admin.id}`, "?action=school.*"]) {
      const events = await listAll(a.admin.caller, `/audit/${query}`);
      assert.ok(
        events.every((e) => e.client === a.id),
        `${query}: only A's events`,
      );
      assert.ok(!events.some((e) => e.target_id === bWrite.body.id || e.actor_user === b.admin.id), `${query}: no B event`);
    }
  });
});

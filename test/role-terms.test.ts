// the REST contract §8 "Role assignments with a term": starts_at / ends_at on an assignment; outside
// that span it grants nothing — read in the query that reads permissions, so the same access token
// loses (or gains) the permission at the edge, with no job and no cache. The term on the assignment
// object, its bad inputs, PATCH of the term, the audit trail, PATCH /users/{id}/ {roles} keeping
// terms, and the full-admin guard counting only lasting grants.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import type { ApiResponse } from "./helpers/api";
import { sql, unique } from "./helpers/fixtures";
import {
  ASSIGNMENT_FIELDS,
  assertDenied,
  assertError,
  assertFieldError,
  assertStatus,
  call,
  countIn,
  fullAdmins,
  insertAssignment,
  insertRole,
  insertStaffUser,
  makeSchool,
  makeStaff,
  makeStaffWith,
  row,
  type School,
} from "./helpers/school-api";

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const DAY = 86_400_000;
const EDGE = 2000;
const PAST_EDGE = 2500;
const keys = (o: object) => Object.keys(o).sort();

async function auditOf(schoolId: string, action: string, target: string) {
  const { rows } = await sql().query("SELECT metadata FROM audit_events WHERE client_id = $1 AND action = $2 AND target_id = $3", [
    schoolId,
    action,
    target,
  ]);
  assert.equal(rows.length, 1, `one ${action} event`);
  return rows[0].metadata as Record<string, unknown>;
}

async function assignmentIdOf(schoolId: string, userId: string, roleId: string): Promise<string> {
  const { rows } = await sql().query("SELECT id FROM user_role_assignments WHERE client_id = $1 AND user_id = $2 AND role_id = $3", [
    schoolId,
    userId,
    roleId,
  ]);
  assert.ok(rows[0], "assignment exists");
  return rows[0].id;
}

/** A custom role holding students.view, and a staff member with no role yet. */
async function viewerSetup(school: School) {
  const role = await insertRole(school.id, { name: unique("Viewer "), permissions: ["students.view"] });
  const staff = await makeStaff(school, []);
  return { role, staff };
}

describe("a grant outside its term grants nothing", () => {
  it("starts_at ahead: 403 now, 200 once it starts — with the same access token", async () => {
    const school = await makeSchool();
    const { role, staff } = await viewerSetup(school);
    const created = await call(school.admin.caller, "POST", "/role-assignments/", { user: staff.id, role, starts_at: inMs(EDGE) });
    assertStatus(created, 201);

    assertDenied(await call(staff.caller, "GET", "/students/"), "before the start");
    const me = await call(staff.caller, "GET", "/auth/me/");
    assert.deepEqual(me.body.roles, [], "me lists no role before the start");
    assert.deepEqual(me.body.permissions, []);
    const listed = await call(school.admin.caller, "GET", `/users/${staff.id}/`);
    assert.deepEqual(listed.body.roles, [], "the staff object's roles are the live ones");
    assert.deepEqual(
      listed.body.role_terms.map((t: any) => [t.assignment, t.role.id, t.starts_at, t.ends_at]),
      [[created.body.id, role, created.body.starts_at, null]],
      "role_terms shows the grant to come",
    );

    await sleep(PAST_EDGE);
    assertStatus(await call(staff.caller, "GET", "/students/"), 200, "after the start, same token");
    const after = await call(staff.caller, "GET", "/auth/me/");
    assert.deepEqual(
      after.body.roles.map((r: any) => r.id),
      [role],
    );
    assert.deepEqual(after.body.permissions, ["students.view"]);
    assert.deepEqual(
      (await call(school.admin.caller, "GET", `/users/${staff.id}/`)).body.roles.map((r: any) => r.id),
      [role],
    );
  });

  it("ends_at ahead: 200 now, 403 once it ends — the Bearer check and the grant check both, same token", async () => {
    const school = await makeSchool();
    const viewer = await insertRole(school.id, { name: unique("Viewer "), permissions: ["students.view", "students.add"] });
    // roles.change for good; the students permissions only until the edge.
    const staff = await makeStaffWith(school, ["roles.change", "roles.view"]);
    const grant = await call(school.admin.caller, "POST", "/role-assignments/", { user: staff.id, role: viewer, ends_at: inMs(EDGE) });
    assertStatus(grant, 201);
    const junior = await insertRole(school.id, { name: unique("Junior "), permissions: ["students.view"] });
    const target = await insertStaffUser(school.id);

    assertStatus(await call(staff.caller, "GET", "/students/"), 200, "within the term");
    const roleCount = async () => (await call(school.admin.caller, "GET", `/roles/${viewer}/`)).body.user_count as number;
    assert.equal(await roleCount(), 1, "user_count counts the live holder");
    // Handing out students.view is within reach while the grant lasts (lib/rbac/permissions.ts).
    const given = await call(staff.caller, "POST", "/role-assignments/", { user: target, role: junior });
    assertStatus(given, 201, "granting what one holds");
    assertStatus(await call(staff.caller, "DELETE", `/role-assignments/${given.body.id}/`), 204);

    await sleep(PAST_EDGE);
    assertDenied(await call(staff.caller, "GET", "/students/"), "after the end, same token");
    assertDenied(await call(staff.caller, "POST", "/role-assignments/", { user: target, role: junior }), "no longer grantable");
    assert.equal(await countIn("role-assignments", school.id), 3, "admin's, the staff's two: nothing was added");
    const me = await call(staff.caller, "GET", "/auth/me/");
    assert.ok(!me.body.permissions.includes("students.view"), "me drops the ended grant's permissions");
    assert.ok(!me.body.roles.some((r: any) => r.id === viewer), "me drops the ended role");
    const staffOut = (await call(school.admin.caller, "GET", `/users/${staff.id}/`)).body;
    assert.ok(!staffOut.roles.some((r: any) => r.id === viewer), "the staff object drops it");
    assert.ok(!staffOut.role_terms.some((t: any) => t.role.id === viewer), "an ended grant is not among role_terms");
    assert.equal(await roleCount(), 0, "user_count no longer counts them");
    // The assignment itself stays, with its term: the record of who was acting when.
    const kept = await call(school.admin.caller, "GET", `/role-assignments/${grant.body.id}/`);
    assertStatus(kept, 200);
    assert.equal(kept.body.ends_at, grant.body.ends_at);
  });
});

describe("the term on the assignment object", () => {
  it("both fields always present: null when open-ended, ISO 8601 when given; the same in GET and the list", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    const user = await insertStaffUser(school.id);
    const open = await call(admin, "POST", "/role-assignments/", { user, role: school.roles.Teacher });
    assertStatus(open, 201);
    assert.deepEqual(keys(open.body), ASSIGNMENT_FIELDS);
    assert.equal(open.body.starts_at, null);
    assert.equal(open.body.ends_at, null);

    const starts = new Date(Date.now() + DAY);
    const ends = new Date(Date.now() + 30 * DAY);
    const termed = await call(admin, "POST", "/role-assignments/", {
      user,
      role: school.roles.Head,
      // An offset other than Z is the same instant.
      starts_at: starts.toISOString().replace("Z", "+00:00"),
      ends_at: ends.toISOString(),
    });
    assertStatus(termed, 201);
    assert.deepEqual(keys(termed.body), ASSIGNMENT_FIELDS);
    assert.equal(termed.body.starts_at, starts.toISOString());
    assert.equal(termed.body.ends_at, ends.toISOString());
    assert.deepEqual((await call(admin, "GET", `/role-assignments/${termed.body.id}/`)).body, termed.body);
    const listed = (await call(admin, "GET", `/role-assignments/?user=${user}`)).body.results;
    assert.deepEqual(
      listed.find((a: any) => a.id === termed.body.id),
      termed.body,
    );
    const stored = await row("role-assignments", termed.body.id);
    assert.deepEqual([stored?.starts_at, stored?.ends_at], [starts, ends], "stored as given");

    // explicit nulls are open-ended too
    const nulls = await call(admin, "POST", "/role-assignments/", { user, role: school.roles.Office, starts_at: null, ends_at: null });
    assertStatus(nulls, 201);
    assert.deepEqual([nulls.body.starts_at, nulls.body.ends_at], [null, null]);
  });

  it("the audit event of the grant carries its term", async () => {
    const school = await makeSchool();
    const user = await insertStaffUser(school.id);
    const ends = inMs(DAY);
    const res = await call(school.admin.caller, "POST", "/role-assignments/", { user, role: school.roles.Head, ends_at: ends });
    assertStatus(res, 201);
    assert.deepEqual(await auditOf(school.id, "school.role_assignment.created", res.body.id), {
      user,
      role: school.roles.Head,
      starts_at: null,
      ends_at: ends,
    });
  });
});

describe("bad terms are 400 naming the field, and nothing is written", () => {
  const soon = () => inMs(DAY);
  const later = () => inMs(2 * DAY);
  const cases: [string, () => Record<string, unknown>, string][] = [
    ["ends before it starts", () => ({ starts_at: later(), ends_at: soon() }), "ends_at"],
    [
      "ends when it starts",
      () => {
        const at = soon();
        return { starts_at: at, ends_at: at };
      },
      "ends_at",
    ],
    ["ends in the past", () => ({ ends_at: inMs(-60_000) }), "ends_at"],
    ["ends in the past, started long ago", () => ({ starts_at: inMs(-2 * DAY), ends_at: inMs(-DAY) }), "ends_at"],
    ["garbage start", () => ({ starts_at: "next tuesday" }), "starts_at"],
    ["garbage end", () => ({ ends_at: "31/03/2027" }), "ends_at"],
    ["no offset", () => ({ ends_at: "2099-03-31T00:00:00" }), "ends_at"],
    ["impossible date", () => ({ ends_at: "2099-02-30T00:00:00Z" }), "ends_at"],
    ["a number", () => ({ starts_at: 1893456000 }), "starts_at"],
    ["an object", () => ({ ends_at: { date: "2099-01-01" } }), "ends_at"],
  ];

  it("POST /role-assignments/", async () => {
    const school = await makeSchool();
    const user = await insertStaffUser(school.id);
    const before = await countIn("role-assignments", school.id);
    for (const [what, body, field] of cases) {
      const res = await call(school.admin.caller, "POST", "/role-assignments/", { user, role: school.roles.Teacher, ...body() });
      assertFieldError(res, field, what);
    }
    assert.equal(await countIn("role-assignments", school.id), before);
  });

  it("PATCH /role-assignments/{id}/, the merged term included", async () => {
    const school = await makeSchool();
    const user = await insertStaffUser(school.id);
    const made = await call(school.admin.caller, "POST", "/role-assignments/", { user, role: school.roles.Teacher, ends_at: inMs(DAY) });
    assertStatus(made, 201);
    const path = `/role-assignments/${made.body.id}/`;
    for (const [what, body, field] of cases) assertFieldError(await call(school.admin.caller, "PATCH", path, body()), field, what);
    // a start after the end it already has names starts_at, the field sent
    assertFieldError(
      await call(school.admin.caller, "PATCH", path, { starts_at: inMs(2 * DAY) }),
      "starts_at",
      "start after the stored end",
    );
    assert.deepEqual(
      [(await call(school.admin.caller, "GET", path)).body.starts_at, (await call(school.admin.caller, "GET", path)).body.ends_at],
      [null, made.body.ends_at],
      "unchanged",
    );
  });
});

describe("PATCH /role-assignments/{id}/ changes the term", () => {
  it("lengthens, shortens, opens; audited with the term before; the user and the role never change", async () => {
    const school = await makeSchool();
    const { role, staff } = await viewerSetup(school);
    const other = await insertStaffUser(school.id);
    const made = await call(school.admin.caller, "POST", "/role-assignments/", { user: staff.id, role, starts_at: inMs(DAY) });
    assertStatus(made, 201);
    const path = `/role-assignments/${made.body.id}/`;
    assertDenied(await call(staff.caller, "GET", "/students/"), "not started");

    const ends = inMs(7 * DAY);
    const opened = await call(school.admin.caller, "PATCH", path, {
      starts_at: null,
      ends_at: ends,
      user: other,
      role: school.roles.Admin,
    });
    assertStatus(opened, 200);
    assert.deepEqual(
      [opened.body.user, opened.body.role, opened.body.starts_at, opened.body.ends_at],
      [staff.id, role, null, ends],
      "user and role are not writable",
    );
    assertStatus(await call(staff.caller, "GET", "/students/"), 200, "live from now, same token");
    assert.deepEqual(await auditOf(school.id, "school.role_assignment.updated", made.body.id), {
      user: staff.id,
      role,
      starts_at: null,
      ends_at: ends,
      before: { starts_at: made.body.starts_at, ends_at: null },
    });

    const kept = await call(school.admin.caller, "PATCH", path, {});
    assertStatus(kept, 200, "an empty PATCH changes nothing");
    assert.equal(kept.body.ends_at, ends);
    const forever = await call(school.admin.caller, "PATCH", path, { ends_at: null });
    assertStatus(forever, 200);
    assert.deepEqual([forever.body.starts_at, forever.body.ends_at], [null, null]);
  });

  it("needs roles.change and every permission of the role (403), and is 404 for an unknown id", async () => {
    const school = await makeSchool();
    const adminGrant = await assignmentIdOf(school.id, school.admin.id, school.roles.Admin);
    const viewerOnly = await makeStaffWith(school, ["roles.view"]);
    assertDenied(await call(viewerOnly.caller, "PATCH", `/role-assignments/${adminGrant}/`, { ends_at: inMs(DAY) }), "no roles.change");
    const changer = await makeStaffWith(school, ["roles.change", "roles.view"]);
    assertDenied(await call(changer.caller, "PATCH", `/role-assignments/${adminGrant}/`, { ends_at: inMs(DAY) }), "above their station");
    assert.equal((await row("role-assignments", adminGrant))?.ends_at, null, "unchanged");
    const res = await call(school.admin.caller, "PATCH", "/role-assignments/00000000-0000-4000-8000-000000000000/", { ends_at: null });
    assertError(res, 404, "not_found");
  });
});

describe("terms across schools", () => {
  it("another school's user or role in the body is 400 naming it; its assignment in the path is 404", async () => {
    const a = await makeSchool();
    const b = await makeSchool();
    const bUser = await insertStaffUser(b.id);
    const aUser = await insertStaffUser(a.id);
    const term = { ends_at: inMs(DAY) };
    assertFieldError(await call(a.admin.caller, "POST", "/role-assignments/", { user: bUser, role: a.roles.Teacher, ...term }), "user");
    assertFieldError(await call(a.admin.caller, "POST", "/role-assignments/", { user: aUser, role: b.roles.Teacher, ...term }), "role");
    const bGrant = await assignmentIdOf(b.id, b.admin.id, b.roles.Admin);
    const before = await row("role-assignments", bGrant);
    assertError(await call(a.admin.caller, "PATCH", `/role-assignments/${bGrant}/`, term), 404, "not_found");
    assertError(await call(a.admin.caller, "GET", `/role-assignments/${bGrant}/`), 404, "not_found");
    assert.deepEqual(await row("role-assignments", bGrant), before, "B's grant is untouched");
  });
});

describe("PATCH /users/{id}/ {roles} and terms", () => {
  it("a kept live grant keeps its end; a role given is open-ended; grants still to start of roles not named stay", async () => {
    const school = await makeSchool();
    const user = await insertStaffUser(school.id);
    const headEnds = inMs(30 * DAY);
    const officeStarts = inMs(DAY);
    const head = await call(school.admin.caller, "POST", "/role-assignments/", { user, role: school.roles.Head, ends_at: headEnds });
    const office = await call(school.admin.caller, "POST", "/role-assignments/", {
      user,
      role: school.roles.Office,
      starts_at: officeStarts,
    });
    assertStatus(head, 201);
    assertStatus(office, 201);

    const first = await call(school.admin.caller, "PATCH", `/users/${user}/`, { roles: ["Head", "Teacher"] });
    assertStatus(first, 200);
    assert.deepEqual(first.body.roles.map((r: any) => r.name).sort(), ["Head", "Teacher"]);
    assert.deepEqual(first.body.role_terms.map((t: any) => [t.role.name, t.starts_at, t.ends_at]).sort(), [
      ["Head", null, headEnds],
      ["Office", officeStarts, null],
    ]);
    assert.equal((await row("role-assignments", head.body.id))?.ends_at instanceof Date, true, "Head still ends");

    // Naming the role still to start makes it live now and open-ended; Head and Teacher go.
    const second = await call(school.admin.caller, "PATCH", `/users/${user}/`, { roles: ["Office"] });
    assertStatus(second, 200);
    assert.deepEqual(
      second.body.roles.map((r: any) => r.name),
      ["Office"],
    );
    assert.deepEqual(second.body.role_terms, []);
    const stored = await row("role-assignments", office.body.id);
    assert.deepEqual([stored?.starts_at, stored?.ends_at], [null, null], "the same assignment, now open-ended");
    assert.equal(await row("role-assignments", head.body.id), undefined, "Head was taken away");
  });

  it("an ended grant named again is given anew, open-ended", async () => {
    const school = await makeSchool();
    const user = await insertStaffUser(school.id);
    const ended = await insertAssignment(school.id, user, school.roles.Teacher, {
      startsAt: new Date(Date.now() - 2 * DAY),
      endsAt: new Date(Date.now() - DAY),
    });
    assert.deepEqual((await call(school.admin.caller, "GET", `/users/${user}/`)).body.roles, []);
    const res = await call(school.admin.caller, "PATCH", `/users/${user}/`, { roles: ["Teacher"] });
    assertStatus(res, 200);
    assert.deepEqual(
      res.body.roles.map((r: any) => r.name),
      ["Teacher"],
    );
    const stored = await row("role-assignments", ended);
    assert.deepEqual([stored?.starts_at, stored?.ends_at], [null, null]);
  });
});

describe("a school keeps a full admin whose grant lasts", () => {
  const nonField = (res: ApiResponse, what: string) => {
    assertError(res, 400, "invalid", what);
    assert.ok(res.body.errors?.non_field_errors?.length, `${what}: non_field_errors in ${res.text}`);
  };

  it("an end or a later start on the last lasting admin's grant is 400; an acting admin does not count", async () => {
    const school = await makeSchool();
    const adminGrant = await assignmentIdOf(school.id, school.admin.id, school.roles.Admin);
    const path = `/role-assignments/${adminGrant}/`;
    nonField(await call(school.admin.caller, "PATCH", path, { ends_at: inMs(DAY) }), "an end on the only admin");
    nonField(await call(school.admin.caller, "PATCH", path, { starts_at: inMs(DAY) }), "a later start on the only admin");

    // An acting admin, until tomorrow: full permissions now, but not a lasting admin.
    const acting = await makeStaff(school, []);
    const actingGrant = await call(school.admin.caller, "POST", "/role-assignments/", {
      user: acting.id,
      role: school.roles.Admin,
      ends_at: inMs(DAY),
    });
    assertStatus(actingGrant, 201);
    assertStatus(await call(acting.caller, "GET", "/users/"), 200, "the acting admin acts");
    assert.deepEqual(await fullAdmins(school.id), [school.admin.id]);
    nonField(await call(school.admin.caller, "DELETE", path), "removing the lasting admin, the acting one left");
    nonField(await call(acting.caller, "PATCH", path, { ends_at: inMs(DAY) }), "the acting admin ending the lasting one");
    nonField(await call(school.admin.caller, "PATCH", `/users/${school.admin.id}/`, { roles: ["Head"] }), "replacing the admin's roles");
    assert.equal((await row("role-assignments", adminGrant))?.ends_at, null, "the lasting grant is untouched");

    // Made lasting, the acting admin counts, and the first may go.
    assertStatus(await call(school.admin.caller, "PATCH", `/role-assignments/${actingGrant.body.id}/`, { ends_at: null }), 200);
    assert.deepEqual((await fullAdmins(school.id)).sort(), [school.admin.id, acting.id].sort());
    assertStatus(await call(school.admin.caller, "PATCH", path, { ends_at: inMs(DAY) }), 200, "another lasting admin remains");
    assert.deepEqual(await fullAdmins(school.id), [acting.id]);
  });

  it("a grant that has ended does not count", async () => {
    const school = await makeSchool();
    const former = await insertStaffUser(school.id);
    await insertAssignment(school.id, former, school.roles.Admin, {
      startsAt: new Date(Date.now() - 2 * DAY),
      endsAt: new Date(Date.now() - DAY),
    });
    const pending = await insertStaffUser(school.id);
    await insertAssignment(school.id, pending, school.roles.Admin, { startsAt: new Date(Date.now() + DAY) });
    assert.deepEqual(await fullAdmins(school.id), [school.admin.id]);
    const adminGrant = await assignmentIdOf(school.id, school.admin.id, school.roles.Admin);
    nonField(await call(school.admin.caller, "DELETE", `/role-assignments/${adminGrant}/`), "an ended and a future admin left");
    nonField(
      await call(school.admin.caller, "PATCH", `/users/${school.admin.id}/`, { is_active: false }),
      "deactivating the lasting admin",
    );
  });
});

describe("reach over a colleague counts grants still to start", () => {
  it("a Head cannot deactivate someone who becomes an Admin tomorrow; an ended Admin grant puts nobody out of reach", async () => {
    const school = await makeSchool();
    const head = await makeStaffWith(school, ["users.view", "users.change"]);
    const future = await insertStaffUser(school.id);
    await insertAssignment(school.id, future, school.roles.Admin, { startsAt: new Date(Date.now() + DAY) });
    assertDenied(await call(head.caller, "PATCH", `/users/${future}/`, { is_active: false }), "a future Admin");
    assert.equal((await row("users", future))?.is_active, true, "still active");

    const former = await insertStaffUser(school.id);
    await insertAssignment(school.id, former, school.roles.Admin, {
      startsAt: new Date(Date.now() - 2 * DAY),
      endsAt: new Date(Date.now() - DAY),
    });
    assertStatus(await call(head.caller, "PATCH", `/users/${former}/`, { is_active: false }), 200, "a former Admin");
  });
});

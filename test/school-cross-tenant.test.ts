// the REST contract §2, §4, §6 — two seeded schools, A and B, each with objects of every kind. Every object
// endpoint of A called with B's credentials: 404 on B's host, 401 on A's host; A's rows untouched.
// A's ids in B's bodies and filters; ids of the wrong shape in paths and bodies.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { PLATFORM } from "./helpers/api";
import { sql, unique } from "./helpers/fixtures";
import {
  assertError,
  assertFieldError,
  assertPage,
  assertStatus,
  call,
  countIn,
  insertAssignment,
  insertClass,
  insertRole,
  insertStaffUser,
  insertStudent,
  listAll,
  makeKey,
  makeSchool,
  onHost,
  row,
  tenantSnapshot,
  type Caller,
  type Kind,
  type School,
} from "./helpers/school-api";

interface Seeded extends School {
  role: string;
  user: string;
  assignment: string;
  klass: string;
  student: string;
  ids: Record<Kind, string>;
  /** A key bound to this school and a global key, both with every scope. */
  boundKey: string;
  globalKey: string;
}

async function seed(): Promise<Seeded> {
  const school = await makeSchool();
  const role = await insertRole(school.id, { name: unique("Registrar "), permissions: ["students.view"] });
  const user = await insertStaffUser(school.id, ["Teacher"]);
  const assignment = await insertAssignment(school.id, user, role);
  const klass = await insertClass(school.id, { teacherId: user });
  const student = await insertStudent(school.id, { classId: klass, dateOfBirth: "2012-03-04" });
  const boundKey = (await makeKey(school.id, ["*"])).key;
  const globalKey = (await makeKey(null, ["*"])).key;
  return {
    ...school,
    role,
    user,
    assignment,
    klass,
    student,
    boundKey,
    globalKey,
    ids: { roles: role, users: user, "role-assignments": assignment, classes: klass, students: student },
  };
}

const KINDS: Kind[] = ["roles", "users", "role-assignments", "students", "classes"];
const METHODS: Record<Kind, string[]> = {
  roles: ["GET", "PUT", "PATCH", "DELETE"],
  users: ["GET", "PUT", "PATCH", "DELETE"],
  "role-assignments": ["GET", "PATCH", "DELETE"],
  students: ["GET", "PUT", "PATCH", "DELETE"],
  classes: ["GET", "PUT", "PATCH", "DELETE"],
};

/** Bodies valid on their own (no references), so that only the id can make the answer a 404. */
function bodyFor(kind: Kind, method: string): unknown {
  if (method !== "PUT" && method !== "PATCH") return undefined;
  const put = method === "PUT";
  switch (kind) {
    case "roles":
      return put ? { name: unique("Hijacked "), description: "", permissions: ["students.view"] } : { description: "hijacked" };
    case "users":
      return put
        ? { email: `${unique("hijack")}@example.org`, phone: null, full_name: "Hijacked", is_active: false }
        : { is_active: false };
    case "students":
      return put
        ? { first_name: "Hi", last_name: "Jacked", admission_number: unique("H-"), class: null, date_of_birth: null }
        : { first_name: "Hijacked" };
    case "classes":
      return put ? { name: "Hijacked", grade: 1, teacher: null } : { name: "Hijacked" };
    case "role-assignments":
      return { ends_at: new Date(Date.now() + 86_400_000).toISOString() };
    default:
      return {};
  }
}

const credentialsOf = (b: Seeded): { name: string; caller: Caller; code401: string }[] => [
  { name: "B's Admin token", caller: b.admin.caller, code401: "token_not_valid" },
  { name: "B's global key", caller: { host: b.host, key: b.globalKey }, code401: "" },
  { name: "B's bound key", caller: { host: b.host, key: b.boundKey }, code401: "api_key_not_valid" },
];

describe("A's objects do not exist for B (404 on B's host)", () => {
  for (const credential of ["B's Admin token", "B's global key", "B's bound key"]) {
    for (const kind of KINDS) {
      it(`${credential}: ${METHODS[kind].join("/")} /${kind}/{A's id}/ → 404, A untouched`, async () => {
        const [a, b] = await Promise.all([seed(), seed()]);
        const { caller } = credentialsOf(b).find((c) => c.name === credential)!;
        const before = await tenantSnapshot(a.id);
        for (const id of [a.ids[kind], a.ids[kind].toUpperCase()]) {
          for (const method of METHODS[kind]) {
            const res = await call(caller, method, `/${kind}/${id}/`, bodyFor(kind, method));
            assertError(res, 404, "not_found", `${method} /${kind}/${id}/`);
          }
        }
        assert.deepEqual(await tenantSnapshot(a.id), before, "A's rows are untouched");
        // The same credential reaches B's own object of that kind (the 404 is about A, not the caller).
        assertStatus(await call(caller, "GET", `/${kind}/${b.ids[kind]}/`), 200, `B's own ${kind}`);
      });
    }
  }

  it("methods an endpoint lacks answer the same for A's ids as for ids that never existed", async () => {
    const [a, b] = await Promise.all([seed(), seed()]);
    for (const method of ["PUT", "PATCH", "POST"]) {
      const theirs = await call(b.admin.caller, method, `/role-assignments/${a.assignment}/`, {});
      const nobody = await call(b.admin.caller, method, `/role-assignments/${randomUUID()}/`, {});
      assert.equal(theirs.status, nobody.status, `${method}: ${theirs.text} vs ${nobody.text}`);
      assert.deepEqual(theirs.body, nobody.body);
    }
  });

  it("B's lists never show A's objects", async () => {
    const [a, b] = await Promise.all([seed(), seed()]);
    for (const credential of credentialsOf(b)) {
      for (const kind of KINDS) {
        const ids = (await listAll(credential.caller, `/${kind}/`)).map((o) => o.id);
        assert.ok(ids.includes(b.ids[kind]), `${credential.name}: B's ${kind} listed`);
        assert.ok(!ids.includes(a.ids[kind]), `${credential.name}: A's ${kind} not listed`);
      }
      const staff = await listAll(credential.caller, "/users/");
      assert.ok(
        staff.every((u) => u.client === b.id),
        "every listed user belongs to B",
      );
    }
  });
});

describe("B's credentials on A's host are refused (401)", () => {
  it("B's token on A's host → 401 token_not_valid, on every endpoint", async () => {
    const [a, b] = await Promise.all([seed(), seed()]);
    const before = await tenantSnapshot(a.id);
    const caller = onHost(b.admin.caller, a.host);
    for (const kind of KINDS) {
      assertError(await call(caller, "GET", `/${kind}/`), 401, "token_not_valid", `GET /${kind}/`);
      for (const method of METHODS[kind]) {
        const res = await call(caller, method, `/${kind}/${a.ids[kind]}/`, bodyFor(kind, method));
        assertError(res, 401, "token_not_valid", `${method} /${kind}/{id}/`);
        assert.ok(res.headers["www-authenticate"], "401 carries WWW-Authenticate");
      }
    }
    assertError(
      await call(caller, "POST", "/students/", { first_name: "X", last_name: "Y", admission_number: unique("X-") }),
      401,
      "token_not_valid",
      "POST",
    );
    assertError(await call(caller, "GET", "/permissions/"), 401, "token_not_valid", "permissions");
    assertError(await call(caller, "GET", "/audit/"), 401, "token_not_valid", "audit");
    assertError(await call(caller, "GET", "/auth/me/"), 401, "token_not_valid", "me");
    assert.deepEqual(await tenantSnapshot(a.id), before, "A's rows are untouched");
  });

  it("B's token with X-Tenant: A on the platform host → 401 token_not_valid", async () => {
    const [a, b] = await Promise.all([seed(), seed()]);
    const res = await call({ host: PLATFORM, token: b.admin.token }, "GET", `/students/${a.student}/`, undefined, { "x-tenant": a.slug });
    assertError(res, 401, "token_not_valid");
  });

  it("B's token on the platform host (no X-Tenant: the token's own school) → 404 for A's ids", async () => {
    const [a, b] = await Promise.all([seed(), seed()]);
    const before = await tenantSnapshot(a.id);
    for (const kind of KINDS) {
      for (const method of METHODS[kind]) {
        const res = await call({ host: PLATFORM, token: b.admin.token }, method, `/${kind}/${a.ids[kind]}/`, bodyFor(kind, method));
        assertError(res, 404, "not_found", `${method} /${kind}/{A's id}/`);
      }
    }
    assert.deepEqual(await tenantSnapshot(a.id), before, "A's rows are untouched");
  });

  it("B's token on B's host naming A in X-Tenant → 400 tenant_mismatch", async () => {
    const [a, b] = await Promise.all([seed(), seed()]);
    assertError(await call(b.admin.caller, "GET", `/students/${a.student}/`, undefined, { "x-tenant": a.slug }), 400, "tenant_mismatch");
  });

  it("B-bound key on A's host → 401 api_key_not_valid, on every endpoint", async () => {
    const [a, b] = await Promise.all([seed(), seed()]);
    const before = await tenantSnapshot(a.id);
    const caller = { host: a.host, key: b.boundKey };
    for (const kind of KINDS) {
      assertError(await call(caller, "GET", `/${kind}/`), 401, "api_key_not_valid", `GET /${kind}/`);
      for (const method of METHODS[kind]) {
        const res = await call(caller, method, `/${kind}/${a.ids[kind]}/`, bodyFor(kind, method));
        assertError(res, 401, "api_key_not_valid", `${method} /${kind}/{id}/`);
        assert.ok(res.headers["www-authenticate"]);
      }
    }
    assertError(await call(caller, "POST", "/classes/", { name: "X", grade: 1 }), 401, "api_key_not_valid", "POST");
    assertError(
      await call({ host: PLATFORM, key: b.boundKey }, "GET", "/students/", undefined, { "x-tenant": a.slug }),
      401,
      "api_key_not_valid",
      "X-Tenant",
    );
    assert.deepEqual(await tenantSnapshot(a.id), before, "A's rows are untouched");
  });
});

describe("A's ids in B's bodies are 400, never a link across schools", () => {
  for (const credential of ["B's Admin token", "B's bound key"]) {
    it(`${credential}: students with A's class → 400 errors.class`, async () => {
      const [a, b] = await Promise.all([seed(), seed()]);
      const { caller } = credentialsOf(b).find((c) => c.name === credential)!;
      const before = await countIn("students", b.id);
      assertFieldError(
        await call(caller, "POST", "/students/", { first_name: "X", last_name: "Y", admission_number: unique("X-"), class: a.klass }),
        "class",
        "POST",
      );
      assert.equal(await countIn("students", b.id), before);
      assertFieldError(await call(caller, "PATCH", `/students/${b.student}/`, { class: a.klass }), "class", "PATCH");
      assertFieldError(
        await call(caller, "PUT", `/students/${b.student}/`, {
          first_name: "X",
          last_name: "Y",
          admission_number: unique("X-"),
          class: a.klass,
        }),
        "class",
        "PUT",
      );
      const { class_id } = (await row("students", b.student))!;
      assert.equal(class_id, b.klass, "B's student keeps B's class");
    });
    it(`${credential}: classes with A's user as teacher → 400 errors.teacher`, async () => {
      const [a, b] = await Promise.all([seed(), seed()]);
      const { caller } = credentialsOf(b).find((c) => c.name === credential)!;
      const before = await countIn("classes", b.id);
      assertFieldError(await call(caller, "POST", "/classes/", { name: "X", grade: 1, teacher: a.user }), "teacher", "POST");
      assertFieldError(await call(caller, "POST", "/classes/", { name: "X", grade: 1, teacher: a.admin.id }), "teacher", "POST A's admin");
      assert.equal(await countIn("classes", b.id), before);
      assertFieldError(await call(caller, "PATCH", `/classes/${b.klass}/`, { teacher: a.user }), "teacher", "PATCH");
      assertFieldError(await call(caller, "PUT", `/classes/${b.klass}/`, { name: "X", grade: 1, teacher: a.user }), "teacher", "PUT");
    });
    it(`${credential}: role assignments with A's user or A's role → 400`, async () => {
      const [a, b] = await Promise.all([seed(), seed()]);
      const { caller } = credentialsOf(b).find((c) => c.name === credential)!;
      const beforeA = await countIn("role-assignments", a.id);
      const beforeB = await countIn("role-assignments", b.id);
      assertFieldError(await call(caller, "POST", "/role-assignments/", { user: a.user, role: b.role }), "user", "A's user");
      assertFieldError(await call(caller, "POST", "/role-assignments/", { user: b.admin.id, role: a.role }), "role", "A's role");
      const both = await call(caller, "POST", "/role-assignments/", { user: a.user, role: a.role });
      assertError(both, 400, "invalid", "both A's");
      assert.equal(await countIn("role-assignments", a.id), beforeA);
      assert.equal(await countIn("role-assignments", b.id), beforeB);
    });
  }
  it("POST /users/ in B naming A's roles by name does not reach A's roles", async () => {
    const [a, b] = await Promise.all([seed(), seed()]);
    const { rows } = await sql().query("SELECT name FROM school_roles WHERE id = $1", [a.role]);
    const res = await call(b.admin.caller, "POST", "/users/", {
      email: `${unique("x")}@example.org`,
      password: "correct horse battery",
      full_name: "X",
      roles: [rows[0].name],
    });
    assertFieldError(res, "roles");
  });
});

describe("A's ids in B's filters give empty results", () => {
  it("?class=, ?user=, ?role=, ?teacher= with A's ids → count 0", async () => {
    const [a, b] = await Promise.all([seed(), seed()]);
    for (const credential of credentialsOf(b)) {
      for (const path of [
        `/students/?class=${a.klass}`,
        `/role-assignments/?user=${a.user}`,
        `/role-assignments/?role=${a.role}`,
        `/classes/?teacher=${a.user}`,
      ]) {
        const res = await call(credential.caller, "GET", path);
        assertStatus(res, 200, `${credential.name} ${path}`);
        assertPage(res.body);
        assert.equal(res.body.count, 0, `${credential.name} ${path}: ${res.text}`);
        assert.deepEqual(res.body.results, []);
      }
      // Control: B's own ids find B's rows.
      for (const [path, id] of [
        [`/students/?class=${b.klass}`, b.student],
        [`/role-assignments/?user=${b.user}`, b.assignment],
        [`/classes/?teacher=${b.user}`, b.klass],
      ]) {
        const res = await call(credential.caller, "GET", path);
        assert.ok(
          res.body.results.some((o: any) => o.id === id),
          `${credential.name} ${path}: ${res.text.slice(0, 200)}`,
        );
      }
    }
  });
});

describe("ids of the wrong shape", () => {
  const BAD_IDS = ["abc", "1", "' OR 1=1 --", "a".repeat(10 * 1024), "00000000-0000-0000-0000-000000000000", `${randomUUID()}x`, "%00"];
  for (const kind of KINDS) {
    it(`in paths of /${kind}/{id}/ → 404, never 500`, async () => {
      const school = await makeSchool();
      const before = await tenantSnapshot(school.id);
      for (const id of BAD_IDS) {
        const segment = id === "%00" ? id : encodeURIComponent(id);
        for (const method of METHODS[kind]) {
          const res = await call(school.admin.caller, method, `/${kind}/${segment}/`, bodyFor(kind, method));
          assertError(res, 404, "not_found", `${method} /${kind}/${id.slice(0, 40)}/`);
        }
      }
      assert.deepEqual(await tenantSnapshot(school.id), before);
    });
  }

  const BAD_REFS: unknown[] = ["abc", "1", "' OR 1=1 --", "a".repeat(10 * 1024), 1, { $ne: null }, ["x"], true, ""];
  it("in bodies (class, teacher, user, role) → 400 naming the field, never 500", async () => {
    const school = await makeSchool();
    const user = await insertStaffUser(school.id);
    const before = await tenantSnapshot(school.id);
    for (const ref of BAD_REFS) {
      const what = JSON.stringify(ref).slice(0, 40);
      assertFieldError(
        await call(school.admin.caller, "POST", "/students/", {
          first_name: "X",
          last_name: "Y",
          admission_number: unique("X-"),
          class: ref,
        }),
        "class",
        `class ${what}`,
      );
      assertFieldError(
        await call(school.admin.caller, "POST", "/classes/", { name: "X", grade: 1, teacher: ref }),
        "teacher",
        `teacher ${what}`,
      );
      assertFieldError(
        await call(school.admin.caller, "POST", "/role-assignments/", { user: ref, role: school.roles.Teacher }),
        "user",
        `user ${what}`,
      );
      assertFieldError(await call(school.admin.caller, "POST", "/role-assignments/", { user, role: ref }), "role", `role ${what}`);
    }
    assert.deepEqual(await tenantSnapshot(school.id), before, "nothing was written");
  });
  it("in filters → 400 or an empty page, never 500", async () => {
    const school = await makeSchool();
    for (const ref of ["abc", "1", "' OR 1=1 --", "a".repeat(2000)]) {
      for (const path of ["/students/?class=", "/role-assignments/?user=", "/role-assignments/?role=", "/classes/?teacher="]) {
        const res = await call(school.admin.caller, "GET", `${path}${encodeURIComponent(ref)}`);
        assert.ok(
          res.status === 400 || (res.status === 200 && res.body.count === 0),
          `${path}${ref.slice(0, 20)}: ${res.status} ${res.text.slice(0, 200)}`,
        );
      }
    }
  });
});

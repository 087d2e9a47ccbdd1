// the REST contract §6 — the method → permission table of the school API, for every resource, method and
// default role (and API keys by scope), with what the database holds afterwards; and permission
// changes reaching existing tokens at once.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "./helpers/api";
import { makePlatformUser, makeTenant, systemLogin, unique, PASSWORD } from "./helpers/fixtures";
import {
  ALL_PERMISSIONS,
  DEFAULT_ROLE_PERMISSIONS,
  RESOURCES,
  assertDenied,
  assertError,
  assertPage,
  assertStatus,
  call,
  countIn,
  insertAssignment,
  insertClass,
  insertRole,
  insertStaffUser,
  insertStudent,
  makeKey,
  makeSchool,
  makeStaff,
  roleIds,
  row,
  type Caller,
  type Resource,
  type Tenant,
} from "./helpers/school-api";

type Op = "LIST" | "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const OPS: Op[] = ["LIST", "GET", "POST", "PUT", "PATCH", "DELETE"];
const ACTION: Record<Op, string> = { LIST: "view", GET: "view", POST: "add", PUT: "change", PATCH: "change", DELETE: "delete" };
const SUCCESS: Record<Op, number> = { LIST: 200, GET: 200, POST: 201, PUT: 200, PATCH: 200, DELETE: 204 };
const HTTP: Record<Op, string> = { LIST: "GET", GET: "GET", POST: "POST", PUT: "PUT", PATCH: "PATCH", DELETE: "DELETE" };

const ROLES = ["Admin", "Head", "Teacher", "Office", "no role"] as const;
type RoleName = (typeof ROLES)[number];
const held = (role: RoleName): string[] => (role === "no role" ? [] : DEFAULT_ROLE_PERMISSIONS[role]);

/** How to make a target object of each resource, and valid bodies for every write. */
interface Spec {
  target: (tenant: Tenant) => Promise<string>;
  body: (op: Op, tenant: Tenant) => Promise<unknown> | unknown;
}

const SPECS: Record<Resource, Spec> = {
  users: {
    target: (t) => insertStaffUser(t.id),
    body: (op) =>
      (
        ({
          POST: { email: `${unique("new")}@example.org`, password: PASSWORD, full_name: "New Staff", roles: [] },
          PUT: { email: `${unique("put")}@example.org`, phone: null, full_name: "Put Staff", is_active: true },
          PATCH: { full_name: "Patched Staff" },
        }) as Record<string, unknown>
      )[op],
  },
  roles: {
    target: (t) => insertRole(t.id, { permissions: ["students.view"] }),
    body: (op) =>
      (
        ({
          POST: { name: unique("Posted "), description: "", permissions: ["students.view"] },
          PUT: { name: unique("Put "), description: "put", permissions: ["students.view"] },
          PATCH: { description: "patched" },
        }) as Record<string, unknown>
      )[op],
  },
  students: {
    target: (t) => insertStudent(t.id),
    body: (op) =>
      (
        ({
          POST: { first_name: "Grace", last_name: "Hopper", admission_number: unique("A-") },
          PUT: { first_name: "Alan", last_name: "Turing", admission_number: unique("P-") },
          PATCH: { first_name: "Patched" },
        }) as Record<string, unknown>
      )[op],
  },
  classes: {
    target: (t) => insertClass(t.id),
    body: (op) =>
      (
        ({
          POST: { name: unique("Posted "), grade: 3 },
          PUT: { name: unique("Put "), grade: 4, teacher: null },
          PATCH: { name: unique("Patched ") },
        }) as Record<string, unknown>
      )[op],
  },
};

const pathOf = (resource: string, op: Op, id: string) => (op === "LIST" || op === "POST" ? `/${resource}/` : `/${resource}/${id}/`);

/**
 * One cell of the matrix: `caller` does `op` on `resource` in `tenant`. Allowed: the success status
 * and its effect in the database. Denied: 403 permission_denied and the database unchanged.
 */
async function checkCell(tenant: Tenant, caller: Caller, resource: Resource, op: Op, allowed: boolean) {
  const spec = SPECS[resource];
  const id = await spec.target(tenant);
  const before = await row(resource, id);
  const countBefore = await countIn(resource, tenant.id);
  const what = `${op} ${resource}`;
  const path = op === "LIST" ? `/${resource}/?page_size=200` : pathOf(resource, op, id);
  const res = await call(caller, HTTP[op], path, await spec.body(op, tenant));
  if (!allowed) {
    assertDenied(res, what);
    assert.deepEqual(await row(resource, id), before, `${what}: target unchanged`);
    assert.equal(await countIn(resource, tenant.id), countBefore, `${what}: nothing created or deleted`);
    return;
  }
  assertStatus(res, SUCCESS[op], what);
  switch (op) {
    case "LIST":
      assertPage(res.body, what);
      assert.ok(
        res.body.results.some((r: any) => r.id === id),
        `${what}: the target is listed`,
      );
      break;
    case "GET":
      assert.equal(res.body.id, id);
      break;
    case "POST":
      assert.equal(await countIn(resource, tenant.id), countBefore + 1, `${what}: one row created`);
      assert.ok(await row(resource, res.body.id), `${what}: the answer's id is in the database`);
      break;
    case "PUT":
    case "PATCH":
      assert.equal(res.body.id, id);
      assert.notDeepEqual(await row(resource, id), before, `${what}: the row changed`);
      break;
    case "DELETE":
      assert.equal(res.text, "", "204 has no body");
      assert.equal(await row(resource, id), undefined, `${what}: the row is gone`);
      break;
  }
}

async function callerFor(tenant: Tenant, role: RoleName): Promise<Caller> {
  return (await makeStaff(tenant, role === "no role" ? [] : [role])).caller;
}

describe("default roles × resources × methods (the REST contract §6)", () => {
  for (const resource of RESOURCES) {
    for (const op of OPS) {
      for (const role of ROLES) {
        const allowed = held(role).includes(`${resource}.${ACTION[op]}`);
        it(`${role}: ${op} ${resource} → ${allowed ? SUCCESS[op] : "403"}`, async () => {
          const tenant = await makeTenant();
          await checkCell(tenant, await callerFor(tenant, role), resource, op, allowed);
        });
      }
    }
  }
});

describe("role assignments: reading is roles.view, creating, changing the term and deleting is roles.change", () => {
  const cases: { op: "LIST" | "GET" | "POST" | "PATCH" | "DELETE"; needs: string }[] = [
    { op: "LIST", needs: "roles.view" },
    { op: "GET", needs: "roles.view" },
    { op: "POST", needs: "roles.change" },
    { op: "PATCH", needs: "roles.change" },
    { op: "DELETE", needs: "roles.change" },
  ];
  const ends = new Date(Date.now() + 7 * 86_400_000);
  for (const { op, needs } of cases) {
    for (const role of ROLES) {
      const allowed = held(role).includes(needs);
      it(`${role}: ${op} role-assignments → ${allowed ? SUCCESS[op] : "403"}`, async () => {
        const tenant = await makeTenant();
        const caller = await callerFor(tenant, role);
        const roles = await roleIds(tenant.id);
        const target = await insertAssignment(tenant.id, await insertStaffUser(tenant.id), roles.Teacher);
        const newcomer = await insertStaffUser(tenant.id);
        const before = await countIn("role-assignments", tenant.id);
        const path = op === "LIST" ? "/role-assignments/" : op === "POST" ? "/role-assignments/" : `/role-assignments/${target}/`;
        const body = op === "POST" ? { user: newcomer, role: roles.Teacher } : op === "PATCH" ? { ends_at: ends.toISOString() } : undefined;
        const res = await call(caller, HTTP[op], path, body);
        if (!allowed) {
          assertDenied(res, `${role} ${op}`);
          assert.equal(await countIn("role-assignments", tenant.id), before);
          assert.equal((await row("role-assignments", target))?.ends_at, null, "the assignment is still there, unchanged");
          return;
        }
        assertStatus(res, SUCCESS[op], `${role} ${op}`);
        if (op === "LIST") assert.ok(res.body.results.some((a: any) => a.id === target));
        if (op === "GET")
          assert.deepEqual(
            { user: res.body.user, role: res.body.role },
            { user: (await row("role-assignments", target))!.user_id, role: roles.Teacher },
          );
        if (op === "POST") {
          assert.equal(res.body.user, newcomer);
          assert.equal(res.body.role, roles.Teacher);
          assert.equal(await countIn("role-assignments", tenant.id), before + 1);
        }
        if (op === "PATCH") assert.deepEqual((await row("role-assignments", target))?.ends_at, ends);
        if (op === "DELETE") assert.equal(await row("role-assignments", target), undefined);
      });
    }
  }
});

describe("the permission catalogue: any authenticated caller", () => {
  for (const role of ROLES) {
    it(`${role}: GET /permissions/ → 200 with the 16 codenames`, async () => {
      const tenant = await makeTenant();
      const res = await call(await callerFor(tenant, role), "GET", "/permissions/");
      assertStatus(res, 200, role);
      assertPage(res.body);
      assert.equal(res.body.count, 16);
      assert.equal(res.body.results.length, 16);
      assert.deepEqual(res.body.results.map((p: any) => p.codename).sort(), ALL_PERMISSIONS);
      for (const p of res.body.results) assert.ok(typeof p.label === "string" && p.label.length > 0, `label of ${p.codename}`);
    });
  }
  it("an API key with one unrelated scope may read it too", async () => {
    const tenant = await makeTenant();
    const { key } = await makeKey(tenant.id, ["students.view"]);
    const res = await call({ host: tenant.host, key }, "GET", "/permissions/");
    assertStatus(res, 200);
    assert.equal(res.body.count, 16);
  });
  it("without credentials it is 401", async () => {
    const tenant = await makeTenant();
    assertError(await call({ host: tenant.host }, "GET", "/permissions/"), 401, "not_authenticated");
  });
});

describe("the school audit trail needs roles.view", () => {
  for (const role of ROLES) {
    const allowed = held(role).includes("roles.view");
    it(`${role}: GET /audit/ → ${allowed ? 200 : 403}`, async () => {
      const tenant = await makeTenant();
      const res = await call(await callerFor(tenant, role), "GET", "/audit/");
      if (allowed) {
        assertStatus(res, 200, role);
        assertPage(res.body);
      } else assertDenied(res, role);
    });
  }
});

describe("API keys: scopes are the key's permissions", () => {
  it('scopes ["students.view"]: GET students 200, POST students 403, GET classes 403', async () => {
    const tenant = await makeTenant();
    const { key } = await makeKey(tenant.id, ["students.view"]);
    const caller = { host: tenant.host, key };
    const student = await insertStudent(tenant.id);
    assertStatus(await call(caller, "GET", "/students/"), 200, "list students");
    assertStatus(await call(caller, "GET", `/students/${student}/`), 200, "get student");
    const before = await countIn("students", tenant.id);
    assertDenied(await call(caller, "POST", "/students/", SPECS.students.body("POST", tenant) as object), "POST students");
    assert.equal(await countIn("students", tenant.id), before);
    assertDenied(await call(caller, "DELETE", `/students/${student}/`), "DELETE student");
    assert.ok(await row("students", student));
    assertDenied(await call(caller, "GET", "/classes/"), "GET classes");
    assertDenied(await call(caller, "GET", "/roles/"), "GET roles");
  });

  for (const scope of ["*"]) {
    for (const resource of RESOURCES) {
      for (const op of OPS) {
        it(`scopes ["${scope}"]: ${op} ${resource} → ${SUCCESS[op]}`, async () => {
          const tenant = await makeTenant();
          const { key } = await makeKey(tenant.id, [scope]);
          await checkCell(tenant, { host: tenant.host, key }, resource, op, true);
        });
      }
    }
  }
  it('scopes ["*"]: role assignments and the audit trail too', async () => {
    const tenant = await makeTenant();
    const { key } = await makeKey(tenant.id, ["*"]);
    const caller = { host: tenant.host, key };
    const roles = await roleIds(tenant.id);
    const user = await insertStaffUser(tenant.id);
    const created = await call(caller, "POST", "/role-assignments/", { user, role: roles.Office });
    assertStatus(created, 201, "POST role-assignments");
    assertStatus(await call(caller, "GET", "/role-assignments/"), 200);
    assertStatus(await call(caller, "GET", `/role-assignments/${created.body.id}/`), 200);
    assertStatus(await call(caller, "DELETE", `/role-assignments/${created.body.id}/`), 204);
    assertStatus(await call(caller, "GET", "/audit/"), 200);
  });
  it("a global key (client null) with a scope is held to that scope on any school", async () => {
    const tenant = await makeTenant();
    const { key } = await makeKey(null, ["classes.view"]);
    const caller = { host: tenant.host, key };
    assertStatus(await call(caller, "GET", "/classes/"), 200);
    assertDenied(await call(caller, "GET", "/students/"));
    assertDenied(await call(caller, "POST", "/classes/", { name: "X", grade: 1 }));
  });
});

describe("permission changes apply to existing tokens at once", () => {
  it("assigning a role, editing it, and removing the assignment bite on the same access token", async () => {
    const school = await makeSchool();
    const admin = school.admin.caller;
    const user = await makeStaff(school, []);
    const student = await insertStudent(school.id);
    const klass = await insertClass(school.id);

    assertDenied(await call(user.caller, "GET", "/students/"), "no role yet");

    const assigned = await call(admin, "POST", "/role-assignments/", { user: user.id, role: school.roles.Teacher });
    assertStatus(assigned, 201, "assign Teacher");
    assertStatus(await call(user.caller, "GET", "/students/"), 200, "Teacher: students.view, same token");
    assertStatus(await call(user.caller, "GET", `/classes/${klass}/`), 200, "Teacher: classes.view, same token");
    assertDenied(await call(user.caller, "DELETE", `/students/${student}/`), "Teacher cannot delete");

    const edited = await call(admin, "PATCH", `/roles/${school.roles.Teacher}/`, { permissions: ["classes.view"] });
    assertStatus(edited, 200, "edit Teacher");
    assert.deepEqual(edited.body.permissions, ["classes.view"]);
    assertDenied(await call(user.caller, "GET", "/students/"), "students.view taken from the role");
    assertStatus(await call(user.caller, "GET", "/classes/"), 200, "classes.view kept");

    const widened = await call(admin, "PATCH", `/roles/${school.roles.Teacher}/`, { permissions: ["classes.view", "students.delete"] });
    assertStatus(widened, 200, "widen Teacher");
    assertStatus(await call(user.caller, "DELETE", `/students/${student}/`), 204, "students.delete given to the role");

    assertStatus(await call(admin, "DELETE", `/role-assignments/${assigned.body.id}/`), 204, "unassign");
    assertDenied(await call(user.caller, "GET", "/classes/"), "no role any more");
  });

  it("deleting a role takes its permissions from its holders at once", async () => {
    const school = await makeSchool();
    const roleId = await insertRole(school.id, { name: unique("Registrar "), permissions: ["students.view"] });
    const user = await makeStaff(school, []);
    await insertAssignment(school.id, user.id, roleId);
    assertStatus(await call(user.caller, "GET", "/students/"), 200);
    assertStatus(await call(school.admin.caller, "DELETE", `/roles/${roleId}/`), 204);
    assertDenied(await call(user.caller, "GET", "/students/"));
  });

  it("changing an API key's scopes (PATCH /system/api-keys/{id}/) bites on the next request", async () => {
    const tenant = await makeTenant();
    const { id, key } = await makeKey(tenant.id, ["students.view"]);
    const caller = { host: tenant.host, key };
    assertStatus(await call(caller, "GET", "/students/"), 200);
    const platform = await makePlatformUser("superadmin");
    const { access } = await systemLogin(platform.email);
    assertStatus(
      await request("PATCH", `/api/v1/system/api-keys/${id}/`, { token: access, body: { scopes: ["classes.view"] } }),
      200,
      "PATCH key scopes",
    );
    assertDenied(await call(caller, "GET", "/students/"));
    assertStatus(await call(caller, "GET", "/classes/"), 200);
  });
});

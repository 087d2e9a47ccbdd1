// A readable audit trail, on both trails (GET /api/v1/system/audit/ and GET /api/v1/school/audit/):
// every event names its target (`target_label`: the name when read, else the name the trail kept
// for a deleted one, else null), a school's trail never names what is not that school's, the names
// cost one query per kind of target for the page, and the lists filter by target_type, target and
// several actions at once. Every action the tests see has a catalogue entry (lib/audit/actions.ts).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { get, post } from "./helpers/api";
import { PASSWORD, sql, unique } from "./helpers/fixtures";
import {
  AUDIT,
  USERS,
  allPages,
  assertError,
  clientPath,
  createClient,
  createKey,
  del,
  patch,
  platformSession,
  userPath,
} from "./helpers/system-api";
import {
  assertFieldError,
  assertStatus,
  call,
  listAll,
  makeSchool,
  makeStaff,
  type Caller,
  type School,
  type Staff,
} from "./helpers/school-api";
import { AUDIT_TARGET_TYPES, auditActionInfo } from "@/lib/audit/actions";
import { listAuditEvents, listSchoolAuditEvents } from "@/lib/audit/list-audit";
import { targetLabels } from "@/lib/audit/target-labels";
import { prisma } from "@/lib/db/client";

type Session = Awaited<ReturnType<typeof platformSession>>;
type Event = Record<string, any>;

const TRACE = "audit-readable";

/** Every event the tests below were shown, for the catalogue check at the end. */
const seen: Event[] = [];
const note = (events: Event[]) => {
  seen.push(...events);
  return events;
};

/** A school's trail through its own API (every page). */
const schoolTrail = async (caller: Caller, query = "") => note(await listAll(caller, `/audit/${query ? `?${query}` : ""}`));
/** The platform's trail (every page). */
const systemTrail = async (admin: Session, query: string) => note(await allPages(`${AUDIT}?page_size=200&${query}`, admin.as));

/** An event written straight into the trail, as a writer would (for cases the API cannot make). */
async function insertEvent(e: { client: string | null; action: string; type: string; id: string; metadata?: unknown }): Promise<string> {
  const eventId = randomUUID();
  await sql().query(
    `INSERT INTO audit_events (id, client_id, action, target_type, target_id, request_id, metadata)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [eventId, e.client, e.action, e.type, e.id, `${TRACE}-${randomUUID()}`, e.metadata === undefined ? null : JSON.stringify(e.metadata)],
  );
  return eventId;
}

async function made(caller: Caller, path: string, body: unknown): Promise<any> {
  const res = await call(caller, "POST", path, body);
  assertStatus(res, 201, `POST ${path}`);
  return res.body;
}

/**
 * School A, made through the system API by a platform admin, with one object of every kind made
 * through A's own API, a key of A's, a session ended, and A renamed after all that.
 */
async function buildWorld() {
  const s = unique("");
  const admin = await platformSession();
  const tenant = await createClient(admin.as, { name: `Alpha ${s}` });
  const staff: Staff = await makeStaff(tenant, ["Admin"]);
  const caller = staff.caller;
  const role = await made(caller, "/roles/", { name: `Librarian ${s}`, permissions: ["students.view"] });
  const student = await made(caller, "/students/", { first_name: "Ada", last_name: `Lovelace ${s}`, admission_number: unique("AR-") });
  const klass = await made(caller, "/classes/", { name: `Form ${s}`, grade: 3 });
  const grace = await made(caller, "/users/", {
    email: `${unique("grace")}@example.org`,
    password: PASSWORD,
    full_name: `Grace Hopper ${s}`,
    roles: [],
  });
  const nameless = await made(caller, "/users/", { email: `${unique("nameless")}@example.org`, password: PASSWORD, roles: [] });
  const assignment = await made(caller, "/role-assignments/", { user: grace.id, role: role.id });
  const key = await createKey(admin.as, { client: tenant.id, name: `Gradebook sync ${s}` });
  const teacher = await makeStaff(tenant, ["Teacher"]);
  assertStatus(await post("/api/v1/school/auth/logout/", { refresh: teacher.refresh }, { host: tenant.host }), 204, "logout");
  const newName = `Alpha Renamed ${s}`;
  assertStatus(await patch(clientPath(tenant.id), { name: newName }, admin.as), 200, "rename");
  const labels: Record<string, string | null> = {
    [tenant.id]: newName,
    [staff.id]: "Test Staff",
    [teacher.id]: "Test Staff",
    [role.id]: role.name,
    [student.id]: `Ada Lovelace ${s}`,
    [klass.id]: klass.name,
    [grace.id]: `Grace Hopper ${s}`,
    [nameless.id]: nameless.email,
    [assignment.id]: `Grace Hopper ${s} as Librarian ${s}`,
    [key.id]: key.name,
  };
  return { s, admin, tenant, staff, caller, role, student, klass, grace, nameless, assignment, key, teacher, labels };
}

let world: ReturnType<typeof buildWorld> | undefined;
const theWorld = () => (world ??= buildWorld());

/** Checks every event's label against the expected one of its target; answers the target types checked. */
function assertLabels(events: Event[], labels: Record<string, string | null>, trail: string): Set<string> {
  const types = new Set<string>();
  for (const e of events) {
    assert.ok("target_label" in e, `${trail}: target_label in ${JSON.stringify(e)}`);
    if (e.target_type === "session") {
      assert.equal(e.target_label, null, `${trail}: ${e.action} about a session has no name`);
      types.add("session");
    } else if (e.target_id === null) {
      assert.equal(e.target_label, null, `${trail}: ${e.action} has no target`);
    } else {
      assert.ok(e.target_id in labels, `${trail}: ${e.action} is about ${e.target_type} ${e.target_id}, which this test did not make`);
      assert.equal(e.target_label, labels[e.target_id], `${trail}: ${e.action} ${e.target_type} ${e.target_id}`);
      types.add(e.target_type);
    }
  }
  return types;
}

describe("target_label names each kind of target, on both trails", () => {
  let w: Awaited<ReturnType<typeof buildWorld>>;
  before(async () => {
    w = await theWorld();
  });

  it("a school's trail: the school, its staff (full name, else email), roles, students, classes, assignments and keys", async () => {
    const events = await schoolTrail(w.caller);
    const types = assertLabels(events, w.labels, "school trail");
    assert.deepEqual([...types].sort(), [...AUDIT_TARGET_TYPES].sort(), "every kind of target was checked");
    const created = events.find((e) => e.action === "school.user.created" && e.target_id === w.nameless.id);
    assert.ok(created, "the nameless user's creation is listed");
    assert.equal(created.target_label, w.nameless.email, "no full name: the email");
  });

  it("the platform's trail names the same targets alike", async () => {
    const events = await systemTrail(w.admin, `client=${w.tenant.id}`);
    const types = assertLabels(events, w.labels, "platform trail");
    assert.deepEqual([...types].sort(), [...AUDIT_TARGET_TYPES].sort());
    // The same events on both trails, with the same names.
    const school = await schoolTrail(w.caller);
    assert.deepEqual(
      events.map((e) => [e.id, e.target_label]),
      school.map((e) => [e.id, e.target_label]),
    );
  });

  it("the name is the one at read time: a renamed student is shown by its new name on its older events", async () => {
    assertStatus(await call(w.caller, "PATCH", `/students/${w.student.id}/`, { first_name: "Augusta" }), 200, "rename student");
    w.labels[w.student.id] = `Augusta Lovelace ${w.s}`;
    for (const events of [await schoolTrail(w.caller, `target=${w.student.id}`), await systemTrail(w.admin, `target=${w.student.id}`)]) {
      assert.deepEqual(events.map((e) => e.action).sort(), ["school.student.created", "school.student.updated"]);
      for (const e of events) assert.equal(e.target_label, `Augusta Lovelace ${w.s}`);
    }
  });

  it("the platform's own events: platform users and global keys by name", async () => {
    const s = unique("");
    const res = await post(
      USERS,
      { email: `${unique("pat")}@example.org`, password: PASSWORD, full_name: `Pat Platform ${s}`, platform_role: "support" },
      w.admin.as,
    );
    assertStatus(res, 201, "platform user");
    const global = await createKey(w.admin.as, { client: null, name: `Global ${s}` });
    const [user] = await systemTrail(w.admin, `target=${res.body.id}`);
    assert.equal(user.action, "platform_user.created");
    assert.equal(user.client, null);
    assert.equal(user.target_label, `Pat Platform ${s}`);
    const [key] = await systemTrail(w.admin, `target=${global.id}`);
    assert.deepEqual([key.action, key.client, key.target_label], ["api_key.created", null, `Global ${s}`]);
  });

  it("a sign-in names the account signed into", async () => {
    const [login] = await systemTrail(w.admin, `actor=${w.admin.user.id}&action=system.login.succeeded`);
    assert.equal(login.target_id, w.admin.user.id);
    assert.equal(login.target_label, "Test Admin");
  });
});

describe("a deleted target keeps the name the trail kept for it", () => {
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let gone: Record<string, string>;
  before(async () => {
    w = await theWorld();
    const s = unique("");
    const role = await made(w.caller, "/roles/", { name: `Doomed role ${s}`, permissions: [] });
    const student = await made(w.caller, "/students/", { first_name: "Gone", last_name: `Student ${s}`, admission_number: unique("GS-") });
    const klass = await made(w.caller, "/classes/", { name: `Gone class ${s}`, grade: 1 });
    const user = await made(w.caller, "/users/", {
      email: `${unique("gone")}@example.org`,
      password: PASSWORD,
      full_name: `Gone User ${s}`,
      roles: [],
    });
    const assignment = await made(w.caller, "/role-assignments/", { user: user.id, role: role.id });
    for (const path of [
      `/role-assignments/${assignment.id}/`,
      `/roles/${role.id}/`,
      `/students/${student.id}/`,
      `/classes/${klass.id}/`,
      `/users/${user.id}/`,
    ]) {
      assertStatus(await call(w.caller, "DELETE", path), 204, `DELETE ${path}`);
    }
    gone = {
      [role.id]: `Doomed role ${s}`,
      [student.id]: `Gone Student ${s}`,
      [klass.id]: `Gone class ${s}`,
      [user.id]: `Gone User ${s}`,
      [assignment.id]: `Gone User ${s} as Doomed role ${s}`,
    };
  });

  it("every deletion stores the name in its metadata", async () => {
    for (const [id, name] of Object.entries(gone)) {
      const deletion = (await schoolTrail(w.caller, `target=${id}`)).find((e) => e.action.endsWith(".deleted"));
      assert.ok(deletion, `a deletion event for ${name}`);
      assert.equal(deletion.metadata?.name, name, deletion.action);
    }
  });

  it("a school's trail: every event of a deleted target shows its kept name, the created one too", async () => {
    for (const [id, name] of Object.entries(gone)) {
      const events = await schoolTrail(w.caller, `target=${id}`);
      assert.ok(events.length >= 2, `${name}: created and deleted`);
      for (const e of events) assert.equal(e.target_label, name, `${e.action} of ${name}`);
    }
  });

  it("the platform's trail alike", async () => {
    for (const [id, name] of Object.entries(gone)) {
      const events = await systemTrail(w.admin, `target=${id}`);
      assert.ok(events.length >= 2, name);
      for (const e of events) assert.equal(e.target_label, name, `${e.action} of ${name}`);
    }
  });

  it("a deleted platform user and a deleted school keep their names on the platform's trail", async () => {
    const s = unique("");
    const res = await post(
      USERS,
      { email: `${unique("bye")}@example.org`, password: PASSWORD, full_name: `Bye Admin ${s}`, platform_role: "support" },
      w.admin.as,
    );
    assertStatus(res, 201, "platform user");
    assertStatus(await del(userPath(res.body.id), w.admin.as), 204, "delete platform user");
    const userEvents = await systemTrail(w.admin, `target=${res.body.id}`);
    assert.deepEqual(
      userEvents.map((e) => e.action),
      ["platform_user.deleted", "platform_user.created"],
    );
    for (const e of userEvents) assert.equal(e.target_label, `Bye Admin ${s}`);
    assert.equal(userEvents[0].metadata.name, `Bye Admin ${s}`);

    const doomed = await createClient(w.admin.as, { name: `Doomed ${s}` });
    assertStatus(await del(clientPath(doomed.id), w.admin.as), 204, "delete school");
    const schoolEvents = await systemTrail(w.admin, `target=${doomed.id}`);
    assert.deepEqual(
      schoolEvents.map((e) => [e.action, e.target_label]),
      [["client.deleted", `Doomed ${s}`]],
    );
  });

  it("a target gone with no name kept anywhere, or an event about a session, has none", async () => {
    const eventId = await insertEvent({
      client: w.tenant.id,
      action: "school.student.updated",
      type: "student",
      id: randomUUID(),
      metadata: { changed: ["first_name"] },
    });
    for (const events of [
      await schoolTrail(w.caller, "target_type=student"),
      await systemTrail(w.admin, `client=${w.tenant.id}&target_type=student`),
    ]) {
      const e = events.find((x) => x.id === eventId);
      assert.ok(e, "the event is listed");
      assert.equal(e.target_label, null);
    }
  });
});

describe("a school's trail never names what is not that school's", () => {
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let b: School;
  let secrets: Record<string, string>; // event id in A's trail → the name the platform's trail shows
  before(async () => {
    w = await theWorld();
    b = await makeSchool();
    const s = unique("");
    const bStudent = await made(b.admin.caller, "/students/", {
      first_name: "Bea",
      last_name: `Secret ${s}`,
      admission_number: unique("BS-"),
    });
    const bClass = await made(b.admin.caller, "/classes/", { name: `B class secret ${s}`, grade: 2 });
    const bRole = await made(b.admin.caller, "/roles/", { name: `B role secret ${s}`, permissions: [] });
    const bUser = await made(b.admin.caller, "/users/", {
      email: `${unique("bob")}@example.org`,
      password: PASSWORD,
      full_name: `Bob Secret ${s}`,
      roles: [],
    });
    const bKey = await createKey(w.admin.as, { client: b.id, name: `B key secret ${s}` });
    const globalKey = await createKey(w.admin.as, { client: null, name: `Global key secret ${s}` });
    const platform = await post(
      USERS,
      { email: `${unique("plat")}@example.org`, password: PASSWORD, full_name: `Platform Secret ${s}`, platform_role: "support" },
      w.admin.as,
    );
    assertStatus(platform, 201, "platform user");
    // Gone from B, its name kept only by B's own deletion event.
    const bGone = randomUUID();
    await insertEvent({
      client: b.id,
      action: "school.student.deleted",
      type: "student",
      id: bGone,
      metadata: { name: `B deleted secret ${s}` },
    });

    const A = w.tenant.id;
    secrets = {
      [await insertEvent({ client: A, action: "school.user.updated", type: "user", id: bUser.id })]: `Bob Secret ${s}`,
      [await insertEvent({ client: A, action: "school.user.updated", type: "user", id: platform.body.id })]: `Platform Secret ${s}`,
      [await insertEvent({ client: A, action: "school.student.updated", type: "student", id: bStudent.id })]: `Bea Secret ${s}`,
      [await insertEvent({ client: A, action: "school.class.updated", type: "class", id: bClass.id })]: bClass.name,
      [await insertEvent({ client: A, action: "school.role.updated", type: "role", id: bRole.id })]: bRole.name,
      [await insertEvent({ client: A, action: "api_key.updated", type: "api_key", id: bKey.id })]: bKey.name,
      [await insertEvent({ client: A, action: "api_key.updated", type: "api_key", id: globalKey.id })]: globalKey.name,
      [await insertEvent({ client: A, action: "client.updated", type: "client", id: b.id })]: b.name,
      [await insertEvent({
        client: A,
        action: "school.role_assignment.created",
        type: "role_assignment",
        id: randomUUID(),
        metadata: { user: bUser.id, role: bRole.id },
      })]: `Bob Secret ${s} as ${bRole.name}`,
      [await insertEvent({ client: A, action: "school.student.updated", type: "student", id: bGone })]: `B deleted secret ${s}`,
    };
  });

  it("events in A's trail about B's objects, a platform account, a global key or school B name nothing", async () => {
    const events = await schoolTrail(w.caller);
    for (const id of Object.keys(secrets)) {
      const e = events.find((x) => x.id === id);
      assert.ok(e, `event ${id} is in A's trail`);
      assert.equal(e.target_label, null, `${e.action} ${e.target_type}: named ${e.target_label}`);
    }
    const text = JSON.stringify(events);
    for (const name of Object.values(secrets)) assert.ok(!text.includes(name), `A's trail does not contain "${name}"`);
  });

  it("the platform's trail names them (the ids are real): the difference is the school's scope", async () => {
    const events = await systemTrail(w.admin, `client=${w.tenant.id}`);
    for (const [id, name] of Object.entries(secrets)) {
      const e = events.find((x) => x.id === id);
      assert.ok(e, `event ${id} is in the platform's trail`);
      assert.equal(e.target_label, name, `${e.action} ${e.target_type}`);
    }
  });

  it("the school in every WHERE clause holds on its own, without row-level security behind it", async () => {
    // The owner's client (row-level security does not apply to it), asked for A's names.
    const rows = await prisma.auditEvent.findMany({ where: { id: { in: Object.keys(secrets) } } });
    assert.equal(rows.length, Object.keys(secrets).length);
    assert.deepEqual(
      await targetLabels(prisma, rows, w.tenant.id),
      rows.map(() => null),
    );
    assert.deepEqual(
      await targetLabels(prisma, rows, null),
      rows.map((r) => secrets[r.id]),
      "without a school, the same look-ups name them",
    );
  });

  it("filtering A's trail by B's object finds A's event about it, unnamed", async () => {
    const [id] = Object.keys(secrets);
    const target = (await sql().query("SELECT target_id FROM audit_events WHERE id = $1", [id])).rows[0].target_id;
    const events = await schoolTrail(w.caller, `target=${target}`);
    assert.deepEqual(
      events.map((e) => [e.id, e.target_label]),
      [[id, null]],
    );
  });
});

describe("names cost one query per kind of target for the page (no N+1)", () => {
  let school: School;
  const counted: string[] = [];
  const original = pg.Client.prototype.query;
  const count = async <T>(work: () => Promise<T>): Promise<{ result: T; tables: Record<string, number>; total: number }> => {
    counted.length = 0;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const config = args[0] as string | { text?: string };
      counted.push(typeof config === "string" ? config : (config?.text ?? ""));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      const result = await work();
      const tables: Record<string, number> = {};
      for (const text of counted)
        for (const t of new Set([...text.matchAll(/FROM "public"\."(\w+)"/g)].map((m) => m[1]))) tables[t] = (tables[t] ?? 0) + 1;
      return { result, tables, total: counted.length };
    } finally {
      pg.Client.prototype.query = original;
    }
  };
  after(() => {
    pg.Client.prototype.query = original;
  });

  before(async () => {
    school = await makeSchool();
    const c = school.admin.caller;
    const roles = [];
    for (let i = 0; i < 3; i++) roles.push(await made(c, "/roles/", { name: unique("Batch role "), permissions: [] }));
    const users = [];
    for (let i = 0; i < 3; i++)
      users.push(
        await made(c, "/users/", { email: `${unique("batch")}@example.org`, password: PASSWORD, full_name: unique("Batch "), roles: [] }),
      );
    for (let i = 0; i < 2; i++) await made(c, "/role-assignments/", { user: users[i].id, role: roles[i].id });
    const students = [];
    for (let i = 0; i < 6; i++)
      students.push(await made(c, "/students/", { first_name: "Batch", last_name: unique("S"), admission_number: unique("BA-") }));
    for (let i = 0; i < 6; i++) await made(c, "/classes/", { name: unique("Batch class "), grade: 4 });
    // Two students gone: their created events need the names their deletions kept.
    for (const st of students.slice(0, 2)) assertStatus(await call(c, "DELETE", `/students/${st.id}/`), 204);
  });

  for (const trail of ["school", "platform"] as const) {
    it(`${trail} trail: at most one query per kind of target, whatever the number of events`, async () => {
      const page = { page: 1, pageSize: 200 };
      const { result, tables, total } = await count(() =>
        trail === "school" ? listSchoolAuditEvents({ schoolId: school.id, page }) : listAuditEvents({ client: school.id, page }),
      );
      const events = result.results;
      const many = (type: string) => events.filter((e) => e.target_type === type).length;
      assert.ok(many("student") >= 8 && many("class") >= 6 && many("user") >= 4 && many("role") >= 3, "many events per kind");
      for (const e of events.filter((x) => x.target_type && x.target_type !== "session")) {
        assert.equal(typeof e.target_label, "string", `${e.action} ${e.target_type} is named`);
      }
      for (const table of ["students", "classes", "users", "school_roles", "clients"]) {
        assert.ok((tables[table] ?? 0) <= 1, `${table}: ${tables[table]} queries\n${counted.join("\n")}`);
      }
      // The count, the page, and one look-up of the deleted targets' kept names.
      assert.ok((tables.audit_events ?? 0) <= 3, `audit_events: ${tables.audit_events} queries`);
      assert.ok(total <= 14, `${total} queries in all:\n${counted.join("\n")}`);
      assert.ok((tables.students ?? 0) === 1 && (tables.audit_events ?? 0) >= 2, "the counter saw the reads (sanity)");
    });
  }
});

describe("filters: target_type, target, several actions", () => {
  let w: Awaited<ReturnType<typeof buildWorld>>;
  // Both trails of school A, asked the same question.
  const both = async (query: string) => ({
    school: await schoolTrail(w.caller, query),
    platform: await systemTrail(w.admin, `client=${w.tenant.id}&${query}`),
  });
  const ids = (events: Event[]) => events.map((e) => e.id);
  before(async () => {
    w = await buildWorld(); // a world of its own: the other suites add events to theirs
  });

  it("?target_type= only events about that kind of object", async () => {
    const all = await schoolTrail(w.caller);
    for (const type of AUDIT_TARGET_TYPES) {
      const { school, platform } = await both(`target_type=${type}`);
      const expected = all.filter((e) => e.target_type === type);
      assert.ok(expected.length > 0, `A's trail has events about a ${type}`);
      assert.deepEqual(ids(school), ids(expected), type);
      assert.deepEqual(ids(platform), ids(expected), `${type} (platform)`);
    }
  });

  it("?target= only events about that object (any case of the id)", async () => {
    for (const id of [w.role.id, w.role.id.toUpperCase()]) {
      const { school, platform } = await both(`target=${id}`);
      assert.deepEqual(
        school.map((e) => e.action),
        ["school.role.created"],
      );
      assert.deepEqual(ids(platform), ids(school));
    }
    const assigned = await both(`target=${w.grace.id}`);
    assert.deepEqual(
      assigned.school.map((e) => e.action),
      ["school.user.created"],
    );
    assert.equal((await both(`target=${randomUUID()}`)).school.length, 0);
  });

  it("?target_type= and ?target= together; with another kind nothing", async () => {
    const { school, platform } = await both(`target_type=class&target=${w.klass.id}`);
    assert.deepEqual(
      school.map((e) => [e.action, e.target_label]),
      [["school.class.created", w.klass.name]],
    );
    assert.deepEqual(ids(platform), ids(school));
    const none = await both(`target_type=student&target=${w.klass.id}`);
    assert.deepEqual([none.school.length, none.platform.length], [0, 0]);
  });

  it("?action= one exact action or one prefix, as before", async () => {
    const { school, platform } = await both("action=school.class.created");
    assert.deepEqual(
      school.map((e) => e.action),
      ["school.class.created"],
    );
    assert.deepEqual(ids(platform), ids(school));
    const prefix = await both("action=school.role*");
    assert.deepEqual(prefix.school.map((e) => e.action).sort(), ["school.role.created", "school.role_assignment.created"]);
    assert.equal((await both("action=school.class")).school.length, 0, "not a prefix without *");
  });

  it("?action= a comma-separated list of exact actions and prefixes (spaces around items are ignored)", async () => {
    const { school, platform } = await both(encodeURI("action=school.class.created, school.student.* ,api_key.created"));
    const all = await schoolTrail(w.caller);
    const expected = all.filter(
      (e) => e.action === "school.class.created" || e.action.startsWith("school.student.") || e.action === "api_key.created",
    );
    assert.deepEqual(new Set(school.map((e) => e.action)), new Set(["school.class.created", "school.student.created", "api_key.created"]));
    assert.deepEqual(ids(school), ids(expected), "newest first, as unfiltered");
    assert.deepEqual(ids(platform), ids(school));
    const exacts = await both("action=school.class.created,school.role.created,school.class.created");
    assert.deepEqual(exacts.school.map((e) => e.action).sort(), ["school.class.created", "school.role.created"]);
    // A list of nothing is no filter, like an empty parameter.
    assert.deepEqual(ids((await both("action=,%20,")).school), ids(all));
  });

  it("prefixes in a list stay literal: '_' and '%' match themselves", async () => {
    const { school } = await both("action=school.class.created,school_*,%25*");
    assert.deepEqual(
      school.map((e) => e.action),
      ["school.class.created"],
    );
  });

  it("filters combine (AND): actions, kind, target and actor", async () => {
    const { school, platform } = await both(`action=school.user.*,school.role.*&target_type=user&actor=${w.staff.id}`);
    assert.deepEqual(school.map((e) => e.target_id).sort(), [w.grace.id, w.nameless.id].sort());
    assert.deepEqual(ids(platform), ids(school));
    const one = await both(`action=school.user.*,school.role.*&target_type=user&target=${w.grace.id}`);
    assert.deepEqual(
      one.school.map((e) => [e.action, e.target_label]),
      [["school.user.created", w.labels[w.grace.id]]],
    );
    const since = one.school[0].at;
    assert.equal((await both(`target=${w.grace.id}&since=${encodeURIComponent(since)}`)).school.length, 1);
    assert.equal((await both(`target=${w.grace.id}&action=school.student.*`)).platform.length, 0);
  });

  const BAD: [string, string][] = [
    ["target_type=bogus", "target_type"],
    ["target_type=Student", "target_type"],
    ["target_type=%00", "target_type"],
    ["target=abc", "target"],
    [`target=${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}x`, "target"],
    ["target=%01", "target"],
    ["action=school.*.created", "action"],
    ["action=*.created", "action"],
    ["action=school.class.created,client*x", "action"],
    [`action=${Array.from({ length: 21 }, (_, i) => `a.b${i}`).join(",")}`, "action"],
    [`action=${"a".repeat(65)}`, "action"],
    [`action=school.class.created,${"a".repeat(64)}x*`, "action"],
    ["action=%00", "action"],
    ["action=school.class.created,%0A", "action"],
  ];
  for (const [query, field] of BAD) {
    it(`?${query.slice(0, 60)} → 400 errors.${field}, on both trails`, async () => {
      assertFieldError(await call(w.caller, "GET", `/audit/?${query}`), field, query);
      assertError(await get(`${AUDIT}?${query}`, w.admin.as), 400, "invalid", field);
    });
  }

  it("several bad filters are named together; good values beside them are fine alone", async () => {
    const res = await call(w.caller, "GET", "/audit/?target_type=x&target=y&action=a*b&since=soon");
    assertFieldError(res, "target_type");
    assert.deepEqual(Object.keys(res.body.errors).sort(), ["action", "since", "target", "target_type"]);
    assertStatus(await call(w.caller, "GET", `/audit/?target_type=role&target=${w.role.id}&action=school.role.created`), 200);
  });

  it("20 actions are fine, and * alone matches every action", async () => {
    const twenty = Array.from({ length: 19 }, (_, i) => `x.y${i}`)
      .concat("school.role.created")
      .join(",");
    assert.deepEqual(
      (await schoolTrail(w.caller, `action=${twenty}`)).map((e) => e.action),
      ["school.role.created"],
    );
    assert.deepEqual(ids(await schoolTrail(w.caller, "action=*")), ids(await schoolTrail(w.caller)));
  });
});

describe("the OpenAPI document", () => {
  it("shows target_label on AuditEvent and the new filters on both lists", async () => {
    const doc = (await get("/api/v1/openapi.json")).body;
    const label = doc.components.schemas.AuditEvent.properties.target_label;
    assert.ok(label, "AuditEvent.target_label");
    assert.match(label.description, /name/);
    for (const path of ["/api/v1/system/audit/", "/api/v1/school/audit/"]) {
      const params = Object.fromEntries(doc.paths[path].get.parameters.map((p: any) => [p.name, p]));
      for (const name of ["target_type", "target", "action"]) assert.ok(params[name]?.description, `${path} ?${name} described`);
      assert.deepEqual([...params.target_type.schema.enum].sort(), [...AUDIT_TARGET_TYPES].sort(), path);
    }
  });
});

describe("every action the trails showed is in the catalogue, in the trail it says", () => {
  it("a label, and an audience that matches where the event was recorded", () => {
    assert.ok(seen.length > 50, `saw ${seen.length} events`);
    const actions = new Set<string>();
    for (const e of seen) {
      const info = auditActionInfo(e.action);
      assert.ok(info, `${e.action} has a catalogue entry`);
      actions.add(e.action);
      const where = e.client === null ? "platform" : "school";
      assert.ok(
        info.audience === where || info.audience === "both",
        `${e.action} recorded in a ${where} trail, catalogued as ${info.audience}`,
      );
    }
    assert.ok(actions.size >= 15, [...actions].join(", "));
  });
});

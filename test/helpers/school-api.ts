// The school API (the REST contract §6) as the school suites call it: a caller (host + Bearer token or
// X-API-KEY), schools seeded with their default roles and an Admin, objects of every kind written
// straight into the database, API keys minted through the app's own code, and row snapshots for
// "the database is unchanged" assertions.
import assert from "node:assert/strict";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { request, type ApiResponse } from "./api";
import { makePlatformUser, makeSchoolUser, makeTenant, schoolLogin, sql, unique } from "./fixtures";

export const SCHOOL = "/api/v1/school";

export const RESOURCES = ["users", "roles", "students", "classes"] as const;
export type Resource = (typeof RESOURCES)[number];
export const ACTIONS = ["view", "add", "change", "delete"] as const;
export const ALL_PERMISSIONS = RESOURCES.flatMap((r) => ACTIONS.map((a) => `${r}.${a}`)).sort();
const every = (r: Resource) => ACTIONS.map((a) => `${r}.${a}`);

/** The default roles of the REST contract §6, written out independently of the app's catalogue. */
export const DEFAULT_ROLE_PERMISSIONS: Record<string, string[]> = {
  Admin: ALL_PERMISSIONS,
  Head: ["users.view", "roles.view", ...every("students"), ...every("classes")].sort(),
  Teacher: ["classes.view", "students.view"],
  Office: [...every("students"), "classes.view", "users.view"].sort(),
};

/** Who is calling: a tenant host and a Bearer token or an API key (or neither). */
export interface Caller {
  host: string;
  token?: string;
  key?: string;
}

export function call<T = any>(
  caller: Caller,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  return request<T>(method, `${SCHOOL}${path}`, {
    host: caller.host,
    token: caller.token,
    body,
    headers: { ...(caller.key ? { "x-api-key": caller.key } : {}), ...headers },
  });
}

/** `caller` on another host (e.g. B's credentials sent to A's host). */
export const onHost = (caller: Caller, host: string): Caller => ({ ...caller, host });

// ---------------------------------------------------------------------------------------------
// Schools and staff.

export type Tenant = Awaited<ReturnType<typeof makeTenant>>;

export interface Staff {
  id: string;
  email: string;
  token: string;
  refresh: string;
  caller: Caller;
}

export interface School extends Tenant {
  /** Ids of the seeded default roles by name. */
  roles: Record<string, string>;
  admin: Staff;
}

export async function roleIds(tenantId: string): Promise<Record<string, string>> {
  const { rows } = await sql().query("SELECT id, name FROM school_roles WHERE client_id = $1", [tenantId]);
  return Object.fromEntries(rows.map((r) => [r.name, r.id]));
}

/** A school user holding `roleNames` (default roles or ones inserted before), logged in on the school's host. */
export async function makeStaff(tenant: Tenant, roleNames: string[] = []): Promise<Staff> {
  const user = await makeSchoolUser(tenant.id, roleNames);
  const session = await schoolLogin(tenant.host, user.email);
  return {
    id: user.id,
    email: user.email,
    token: session.access,
    refresh: session.refresh,
    caller: { host: tenant.host, token: session.access },
  };
}

/** A logged-in user holding exactly `permissions`, through one custom role made for them. */
export async function makeStaffWith(tenant: Tenant, permissions: string[]): Promise<Staff & { roleId: string }> {
  const name = unique("Custom ");
  const roleId = await insertRole(tenant.id, { name, permissions });
  const staff = await makeStaff(tenant, [name]);
  return { ...staff, roleId };
}

/** A fresh school with its default roles and one Admin (its only full admin), logged in. */
export async function makeSchool(): Promise<School> {
  const tenant = await makeTenant();
  const admin = await makeStaff(tenant, ["Admin"]);
  return { ...tenant, roles: await roleIds(tenant.id), admin };
}

// ---------------------------------------------------------------------------------------------
// Objects written straight into the database (as the owner role), for tests that need them to
// exist without going through the API under test.

export async function insertRole(
  tenantId: string,
  o: { name?: string; permissions?: string[]; description?: string } = {},
): Promise<string> {
  const { rows } = await sql().query(
    "INSERT INTO school_roles (id, client_id, name, description, permissions) VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING id",
    [tenantId, o.name ?? unique("Role "), o.description ?? "", o.permissions ?? []],
  );
  return rows[0].id;
}

export async function insertAssignment(
  tenantId: string,
  userId: string,
  roleId: string,
  term: { startsAt?: Date | null; endsAt?: Date | null } = {},
): Promise<string> {
  const { rows } = await sql().query(
    `INSERT INTO user_role_assignments (id, client_id, user_id, role_id, starts_at, ends_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5) RETURNING id`,
    [tenantId, userId, roleId, term.startsAt ?? null, term.endsAt ?? null],
  );
  return rows[0].id;
}

export async function insertClass(tenantId: string, o: { name?: string; grade?: number; teacherId?: string | null } = {}): Promise<string> {
  const { rows } = await sql().query(
    "INSERT INTO classes (id, client_id, name, grade, teacher_id) VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING id",
    [tenantId, o.name ?? unique("Class "), o.grade ?? 5, o.teacherId ?? null],
  );
  return rows[0].id;
}

export async function insertStudent(
  tenantId: string,
  o: { firstName?: string; lastName?: string; admissionNumber?: string; classId?: string | null; dateOfBirth?: string | null } = {},
): Promise<string> {
  const { rows } = await sql().query(
    `INSERT INTO students (id, client_id, first_name, last_name, admission_number, class_id, date_of_birth)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      tenantId,
      o.firstName ?? "Ada",
      o.lastName ?? unique("Lovelace"),
      o.admissionNumber ?? unique("ADM-"),
      o.classId ?? null,
      o.dateOfBirth ?? null,
    ],
  );
  return rows[0].id;
}

/** A staff user with no role and no session (a target, not a caller). */
export async function insertStaffUser(tenantId: string, roleNames: string[] = []): Promise<string> {
  return (await makeSchoolUser(tenantId, roleNames)).id;
}

// ---------------------------------------------------------------------------------------------
// API keys, minted by a platform superadmin through lib/api-keys (as POST /system/api-keys/ does).

let keyMinter: Promise<Awaited<ReturnType<typeof makePlatformUser>>> | undefined;

export async function makeKey(clientId: string | null, scopes: string[]): Promise<{ id: string; key: string }> {
  keyMinter ??= makePlatformUser("superadmin");
  const user = await keyMinter;
  const created = await createApiKey({
    key: { name: unique("key "), client: clientId, scopes },
    actor: {
      principal: { kind: "user", user: { ...user, clientId: null, platformRole: "superadmin" }, sessionId: user.id },
      origin: { ip: null, userAgent: null, requestId: null },
    },
  });
  return { id: created.id, key: created.key };
}

// ---------------------------------------------------------------------------------------------
// Database look-ups for assertions.

export const TABLES = {
  users: "users",
  roles: "school_roles",
  students: "students",
  classes: "classes",
  "role-assignments": "user_role_assignments",
} as const;
export type Kind = keyof typeof TABLES;

/** The whole row (every column), or undefined when there is none. */
export async function row(kind: Kind, id: string): Promise<Record<string, unknown> | undefined> {
  const { rows } = await sql().query(`SELECT * FROM ${TABLES[kind]} WHERE id = $1`, [id]);
  return rows[0];
}

export async function countIn(kind: Kind, tenantId: string): Promise<number> {
  const { rows } = await sql().query(`SELECT count(*)::int AS n FROM ${TABLES[kind]} WHERE client_id = $1`, [tenantId]);
  return rows[0].n;
}

/** Every row a tenant owns in the school tables, for "nothing changed" comparisons. */
export async function tenantSnapshot(tenantId: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of [...Object.values(TABLES), "teacher_profiles", "refresh_families"]) {
    const order = table === "teacher_profiles" ? "user_id" : "id";
    const { rows } = await sql().query(`SELECT * FROM ${table} WHERE client_id = $1 ORDER BY ${order}`, [tenantId]);
    out[table] = rows;
  }
  return out;
}

/**
 * Active users of the tenant whose roles together hold every permission (computed independently),
 * through grants that are live now and have no end.
 */
export async function fullAdmins(tenantId: string): Promise<string[]> {
  const { rows } = await sql().query(
    `SELECT u.id FROM users u
       JOIN user_role_assignments a ON a.user_id = u.id
       JOIN school_roles r ON r.id = a.role_id
       CROSS JOIN LATERAL unnest(r.permissions) AS p(codename)
      WHERE u.client_id = $1 AND u.is_active AND (a.starts_at IS NULL OR a.starts_at <= now()) AND a.ends_at IS NULL
      GROUP BY u.id
     HAVING count(DISTINCT p.codename) FILTER (WHERE p.codename = ANY($2::text[])) = $3`,
    [tenantId, ALL_PERMISSIONS, ALL_PERMISSIONS.length],
  );
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Response assertions.

const show = (res: ApiResponse) => `${res.status} ${res.text.slice(0, 300)}`;

export function assertStatus(res: ApiResponse, status: number, what = ""): void {
  assert.equal(res.status, status, `${what}: expected ${status}, got ${show(res)}`);
}

export function assertError(res: ApiResponse, status: number, code: string, what = ""): void {
  assertStatus(res, status, what);
  assert.equal(typeof res.body?.detail, "string", `${what}: error has a detail`);
  assert.equal(res.body.code, code, `${what}: code`);
}

export const assertDenied = (res: ApiResponse, what = "") => assertError(res, 403, "permission_denied", what);

/** 400 `invalid` naming `field` in `errors`. */
export function assertFieldError(res: ApiResponse, field: string, what = ""): void {
  assertError(res, 400, "invalid", what);
  assert.ok(
    Array.isArray(res.body.errors?.[field]) && res.body.errors[field].length > 0,
    `${what}: errors.${field} in ${res.text.slice(0, 300)}`,
  );
}

export function assertPage(body: any, what = ""): void {
  assert.deepEqual(Object.keys(body ?? {}).sort(), ["count", "next", "previous", "results"], `${what}: page shape`);
  assert.equal(typeof body.count, "number");
  assert.ok(Array.isArray(body.results));
}

export const ROLE_FIELDS = ["description", "id", "is_system", "name", "permissions", "user_count"];
export const STUDENT_FIELDS = ["admission_number", "class", "date_of_birth", "first_name", "id", "last_name"];
export const CLASS_FIELDS = ["grade", "id", "name", "teacher"];
export const ASSIGNMENT_FIELDS = ["created_at", "ends_at", "id", "role", "starts_at", "user"];

/** Every page of a list, concatenated (page_size 200). */
export async function listAll(caller: Caller, path: string): Promise<any[]> {
  const out: any[] = [];
  for (let page = 1; ; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const res = await call(caller, "GET", `${path}${sep}page_size=200&page=${page}`);
    assertStatus(res, 200, `GET ${path} page ${page}`);
    out.push(...res.body.results);
    if (!res.body.next) return out;
  }
}

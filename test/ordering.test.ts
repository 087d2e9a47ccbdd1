// ?ordering= on every list (DRF's OrderingFilter): a field, -field for descending, several
// comma-separated. Each list is seeded with rows whose values are ranked so that every ordering
// asked for gives a different sequence from the default one (checked, so the test cannot pass by
// ignoring the parameter), and the results are compared, page by page through `next`, with the
// order the decisions promise: the fields asked for, then the list's default order, then the id;
// NULLs last in either direction. Bad values are a 400 naming `ordering` and the allowed fields.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { get, request, type ApiResponse } from "./helpers/api";
import { makePlatformUser, makeSchoolUser, makeTenant, randomPhone, sql, unique } from "./helpers/fixtures";
import { platformSession } from "./helpers/system-api";
import {
  assertError,
  assertFieldError,
  call,
  insertClass,
  insertRole,
  insertStudent,
  makeKey,
  makeSchool,
  makeStaffWith,
  type School,
} from "./helpers/school-api";

type Direction = "asc" | "desc";
type Key = [field: string, direction: Direction];
type Rank = number | null;

/** A seeded row: its id and, per sortable field, where its value ranks (null: no value). */
interface Row {
  id: string;
  ranks: Record<string, Rank>;
}

interface Seeded {
  rows: Row[];
  /** The list's URL (path and query), narrowed to the seeded rows by a filter where others exist. */
  base: string;
  /** GET a path-and-query as a caller allowed to read the list. */
  fetch: (pathAndQuery: string) => Promise<ApiResponse>;
}

interface ListCase {
  title: string;
  fields: readonly string[];
  /** The fields that may be empty, and the response field that shows it. */
  nullable?: readonly string[];
  /** The order the list has always had without ?ordering=, ending in the id. */
  defaults: Key[];
  /** Orderings of several fields, each giving another order than its first field alone. */
  multi: string[];
  seed(): Promise<Seeded>;
}

const letter = (rank: number) => String.fromCharCode(97 + rank);
// Text ranks share a prefix and differ in one lower-case letter, so any collation orders them alike.
const text = (prefix: string, rank: Rank) => (rank === null ? null : `${prefix}${letter(rank)}`);
const day = (year: number, rank: Rank) => (rank === null ? null : new Date(Date.UTC(year, 0, 1 + rank)).toISOString());
const date = (rank: Rank) => (rank === null ? null : `2010-01-${String(1 + rank).padStart(2, "0")}`);

/**
 * Gives the rows made (`made`, their ids) their ranks: row i of `table` is written by `write(id, i)`.
 * Rows are matched to ids so that the ids run against the list's default order: a list that broke
 * ties by the id alone, skipping the default order, would answer otherwise.
 */
async function rank(made: string[], table: Record<string, Rank[]>, defaults: Key[], write: (id: string, i: number) => Promise<unknown>) {
  const placeholders = made.map((_, i) => ({ id: String(i).padStart(4, "0"), ranks: ranksOf(table, i) }));
  const byDefault = expected(placeholders, [], [...defaults.filter(([f]) => f !== "id"), ["id", "asc"]]).map(Number);
  const ascending = [...made].sort(); // PostgreSQL orders uuids as their lower-case text
  const againstDefault = defaults[defaults.length - 1][1] === "asc" ? ascending.reverse() : ascending;
  const ids: string[] = [];
  byDefault.forEach((row, j) => {
    ids[row] = againstDefault[j];
  });
  for (const [i, id] of ids.entries()) await write(id, i);
  return ids.map((id, i) => ({ id, ranks: ranksOf(table, i) }));
}

const ranksOf = (table: Record<string, Rank[]>, i: number) => Object.fromEntries(Object.entries(table).map(([f, ranks]) => [f, ranks[i]]));

/** `n` rows made one after another. */
async function make(n: number, one: () => Promise<string>): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await one());
  return ids;
}

function keysOf(ordering: string): Key[] {
  return ordering.split(",").map((item) => (item.startsWith("-") ? [item.slice(1), "desc"] : [item, "asc"]));
}

/**
 * The order the decisions promise, worked out independently of the server: the keys asked for,
 * then the default order's keys not named (in their directions), the id last; NULLs last either way.
 */
function expected(rows: Row[], asked: Key[], defaults: Key[]): string[] {
  const keys = [...asked, ...defaults.filter(([f]) => !asked.some(([g]) => g === f))];
  const compare = (a: Row, b: Row): number => {
    for (const [field, direction] of keys) {
      const sign = direction === "asc" ? 1 : -1;
      if (field === "id") {
        if (a.id !== b.id) return (a.id < b.id ? -1 : 1) * sign;
        continue;
      }
      const [x, y] = [a.ranks[field], b.ranks[field]];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x - y) * sign;
    }
    return 0;
  };
  return [...rows].sort(compare).map((r) => r.id);
}

/** Every page of `url` with page_size=2, following `next` as a client would; the ids in order. */
async function walk(seeded: Seeded, url: string): Promise<any[]> {
  const results: any[] = [];
  let next: string | null = url;
  for (let pages = 0; next !== null; pages++) {
    assert.ok(pages < 10, `${url}: too many pages`);
    const res = await seeded.fetch(next);
    assert.equal(res.status, 200, `${next}: ${res.text.slice(0, 300)}`);
    assert.equal(res.body.count, seeded.rows.length, `${next}: count`);
    results.push(...res.body.results);
    next = res.body.next === null ? null : new URL(res.body.next).pathname + new URL(res.body.next).search;
    if (next !== null && url.includes("ordering=")) assert.ok(next.includes("ordering="), `${next}: next keeps the ordering asked for`);
  }
  return results;
}

const withQuery = (base: string, query: string) => `${base}${base.includes("?") ? "&" : "?"}${query}`;

// -----------------------------------------------------------------------------------------------
// The lists.

// The default orders, as the lists have always had them.
const NEWEST_KEY_FIRST: Key[] = [
  ["created_at", "desc"],
  ["id", "desc"],
];
const OLDEST_ACCOUNT_FIRST: Key[] = [
  ["date_joined", "asc"],
  ["id", "asc"],
];
const NEWEST_FIRST: Key[] = [
  ["at", "desc"],
  ["id", "desc"],
];
const BY_FULL_NAME: Key[] = [
  ["full_name", "asc"],
  ["id", "asc"],
];
const BY_NAME: Key[] = [
  ["name", "asc"],
  ["id", "asc"],
];
const BY_GRADE_AND_NAME: Key[] = [
  ["grade", "asc"],
  ["name", "asc"],
  ["id", "asc"],
];
const BY_LAST_AND_FIRST_NAME: Key[] = [
  ["last_name", "asc"],
  ["first_name", "asc"],
  ["id", "asc"],
];

const USER_FIELDS = ["full_name", "email", "date_joined", "last_login"] as const;

/** Users (platform staff or a school's) given names, emails, join and login times by rank. */
function rankUsers(made: string[], tag: string, defaults: Key[], table: Record<(typeof USER_FIELDS)[number], Rank[]>) {
  return rank(made, table, defaults, (id, i) => {
    const email = text(`${tag}.`, table.email[i]);
    // A user without an email has a phone (the users_email_or_phone check).
    return sql().query(
      "UPDATE users SET full_name = $2, email = $3, phone = COALESCE($4, phone), date_joined = $5, last_login = $6 WHERE id = $1",
      [
        id,
        text(`${tag} `, table.full_name[i]),
        email && `${email}@example.org`,
        email === null ? randomPhone().e164 : null,
        day(2020, table.date_joined[i]),
        day(2021, table.last_login[i]),
      ],
    );
  });
}

// Platform staff and a school's users from the console: oldest account first.
const OLDEST_FIRST_USERS = {
  date_joined: [0, 1, 2, 3, 4],
  full_name: [1, 0, 1, 2, 0],
  email: [2, null, 0, 1, null],
  last_login: [null, 3, 1, 1, 0],
};

// Audit events, two pairs of them in the same instant.
const AUDIT_RANKS = { at: [0, 1, 1, 2, 0] };

function rankEvents(schoolId: string) {
  const insert = async () =>
    (
      await sql().query("INSERT INTO audit_events (id, client_id, action) VALUES (gen_random_uuid(), $1, 'test.ordering') RETURNING id", [
        schoolId,
      ])
    ).rows[0].id as string;
  return make(5, insert).then((made) =>
    rank(made, AUDIT_RANKS, NEWEST_FIRST, (id, i) =>
      sql().query("UPDATE audit_events SET at = $2 WHERE id = $1", [id, day(2020, AUDIT_RANKS.at[i])]),
    ),
  );
}

function schoolFetch(school: School) {
  return (url: string) => request("GET", url, { host: school.host, token: school.admin.token });
}

/** The students list, read unfiltered (its prepared statements) or with a search (plain SQL). */
function studentsCase(title: string, filtered: boolean): ListCase {
  return {
    title,
    fields: ["last_name", "first_name", "admission_number", "date_of_birth"],
    nullable: ["date_of_birth"],
    defaults: BY_LAST_AND_FIRST_NAME,
    multi: ["first_name,-last_name", "-date_of_birth,-admission_number"],
    async seed() {
      const school = await makeSchool();
      const tag = unique("o");
      // Rows 0 and 2 tie on both names: the id decides between them.
      const table = {
        last_name: [1, 0, 1, 2, 0, 1],
        first_name: [0, 1, 0, 1, 0, 2],
        admission_number: [3, 5, 0, 4, 1, 2],
        date_of_birth: [1, null, 0, 1, null, 2],
      };
      const made = await make(6, () => insertStudent(school.id));
      const rows = await rank(made, table, BY_LAST_AND_FIRST_NAME, (id, i) =>
        sql().query("UPDATE students SET last_name = $2, first_name = $3, admission_number = $4, date_of_birth = $5 WHERE id = $1", [
          id,
          text(`${tag} `, table.last_name[i]),
          text("Pupil ", table.first_name[i]),
          text(`${tag}-`, table.admission_number[i]),
          date(table.date_of_birth[i]),
        ]),
      );
      return { rows, base: filtered ? `/api/v1/school/students/?search=${tag}` : "/api/v1/school/students/", fetch: schoolFetch(school) };
    },
  };
}

// Each rank table is chosen so that every single-field ordering (but the default's own) and every
// multi-field one differs from what the list answers without it (the tests check that too).
const CASES: ListCase[] = [
  {
    title: "GET /system/clients/",
    fields: ["name", "slug", "created_at"],
    defaults: NEWEST_KEY_FIRST,
    multi: ["name,created_at", "-name,-slug"],
    async seed() {
      const admin = await platformSession("support");
      const tag = unique("o");
      const table = { created_at: [0, 1, 2, 3, 4], name: [1, 1, 0, 2, 0], slug: [2, 0, 4, 1, 3] };
      const made = await make(5, async () => (await makeTenant({ name: `${tag} x` })).id);
      const rows = await rank(made, table, NEWEST_KEY_FIRST, (id, i) =>
        sql().query("UPDATE clients SET name = $2, slug = $3, created_at = $4 WHERE id = $1", [
          id,
          text(`${tag} `, table.name[i]),
          text(`${tag}-`, table.slug[i]),
          day(2020, table.created_at[i]),
        ]),
      );
      return { rows, base: `/api/v1/system/clients/?search=${tag}`, fetch: (url) => get(url, admin.as) };
    },
  },
  {
    title: "GET /system/users/",
    fields: USER_FIELDS,
    nullable: ["email", "last_login"],
    defaults: OLDEST_ACCOUNT_FIRST,
    multi: ["last_login,-full_name", "-full_name,email"],
    async seed() {
      const admin = await platformSession("support");
      const tag = unique("o");
      const made = await make(5, async () => (await makePlatformUser("support")).id);
      const rows = await rankUsers(made, tag, OLDEST_ACCOUNT_FIRST, OLDEST_FIRST_USERS);
      return { rows, base: `/api/v1/system/users/?search=${tag}`, fetch: (url) => get(url, admin.as) };
    },
  },
  {
    title: "GET /system/clients/{id}/users/",
    fields: USER_FIELDS,
    nullable: ["email", "last_login"],
    defaults: OLDEST_ACCOUNT_FIRST,
    multi: ["last_login,-full_name", "-full_name,email"],
    async seed() {
      const admin = await platformSession("support");
      const tenant = await makeTenant();
      const made = await make(5, async () => (await makeSchoolUser(tenant.id, [])).id);
      const rows = await rankUsers(made, unique("o"), OLDEST_ACCOUNT_FIRST, OLDEST_FIRST_USERS);
      return { rows, base: `/api/v1/system/clients/${tenant.id}/users/`, fetch: (url) => get(url, admin.as) };
    },
  },
  {
    title: "GET /system/api-keys/",
    fields: ["name", "created_at", "last_used_at", "expires_at"],
    nullable: ["last_used_at", "expires_at"],
    defaults: NEWEST_KEY_FIRST,
    multi: ["name,created_at", "expires_at,-last_used_at"],
    async seed() {
      const admin = await platformSession("support");
      const tenant = await makeTenant();
      const table = {
        created_at: [0, 1, 2, 3, 4],
        name: [0, 1, 0, 2, 1],
        last_used_at: [null, 2, 0, null, 1],
        expires_at: [1, null, 1, 0, null],
      };
      const made = await make(5, async () => (await makeKey(tenant.id, ["*"])).id);
      const rows = await rank(made, table, NEWEST_KEY_FIRST, (id, i) =>
        sql().query("UPDATE api_keys SET name = $2, created_at = $3, last_used_at = $4, expires_at = $5 WHERE id = $1", [
          id,
          text("key ", table.name[i]),
          day(2020, table.created_at[i]),
          day(2021, table.last_used_at[i]),
          day(2100, table.expires_at[i]),
        ]),
      );
      return { rows, base: `/api/v1/system/api-keys/?client=${tenant.id}`, fetch: (url) => get(url, admin.as) };
    },
  },
  {
    title: "GET /system/audit/",
    fields: ["at"],
    defaults: NEWEST_FIRST,
    multi: [],
    async seed() {
      const admin = await platformSession("support");
      const tenant = await makeTenant();
      const rows = await rankEvents(tenant.id);
      return { rows, base: `/api/v1/system/audit/?client=${tenant.id}&action=test.ordering`, fetch: (url) => get(url, admin.as) };
    },
  },
  {
    title: "GET /school/users/",
    fields: USER_FIELDS,
    nullable: ["email", "last_login"],
    defaults: BY_FULL_NAME,
    multi: ["date_joined,-full_name", "-last_login,email"],
    async seed() {
      const school = await makeSchool();
      const tag = unique("o");
      const made = await make(5, async () => (await makeSchoolUser(school.id, [])).id);
      const rows = await rankUsers(made, tag, BY_FULL_NAME, {
        full_name: [2, 0, 3, 1, 4],
        date_joined: [0, 0, 1, 2, 2],
        email: [1, null, 0, 2, null],
        last_login: [1, null, 1, 0, null],
      });
      return { rows, base: `/api/v1/school/users/?search=${tag}`, fetch: schoolFetch(school) };
    },
  },
  {
    title: "GET /school/roles/",
    fields: ["name"],
    defaults: BY_NAME,
    multi: [],
    async seed() {
      const school = await makeSchool();
      const tag = unique("o");
      const table = { name: [2, 0, 3, 1, 4] };
      const made = await make(5, () => insertRole(school.id, { name: unique(`${tag} `) }));
      const rows = await rank(made, table, BY_NAME, (id, i) =>
        sql().query("UPDATE school_roles SET name = $2 WHERE id = $1", [id, text(`${tag} `, table.name[i])]),
      );
      return { rows, base: `/api/v1/school/roles/?search=${tag}`, fetch: schoolFetch(school) };
    },
  },
  studentsCase("GET /school/students/ (the prepared, unfiltered read)", false),
  studentsCase("GET /school/students/?search= (the filtered read)", true),
  {
    title: "GET /school/classes/",
    fields: ["name", "grade"],
    defaults: BY_GRADE_AND_NAME,
    multi: ["grade,-name", "-name,-grade"],
    async seed() {
      const school = await makeSchool();
      const tag = unique("o");
      // Rows 0 and 2 tie on both grade and name: the id decides between them.
      const table = { grade: [1, 0, 1, 2, 1], name: [0, 2, 0, 1, 1] };
      const made = await make(5, () => insertClass(school.id));
      const rows = await rank(made, table, BY_GRADE_AND_NAME, (id, i) =>
        sql().query("UPDATE classes SET name = $2, grade = $3 WHERE id = $1", [id, text(`${tag} `, table.name[i]), table.grade[i]]),
      );
      return { rows, base: "/api/v1/school/classes/", fetch: schoolFetch(school) };
    },
  },
  {
    title: "GET /school/audit/",
    fields: ["at"],
    defaults: NEWEST_FIRST,
    multi: [],
    async seed() {
      const school = await makeSchool();
      const rows = await rankEvents(school.id);
      return { rows, base: "/api/v1/school/audit/?action=test.ordering", fetch: schoolFetch(school) };
    },
  },
];

// -----------------------------------------------------------------------------------------------

for (const list of CASES) {
  describe(`${list.title} ?ordering=`, () => {
    let seeded: Seeded;
    let byDefault: string[];
    before(async () => {
      seeded = await list.seed();
      byDefault = expected(seeded.rows, [], list.defaults);
    });

    const ids = (results: any[]) => results.map((r) => r.id);
    const isDefaultPrefix = (keys: Key[]) => keys.every(([f, d], i) => list.defaults[i]?.[0] === f && list.defaults[i]?.[1] === d);

    it("without it, or empty: the default order, unchanged", async () => {
      assert.deepEqual(ids(await walk(seeded, seeded.base)), byDefault, "no ordering");
      assert.deepEqual(ids(await walk(seeded, withQuery(seeded.base, "ordering="))), byDefault, "ordering=");
    });

    for (const field of list.fields) {
      for (const ordering of [field, `-${field}`]) {
        it(`ordering=${ordering}: that order, then the default's, page by page without overlap`, async () => {
          const keys = keysOf(ordering);
          const want = expected(seeded.rows, keys, list.defaults);
          if (!isDefaultPrefix(keys)) assert.notDeepEqual(want, byDefault, "the data must tell this order from the default");
          const ranks = seeded.rows.map((r) => r.ranks[field]);
          const tieBreakers = list.defaults.filter(([f]) => f !== field && f !== "id");
          if (new Set(ranks).size < ranks.length && tieBreakers.length > 0) {
            const idOnly = expected(seeded.rows, keys, [list.defaults[list.defaults.length - 1]]);
            assert.notDeepEqual(want, idOnly, "the data must tell the default order's tie-break from the id's alone");
          }
          const results = await walk(seeded, withQuery(seeded.base, `ordering=${ordering}`));
          assert.equal(new Set(ids(results)).size, results.length, "no row on two pages");
          assert.deepEqual(ids(results), want);
          if (list.nullable?.includes(field)) {
            // NULLs last, read straight off the answer (not through the model above).
            const values = results.map((r) => r[field]);
            const firstNull = values.indexOf(null);
            assert.ok(firstNull > 0, `${field}: the data has values and nulls`);
            assert.ok(
              values.slice(firstNull).every((v) => v === null),
              `${ordering}: nulls last, got ${JSON.stringify(values)}`,
            );
          }
        });
      }
    }

    for (const ordering of list.multi) {
      it(`ordering=${ordering}: several fields, in the order given`, async () => {
        const keys = keysOf(ordering);
        const want = expected(seeded.rows, keys, list.defaults);
        assert.notDeepEqual(want, expected(seeded.rows, keys.slice(0, 1), list.defaults), "the second field must matter");
        assert.deepEqual(ids(await walk(seeded, withQuery(seeded.base, `ordering=${encodeURIComponent(ordering)}`))), want);
      });
    }

    it("a bad value is a 400 naming ordering and the allowed fields", async () => {
      const [f, g = f] = list.fields;
      const bad = [
        "bogus",
        "id",
        "-id",
        `,${f}`,
        `${f},`,
        `${f},,${g}`,
        ",",
        "%20,%20",
        "-",
        `--${f}`,
        `%2B${f}`,
        f.toUpperCase(),
        `${f},${f}`,
        `${f},-${f}`,
        `${f}.x`,
        `${f}%20desc`,
        `${f};DROP%20TABLE%20users`,
        `${f}'`,
        "%E2%9C%93",
      ];
      for (const value of bad) {
        const url = withQuery(seeded.base, `ordering=${value}`);
        const res = await seeded.fetch(url);
        assertFieldError(res, "ordering", url);
        const message = res.body.errors.ordering.join(" ");
        for (const field of list.fields) assert.ok(message.includes(field), `${url}: "${message}" names ${field}`);
      }
    });

    it("a control character is a 400 naming ordering, as in every parameter", async () => {
      const f = list.fields[0];
      for (const value of [`${f}%00`, `%01${f}`, `${f}%0A`, `%09${f}`, `${f}%7F`, `${f},%0D-${f}`]) {
        const url = withQuery(seeded.base, `ordering=${value}`);
        assertFieldError(await seeded.fetch(url), "ordering", url);
      }
    });
  });
}

describe("?ordering= details", () => {
  let school: School;
  before(async () => {
    school = await makeSchool();
    for (const [last, first] of [
      ["b", "x"],
      ["a", "y"],
      ["c", "z"],
    ])
      await insertStudent(school.id, { lastName: `Name${last}`, firstName: first });
  });

  it("spaces around the fields are ignored, as DRF strips them", async () => {
    const res = await call(school.admin.caller, "GET", "/students/?ordering=%20-last_name%20,%20first_name");
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.results.map((s: any) => s.last_name),
      ["Namec", "Nameb", "Namea"],
    );
  });

  it("an API key reads the same order (the key's one-round-trip statement)", async () => {
    const { key } = await makeKey(school.id, ["students.view"]);
    const res = await call({ host: school.host, key }, "GET", "/students/?ordering=-first_name");
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.results.map((s: any) => s.first_name),
      ["z", "y", "x"],
    );
    assertFieldError(await call({ host: school.host, key }, "GET", "/students/?ordering=nope"), "ordering");
  });

  it("the credentials and the permission answer before a bad ordering", async () => {
    const viewer = await makeStaffWith(school, []);
    assertError(await call({ host: school.host }, "GET", "/students/?ordering=nope"), 401, "not_authenticated");
    assertError(await call({ host: school.host, token: "x.y.z" }, "GET", "/students/?ordering=nope"), 401, "token_not_valid");
    assertError(await call(viewer.caller, "GET", "/students/?ordering=nope"), 403, "permission_denied");
    assertError(await get("/api/v1/system/clients/?ordering=nope"), 401, "not_authenticated");
  });

  it("the OpenAPI document shows ordering on every list, naming its fields", async () => {
    const doc = (await get("/api/v1/openapi.json")).body;
    const lists: [string, readonly string[]][] = [
      ["/api/v1/system/clients/", ["name", "slug", "created_at"]],
      ["/api/v1/system/users/", USER_FIELDS],
      ["/api/v1/system/clients/{id}/users/", USER_FIELDS],
      ["/api/v1/system/api-keys/", ["name", "created_at", "last_used_at", "expires_at"]],
      ["/api/v1/system/audit/", ["at"]],
      ["/api/v1/school/users/", USER_FIELDS],
      ["/api/v1/school/roles/", ["name"]],
      ["/api/v1/school/students/", ["last_name", "first_name", "admission_number", "date_of_birth"]],
      ["/api/v1/school/classes/", ["name", "grade"]],
      ["/api/v1/school/audit/", ["at"]],
    ];
    for (const [path, fields] of lists) {
      const parameter = doc.paths[path]?.get?.parameters?.find((p: any) => p.in === "query" && p.name === "ordering");
      assert.ok(parameter, `${path}: an ordering parameter`);
      assert.notEqual(parameter.required, true, path);
      for (const field of fields)
        assert.ok(String(parameter.description).includes(field), `${path}: ${parameter.description} names ${field}`);
    }
  });
});

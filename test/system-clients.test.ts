// the REST contract §5 "tenants" — /api/v1/system/clients/: DRF pagination (§1), search and filters,
// create (slug and domain rules, default roles of §6), read, change, suspend (§2: 403
// tenant_inactive for tokens, login and API keys), delete (nothing of the school left), and who
// may do which.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { get, post, request } from "./helpers/api";
import { ISO_UTC } from "./helpers/auth-assertions";
import { PASSWORD, makeSchoolUser, makeTenant, schoolLogin, sql, unique } from "./helpers/fixtures";
import {
  BAD_IDS,
  CLIENTS,
  CLIENT_FIELDS,
  PERMISSIONS_URL,
  allPages,
  assertError,
  assertInvalidField,
  assertPage,
  clientPath,
  clientUsersPath,
  createClient,
  createKey,
  del,
  linkPath,
  newSlug,
  patch,
  platformSession,
  schoolSession,
  withKey,
} from "./helpers/system-api";

type Session = Awaited<ReturnType<typeof platformSession>>;

const ME = "/api/v1/school/auth/me/";
const SCHOOL_LOGIN = "/api/v1/school/auth/login/";

async function clientRow(id: string) {
  const { rows } = await sql().query("SELECT id, name, slug, is_active, created_at FROM clients WHERE id = $1", [id]);
  return rows[0] as { id: string; name: string; slug: string; is_active: boolean; created_at: Date } | undefined;
}

async function domainsInDb(id: string) {
  const { rows } = await sql().query("SELECT domain FROM client_domains WHERE client_id = $1 ORDER BY domain", [id]);
  return rows.map((r) => r.domain as string);
}

function assertTenantShape(t: any) {
  assert.deepEqual(Object.keys(t).sort(), CLIENT_FIELDS);
  assert.equal(typeof t.id, "string");
  assert.ok(t.id.length > 0);
  assert.equal(typeof t.name, "string");
  assert.equal(typeof t.is_active, "boolean");
  assert.ok(Array.isArray(t.domains));
  assert.match(t.created_at, ISO_UTC);
}

describe("GET /clients/ — list shape and DRF pagination", () => {
  let admin: Session;
  const marker = unique("pg");
  let ids: string[] = [];
  const list = (query: string) => get(`${CLIENTS}?search=${marker}${query}`, admin.as);

  before(async () => {
    admin = await platformSession();
    // 201 schools (one more than the largest page) named after this suite's marker.
    const { rows } = await sql().query(
      `INSERT INTO clients (id, name, slug) SELECT gen_random_uuid(), 'Paging ' || $1 || ' ' || n, $1 || '-' || n
       FROM generate_series(1, 201) AS n RETURNING id`,
      [marker],
    );
    ids = rows.map((r) => r.id);
  });

  it("answers exactly {count, next, previous, results} of Tenants", async () => {
    const page = assertPage(await list("&page_size=5"));
    assert.equal(page.count, 201);
    assert.equal(page.results.length, 5);
    assert.equal(page.previous, null);
    assert.equal(typeof page.next, "string");
    for (const t of page.results) assertTenantShape(t);
  });
  it("the default page size is 50", async () => {
    const page = assertPage(await list(""));
    assert.equal(page.count, 201);
    assert.equal(page.results.length, 50);
  });
  for (const size of ["0", "abc", "-1", "", "1.5"]) {
    it(`page_size=${size || "(empty)"} falls back to 50`, async () => {
      const page = assertPage(await list(`&page_size=${size}`));
      assert.equal(page.results.length, 50);
    });
  }
  it("page_size=200 is honoured; 201 and 100000 are capped at 200", async () => {
    for (const size of ["200", "201", "100000"]) {
      const page = assertPage(await list(`&page_size=${size}`));
      assert.equal(page.results.length, 200, `page_size=${size}`);
      assert.equal(page.count, 201);
      assert.ok(page.next, "a second page exists");
    }
  });
  for (const bad of ["0", "abc", "-1", "1.5", "2x"]) {
    it(`page=${bad} → 404 "Invalid page."`, async () => {
      const res = await list(`&page=${bad}`);
      assertError(res, 404, "not_found");
      assert.equal(res.body.detail, "Invalid page.");
    });
  }
  it('a page past the last → 404 "Invalid page."; the last one is served', async () => {
    const last = assertPage(await list("&page=5"));
    assert.equal(last.results.length, 1);
    assert.equal(last.next, null);
    const past = await list("&page=6");
    assertError(past, 404, "not_found");
    assert.equal(past.body.detail, "Invalid page.");
    assertError(await list("&page=999999999"), 404, "not_found");
  });
  it("next and previous are absolute URLs that keep the query; walking them visits every row once", async () => {
    const first = assertPage(await list("&page_size=60"));
    const next = new URL(first.next!);
    assert.equal(next.searchParams.get("page"), "2");
    assert.equal(next.searchParams.get("page_size"), "60");
    assert.equal(next.searchParams.get("search"), marker);
    const second = assertPage(await get(linkPath(first.next!), admin.as));
    assert.ok(second.previous, "page 2 has a previous link");
    const previous = new URL(second.previous!);
    assert.equal(previous.searchParams.get("page"), null, "page 1 is linked without ?page= (DRF)");
    assert.equal(previous.searchParams.get("page_size"), "60");
    const third = assertPage(await get(linkPath(second.next!), admin.as));
    assert.equal(new URL(third.previous!).searchParams.get("page"), "2");
    const seen = await allPages(`${CLIENTS}?search=${marker}&page_size=60`, admin.as);
    assert.equal(seen.length, 201);
    assert.deepEqual(new Set(seen.map((t) => t.id)), new Set(ids));
  });
  it("an empty result is page 1 with count 0; page 2 of it is 404", async () => {
    const page = assertPage(await get(`${CLIENTS}?search=${unique("none")}`, admin.as));
    assert.deepEqual(page, { count: 0, next: null, previous: null, results: [] });
    assertError(await get(`${CLIENTS}?search=${unique("none")}&page=2`, admin.as), 404, "not_found");
  });
  it("newest first", async () => {
    const m = unique("order");
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createClient(admin.as, { name: `Order ${m} ${i}` }));
    const page = assertPage(await get(`${CLIENTS}?search=${m}`, admin.as));
    assert.deepEqual(
      page.results.map((t) => t.id),
      made.map((t) => t.id).reverse(),
    );
  });
});

describe("GET /clients/ — ?search= and ?is_active=", () => {
  let admin: Session;
  before(async () => {
    admin = await platformSession();
  });

  it("finds a school by part of its name (any case), its slug, or one of its domains", async () => {
    const m = unique("find");
    const domain = `portal.${m}.example.edu`;
    const target = await createClient(admin.as, { name: `Saint ${m.toUpperCase()} Academy`, domains: [domain] });
    await createClient(admin.as); // a bystander
    for (const q of [m, m.toUpperCase(), target.slug, `portal.${m}`, domain.toUpperCase()]) {
      const page = assertPage(await get(`${CLIENTS}?search=${encodeURIComponent(q)}`, admin.as));
      assert.deepEqual(
        page.results.map((t) => t.id),
        [target.id],
        `search=${q}`,
      );
    }
  });
  it("search text is literal: '_' and '%' are not wildcards", async () => {
    const m = unique("lit");
    await createClient(admin.as, { name: `Literal ${m}` });
    for (const q of [`${m.slice(0, -1)}_`, `${m}%`, `${m.slice(0, 3)}%${m.slice(4)}`]) {
      const page = assertPage(await get(`${CLIENTS}?search=${encodeURIComponent(q)}`, admin.as));
      assert.equal(page.count, 0, `search=${q} matched ${JSON.stringify(page.results.map((t) => t.name))}`);
    }
  });
  it("?is_active=true|false filters by status", async () => {
    const m = unique("status");
    const active = await createClient(admin.as, { name: `Active ${m}` });
    const suspended = await createClient(admin.as, { name: `Suspended ${m}` });
    assert.equal((await patch(clientPath(suspended.id), { is_active: false }, admin.as)).status, 200);
    const onlySuspended = assertPage(await get(`${CLIENTS}?search=${m}&is_active=false`, admin.as));
    assert.deepEqual(
      onlySuspended.results.map((t) => t.id),
      [suspended.id],
    );
    assert.equal(onlySuspended.results[0].is_active, false);
    const onlyActive = assertPage(await get(`${CLIENTS}?search=${m}&is_active=true`, admin.as));
    assert.deepEqual(
      onlyActive.results.map((t) => t.id),
      [active.id],
    );
    const both = assertPage(await get(`${CLIENTS}?search=${m}`, admin.as));
    assert.equal(both.count, 2);
  });
});

describe("POST /clients/ — create", () => {
  let admin: Session;
  before(async () => {
    admin = await platformSession();
  });

  it("201 with exactly the Tenant fields; the row is in the database; GET by id answers the same", async () => {
    const slug = newSlug();
    const res = await post(
      CLIENTS,
      { name: "  Riverside Primary  ", slug, domains: ["Portal.Riverside.example.edu", "a.riverside.example.edu"] },
      admin.as,
    );
    assert.equal(res.status, 201, res.text);
    const t = res.body;
    assertTenantShape(t);
    assert.equal(t.name, "Riverside Primary");
    assert.equal(t.slug, slug);
    assert.equal(t.is_active, true);
    assert.deepEqual(t.domains, ["a.riverside.example.edu", "portal.riverside.example.edu"]);
    assert.ok(Math.abs(Date.parse(t.created_at) - Date.now()) < 10 * 60_000, "created_at is now-ish");
    const row = await clientRow(t.id);
    assert.ok(row);
    assert.equal(row.slug, slug);
    assert.equal(row.is_active, true);
    assert.deepEqual(await domainsInDb(t.id), t.domains);
    const again = await get(clientPath(t.id), admin.as);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, t);
  });

  it("seeds exactly the default roles of §6, all is_system, held by nobody", async () => {
    const t = await createClient(admin.as);
    const { rows } = await sql().query("SELECT id, name, permissions, is_system FROM school_roles WHERE client_id = $1", [t.id]);
    const roles = Object.fromEntries(rows.map((r) => [r.name, [...r.permissions].sort()]));
    const crud = (res: string) => ["add", "change", "delete", "view"].map((a) => `${res}.${a}`);
    const all = ["users", "roles", "students", "classes"].flatMap(crud).sort();
    assert.equal(all.length, 16);
    assert.deepEqual(roles, {
      Admin: all,
      Head: [...new Set(["users.view", "roles.view", ...crud("students"), ...crud("classes")])].sort(),
      Teacher: ["classes.view", "students.view"],
      Office: [...crud("students"), "classes.view", "users.view"].sort(),
    });
    assert.equal(rows.length, 4);
    assert.ok(
      rows.every((r) => r.is_system === true),
      "every default role is_system",
    );
    const held = await sql().query("SELECT count(*)::int AS n FROM user_role_assignments WHERE client_id = $1", [t.id]);
    assert.equal(held.rows[0].n, 0);
  });

  it("a platform_admin may create a school", async () => {
    const pa = await platformSession("platform_admin");
    await createClient(pa.as);
  });

  it("id and created_at in the body are ignored (no mass assignment)", async () => {
    const forcedId = "00000000-0000-4000-8000-00000000abcd";
    const res = await post(CLIENTS, { name: "Forged", slug: newSlug(), id: forcedId, created_at: "2001-01-01T00:00:00Z" }, admin.as);
    assert.equal(res.status, 201, res.text);
    assert.notEqual(res.body.id, forcedId);
    assert.notEqual(res.body.created_at, "2001-01-01T00:00:00.000Z");
    assert.equal(await clientRow(forcedId), undefined);
    assert.ok((await clientRow(res.body.id))!.created_at.getFullYear() > 2001);
  });

  const nameCases: [string, unknown][] = [
    ["missing", undefined],
    ["blank", "   "],
    ["a number", 42],
    ["over 200 characters", "n".repeat(201)],
  ];
  for (const [what, name] of nameCases) {
    it(`a ${what} name → 400 errors.name`, async () => {
      const slug = newSlug();
      assertError(await post(CLIENTS, { name, slug }, admin.as), 400, "invalid", "name");
      assert.equal((await sql().query("SELECT 1 FROM clients WHERE slug = $1", [slug])).rowCount, 0);
    });
  }

  // Slug rules: 3–63 of a-z, 0-9, '-', not starting or ending with '-', not reserved.
  const badSlugs: [string, unknown][] = [
    ["too short (2)", "ab"],
    ["too long (64)", "a".repeat(64)],
    ["empty", ""],
    ["leading '-'", "-abc"],
    ["trailing '-'", "abc-"],
    ["only hyphens", "---"],
    ["underscore", "ab_cd"],
    ["a dot", "ab.cd"],
    ["a space inside", "ab cd"],
    ["reserved www", "www"],
    ["reserved api", "api"],
    ["reserved admin", "admin"],
    ["reserved app", "app"],
    ["reserved static", "static"],
    ["reserved, upper-cased", "WWW"],
    ["unicode letters", "école-centrale"],
    ["cyrillic", "школа"],
    ["an emoji", "school-🎓"],
    ["a NUL byte", "ab\u0000cd"],
    ["a slash", "ab/cd"],
    ["a number", 12345],
    ["null", null],
  ];
  for (const [what, slug] of badSlugs) {
    it(`slug ${what} → 400 errors.slug`, async () => {
      assertError(await post(CLIENTS, { name: `Bad slug ${what}`, slug }, admin.as), 400, "invalid", "slug");
    });
  }
  it("slug boundaries: 3 and 63 characters are accepted", async () => {
    const three = `z${String(Math.floor(Math.random() * 90) + 10)}`;
    const t3 = await createClient(admin.as, { slug: three });
    assert.equal(t3.slug, three);
    const long = `${unique("l")}-${"x".repeat(63)}`.slice(0, 63);
    const t63 = await createClient(admin.as, { slug: long });
    assert.equal(t63.slug.length, 63);
  });
  it("an upper-case slug is normalised to lower case (hosts compare case-insensitively), and then is unique", async () => {
    const slug = newSlug();
    const t = await createClient(admin.as, { slug: `  ${slug.toUpperCase()} ` });
    assert.equal(t.slug, slug);
    assert.equal((await clientRow(t.id))!.slug, slug);
    assertError(await post(CLIENTS, { name: "Same, lower", slug }, admin.as), 409, "conflict", "slug");
  });
  it("a duplicate slug → 409 errors.slug, and no second school", async () => {
    const t = await createClient(admin.as);
    assertError(await post(CLIENTS, { name: "Twin", slug: t.slug }, admin.as), 409, "conflict", "slug");
    const { rows } = await sql().query("SELECT count(*)::int AS n FROM clients WHERE slug = $1", [t.slug]);
    assert.equal(rows[0].n, 1);
  });

  const badDomains: [string, unknown][] = [
    ["not a domain name", ["not a domain"]],
    ["a URL", ["https://portal.example.edu/"]],
    ["a single label", ["intranet"]],
    ["a leading hyphen label", ["-bad.example.edu"]],
    ["an empty label", ["a..example.edu"]],
    ["with a port", ["portal.example.edu:8080"]],
    ["under the root domain", ["x.localhost"]],
    ["the root domain itself", ["localhost"]],
    ["deep under the root domain", ["a.b.localhost"]],
    ["repeated in the list", ["dup.example.edu", "dup.example.edu"]],
    ["repeated in another case", ["dup.example.edu", "DUP.Example.EDU"]],
    ["a string, not a list", "portal.example.edu"],
    ["a NUL byte", ["portal\u0000.example.edu"]],
  ];
  for (const [what, domains] of badDomains) {
    it(`domains ${what} → 400 naming domains; nothing created`, async () => {
      const slug = newSlug();
      assertInvalidField(await post(CLIENTS, { name: "Bad domains", slug, domains }, admin.as), "domains");
      assert.equal((await sql().query("SELECT 1 FROM clients WHERE slug = $1", [slug])).rowCount, 0);
    });
  }
  it("a domain another school owns → 409 errors.domains (also in another case); nothing created", async () => {
    const domain = `${unique("taken")}.example.edu`;
    await createClient(admin.as, { domains: [domain] });
    for (const d of [domain, domain.toUpperCase()]) {
      const slug = newSlug();
      assertError(
        await post(CLIENTS, { name: "Second", slug, domains: [`free-${slug}.example.edu`, d] }, admin.as),
        409,
        "conflict",
        "domains",
      );
      assert.equal((await sql().query("SELECT 1 FROM clients WHERE slug = $1", [slug])).rowCount, 0);
    }
  });
});

describe("GET, PATCH, DELETE /clients/{id}/", () => {
  let admin: Session;
  before(async () => {
    admin = await platformSession();
  });

  for (const [what, id] of BAD_IDS) {
    it(`${what} as id → 404 for GET, PATCH, DELETE and /users/`, async () => {
      for (const method of ["GET", "PATCH", "DELETE"]) {
        const res = await request(method, clientPath(id), { ...admin.as, body: method === "PATCH" ? { name: "x" } : undefined });
        assertError(res, 404, "not_found");
      }
      assertError(await get(clientUsersPath(id), admin.as), 404, "not_found");
    });
  }

  it("PATCH name changes only the name", async () => {
    const t = await createClient(admin.as, { domains: [`${unique("n")}.example.edu`] });
    const res = await patch(clientPath(t.id), { name: "Renamed School" }, admin.as);
    assert.equal(res.status, 200, res.text);
    assertTenantShape(res.body);
    assert.deepEqual(res.body, {
      id: t.id,
      name: "Renamed School",
      slug: t.slug,
      is_active: true,
      domains: t.domains,
      mfa_required: false,
      created_at: t.created_at,
    });
    assert.equal((await clientRow(t.id))!.name, "Renamed School");
  });
  it("PATCH domains replaces the whole list; [] clears it; the new domain serves the school", async () => {
    const m = unique("d");
    const t = await createClient(admin.as, { domains: [`old.${m}.example.edu`, `keep.${m}.example.edu`] });
    const res = await patch(clientPath(t.id), { domains: [`keep.${m}.example.edu`, `New.${m}.example.edu`] }, admin.as);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.domains, [`keep.${m}.example.edu`, `new.${m}.example.edu`]);
    assert.deepEqual(await domainsInDb(t.id), res.body.domains);
    const user = await makeSchoolUser(t.id, ["Teacher"]);
    const viaNew = await post(SCHOOL_LOGIN, { identifier: user.email, password: PASSWORD }, { host: `new.${m}.example.edu` });
    assert.equal(viaNew.status, 200, viaNew.text);
    assertError(
      await post(SCHOOL_LOGIN, { identifier: user.email, password: PASSWORD }, { host: `old.${m}.example.edu` }),
      404,
      "tenant_not_found",
    );
    const cleared = await patch(clientPath(t.id), { domains: [] }, admin.as);
    assert.equal(cleared.status, 200);
    assert.deepEqual(cleared.body.domains, []);
    assert.deepEqual(await domainsInDb(t.id), []);
  });
  it("PATCH to a domain another school owns → 409 errors.domains, and the school's domains are unchanged", async () => {
    const m = unique("c");
    const other = await createClient(admin.as, { domains: [`${m}.example.edu`] });
    const t = await createClient(admin.as, { domains: [`mine.${m}.example.org`] });
    assertError(
      await patch(clientPath(t.id), { domains: [`other.${m}.example.org`, `${m}.example.edu`] }, admin.as),
      409,
      "conflict",
      "domains",
    );
    assert.deepEqual(await domainsInDb(t.id), [`mine.${m}.example.org`]);
    assert.deepEqual(await domainsInDb(other.id), [`${m}.example.edu`]);
  });
  const badPatches: [string, Record<string, unknown>, string][] = [
    ["a blank name", { name: "" }, "name"],
    ["is_active as a string", { is_active: "no" }, "is_active"],
    ["is_active null", { is_active: null }, "is_active"],
    ["an invalid domain", { domains: ["bad domain"] }, "domains"],
    ["a domain under the root", { domains: ["x.localhost"] }, "domains"],
    ["repeated domains", { domains: ["r.example.edu", "r.example.edu"] }, "domains"],
  ];
  for (const [what, body, field] of badPatches) {
    it(`PATCH with ${what} → 400 naming ${field}; nothing changes`, async () => {
      const t = await createClient(admin.as);
      assertInvalidField(await patch(clientPath(t.id), body, admin.as), field);
      const row = await clientRow(t.id);
      assert.equal(row!.name, t.name);
      assert.equal(row!.is_active, true);
    });
  }
  it("PATCH ignores id and created_at (no mass assignment)", async () => {
    const t = await createClient(admin.as);
    const res = await patch(
      clientPath(t.id),
      { id: "00000000-0000-4000-8000-00000000beef", created_at: "2001-01-01T00:00:00Z", name: "Still me" },
      admin.as,
    );
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.id, t.id);
    assert.equal(res.body.created_at, t.created_at);
    assert.equal((await clientRow(t.id))!.created_at.toISOString(), t.created_at);
  });
  it("PATCH {} changes nothing", async () => {
    const t = await createClient(admin.as);
    const res = await patch(clientPath(t.id), {}, admin.as);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, {
      id: t.id,
      name: t.name,
      slug: t.slug,
      is_active: true,
      domains: [],
      mfa_required: false,
      created_at: t.created_at,
    });
  });
});

describe('PATCH {"is_active": false} suspends a school at once; true reactivates it', () => {
  it("existing token → 403 tenant_inactive, login → 403, API key → 403; reactivated → all work again", async () => {
    const admin = await platformSession();
    const t = await createClient(admin.as);
    const staff = await schoolSession(t, ["Teacher"]);
    const { key } = await createKey(admin.as, { client: t.id, scopes: ["*"] });
    const login = () => post(SCHOOL_LOGIN, { identifier: staff.user.email, password: PASSWORD }, { host: t.host });
    const viaHeader = () => get(ME, { token: staff.access, headers: { "x-tenant": t.slug } });

    assert.equal((await get(ME, { host: t.host, ...staff.as })).status, 200);
    assert.equal((await get(PERMISSIONS_URL, withKey(key, t.host))).status, 200);

    const suspended = await patch(clientPath(t.id), { is_active: false }, admin.as);
    assert.equal(suspended.status, 200, suspended.text);
    assert.equal(suspended.body.is_active, false);
    assert.equal((await clientRow(t.id))!.is_active, false);

    assertError(await get(ME, { host: t.host, ...staff.as }), 403, "tenant_inactive");
    assertError(await viaHeader(), 403, "tenant_inactive");
    assertError(await get(ME, staff.as), 403, "tenant_inactive"); // tenant from the token
    assertError(await login(), 403, "tenant_inactive");
    assertError(await post("/api/v1/school/auth/refresh/", { refresh: staff.refresh }, { host: t.host }), 403, "tenant_inactive");
    assertError(await get(PERMISSIONS_URL, withKey(key, t.host)), 403, "tenant_inactive");
    assertError(await get(PERMISSIONS_URL, withKey(key, undefined, { "x-tenant": t.slug })), 403, "tenant_inactive");
    // The school still exists for the platform.
    assert.equal((await get(clientPath(t.id), admin.as)).body.is_active, false);

    const reactivated = await patch(clientPath(t.id), { is_active: true }, admin.as);
    assert.equal(reactivated.status, 200);
    assert.equal(reactivated.body.is_active, true);
    assert.equal((await get(ME, { host: t.host, ...staff.as })).status, 200, "the old token works again");
    assert.equal((await login()).status, 200);
    assert.equal((await get(PERMISSIONS_URL, withKey(key, t.host))).status, 200);
  });
  it("a global API key is refused on a suspended school only", async () => {
    const admin = await platformSession();
    const a = await createClient(admin.as);
    const b = await createClient(admin.as);
    const { key } = await createKey(admin.as, { client: null, scopes: ["*"] });
    assert.equal((await patch(clientPath(a.id), { is_active: false }, admin.as)).status, 200);
    assertError(await get(PERMISSIONS_URL, withKey(key, a.host)), 403, "tenant_inactive");
    assert.equal((await get(PERMISSIONS_URL, withKey(key, b.host))).status, 200);
  });
});

describe("DELETE /clients/{id}/", () => {
  it("204, and nothing of the school is left; one audit event client.deleted without a client", async () => {
    const admin = await platformSession();
    const t = await createClient(admin.as, { domains: [`${unique("del")}.example.edu`] });
    // Give the school some of everything: users with roles and a teacher profile, sessions, keys, audit events.
    const created = await post(
      clientUsersPath(t.id),
      {
        email: `${unique("teach")}@example.org`,
        password: PASSWORD,
        full_name: "T",
        roles: ["Teacher", "Office"],
        teacher: { employee_number: "E-1", subjects: ["Maths"] },
      },
      admin.as,
    );
    assert.equal(created.status, 201, created.text);
    await schoolLogin(t.host, created.body.email);
    const staff = await schoolSession(t, ["Admin"]);
    await createKey(admin.as, { client: t.id, scopes: ["students.view"] });
    await post(SCHOOL_LOGIN, { identifier: created.body.email, password: "wrong-password" }, { host: t.host });
    const userIds = [created.body.id, staff.user.id];

    const perTable = async () => {
      const counts: Record<string, number> = {};
      for (const table of [
        "clients",
        "users",
        "school_roles",
        "user_role_assignments",
        "teacher_profiles",
        "refresh_families",
        "refresh_tokens",
        "api_keys",
        "client_domains",
        "audit_events",
      ]) {
        const column = table === "clients" ? "id" : "client_id";
        const { rows } = await sql().query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [t.id]);
        counts[table] = rows[0].n;
      }
      return counts;
    };
    const before = await perTable();
    for (const [table, n] of Object.entries(before)) assert.ok(n > 0, `fixture has ${table} rows`);

    const res = await del(clientPath(t.id), admin.as);
    assert.equal(res.status, 204, res.text);
    assert.equal(res.text, "");

    const after = await perTable();
    assert.deepEqual(after, Object.fromEntries(Object.keys(before).map((k) => [k, 0])));
    const users = await sql().query("SELECT count(*)::int AS n FROM users WHERE id = ANY($1::uuid[])", [userIds]);
    assert.equal(users.rows[0].n, 0);
    const families = await sql().query("SELECT count(*)::int AS n FROM refresh_families WHERE user_id = ANY($1::uuid[])", [userIds]);
    assert.equal(families.rows[0].n, 0);

    const { rows: events } = await sql().query(
      "SELECT action, client_id, actor_user_id, target_type FROM audit_events WHERE target_id = $1 AND action = 'client.deleted'",
      [t.id],
    );
    assert.deepEqual(events, [{ action: "client.deleted", client_id: null, actor_user_id: admin.user.id, target_type: "client" }]);

    assertError(await get(clientPath(t.id), admin.as), 404, "not_found");
    assertError(await del(clientPath(t.id), admin.as), 404, "not_found");
    assertError(await get(ME, { host: t.host, ...staff.as }), 404, "tenant_not_found");
    // Its slug and domain are free again.
    const reborn = await createClient(admin.as, { slug: t.slug, domains: t.domains });
    assert.notEqual(reborn.id, t.id);
  });
  it("a platform_admin may delete; other schools are untouched", async () => {
    const pa = await platformSession("platform_admin");
    const keep = await makeTenant();
    const t = await createClient(pa.as);
    assert.equal((await del(clientPath(t.id), pa.as)).status, 204);
    assert.ok(await clientRow(keep.id));
    const roles = await sql().query("SELECT count(*)::int AS n FROM school_roles WHERE client_id = $1", [keep.id]);
    assert.equal(roles.rows[0].n, 4);
  });
});

describe("who may use /clients/", () => {
  it("support reads (list, one) but POST, PATCH, DELETE are 403 and change nothing", async () => {
    const admin = await platformSession();
    const support = await platformSession("support");
    const t = await createClient(admin.as);
    assertPage(await get(CLIENTS, support.as));
    const one = await get(clientPath(t.id), support.as);
    assert.equal(one.status, 200);
    assert.equal(one.body.id, t.id);
    const slug = newSlug();
    assertError(await post(CLIENTS, { name: "By support", slug }, support.as), 403, "permission_denied");
    assertError(await patch(clientPath(t.id), { name: "By support", is_active: false }, support.as), 403, "permission_denied");
    assertError(await del(clientPath(t.id), support.as), 403, "permission_denied");
    assert.equal((await sql().query("SELECT 1 FROM clients WHERE slug = $1", [slug])).rowCount, 0);
    const row = await clientRow(t.id);
    assert.equal(row!.name, t.name);
    assert.equal(row!.is_active, true);
  });
  it("a school user's token → 401, no token → 401", async () => {
    const t = await makeTenant();
    const staff = await schoolSession(t, ["Admin"]);
    for (const o of [staff.as, { ...staff.as, headers: { "x-tenant": t.slug } }]) {
      assertError(await get(CLIENTS, o), 401, "token_not_valid");
      assertError(await post(CLIENTS, { name: "x", slug: newSlug() }, o), 401, "token_not_valid");
      assertError(await get(clientPath(t.id), o), 401, "token_not_valid");
    }
    assertError(await get(CLIENTS), 401, "not_authenticated");
    assertError(await post(CLIENTS, { name: "x", slug: newSlug() }), 401, "not_authenticated");
  });
  it("on a tenant host (subdomain or custom domain) the endpoints do not exist: 404", async () => {
    const admin = await platformSession();
    const domain = `${unique("host")}.example.edu`;
    const t = await createClient(admin.as, { domains: [domain] });
    for (const host of [t.host, domain]) {
      const o = { ...admin.as, host };
      assertError(await get(CLIENTS, o), 404, "not_found");
      assertError(await get(clientPath(t.id), o), 404, "not_found");
      const slug = newSlug();
      assertError(await post(CLIENTS, { name: "x", slug }, o), 404, "not_found");
      assertError(await patch(clientPath(t.id), { name: "x" }, o), 404, "not_found");
      assertError(await del(clientPath(t.id), o), 404, "not_found");
      assert.equal((await sql().query("SELECT 1 FROM clients WHERE slug = $1", [slug])).rowCount, 0);
    }
    assert.ok(await clientRow(t.id));
  });
  it("PUT is 405 with Allow", async () => {
    const admin = await platformSession();
    const t = await createClient(admin.as);
    const res = await request("PUT", clientPath(t.id), { ...admin.as, body: { name: "x" } });
    assertError(res, 405, "method_not_allowed");
    assert.match(String(res.headers.allow), /PATCH/);
  });
});

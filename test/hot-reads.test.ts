// The hand-written one-round-trip SQL (the data-access rule of ARCHITECTURE.md) answers exactly
// what the OpenAPI document shows: each hot read's and write's answer is checked against the same
// zod output schema the document is made from — no field missing, none extra, every type right.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import type { z } from "zod";
import { StudentOut } from "@/lib/school/school-schemas";
import { SchoolLoginOut, SchoolProfile } from "@/lib/school/profile";
import { SystemLoginOut } from "@/lib/auth/auth-schemas";
import { MeOut, UserOut } from "@/lib/users/user-schemas";
import { get, post } from "./helpers/api";
import { makePlatformUser, PASSWORD } from "./helpers/fixtures";
import { call, insertClass, insertStudent, makeKey, makeSchool, type School } from "./helpers/school-api";

/** Parses `value` with `schema`, refusing any key the schema does not name (at every level given). */
function assertShape(schema: z.ZodObject, value: unknown, what: string) {
  const parsed = schema.strict().safeParse(value);
  assert.ok(parsed.success, `${what}: ${parsed.success ? "" : JSON.stringify(parsed.error.issues).slice(0, 600)}`);
}

function assertPageOf(item: z.ZodObject, body: any, what: string) {
  assert.deepEqual(Object.keys(body).sort(), ["count", "next", "previous", "results"], what);
  assert.ok(Array.isArray(body.results) && body.results.length > 0, `${what}: results to check`);
  for (const row of body.results) assertShape(item, row, `${what}: a row`);
}

describe("hot reads answer what the OpenAPI document shows", () => {
  let school: School;
  let key: string;
  before(async () => {
    school = await makeSchool();
    const klass = await insertClass(school.id, { name: "7B", grade: 7 });
    await insertStudent(school.id, { classId: klass, dateOfBirth: "2014-02-03" });
    await insertStudent(school.id, {});
    key = (await makeKey(school.id, ["*"])).key;
  });

  it("GET /school/students/ (Bearer, the one-round-trip read): StudentOut rows", async () => {
    assertPageOf(StudentOut, (await call(school.admin.caller, "GET", "/students/")).body, "students by token");
    assertPageOf(StudentOut, (await call(school.admin.caller, "GET", "/students/?search=a&page_size=1")).body, "filtered, paged");
  });

  it("GET /school/students/ (API key): StudentOut rows", async () => {
    assertPageOf(StudentOut, (await call({ host: school.host, key }, "GET", "/students/")).body, "students by key");
  });

  it("POST /school/students/ (the one-message write): a StudentOut", async () => {
    const res = await call(school.admin.caller, "POST", "/students/", {
      first_name: "Hot",
      last_name: "Write",
      admission_number: `HW-${Date.now()}`,
      date_of_birth: "2013-05-06",
    });
    assert.equal(res.status, 201, res.text);
    assertShape(StudentOut, res.body, "created student");
    assert.equal(res.body.date_of_birth, "2013-05-06");
  });

  it("GET /school/auth/me/ and POST /school/auth/login/ (the profile read): SchoolProfile", async () => {
    const me = await call(school.admin.caller, "GET", "/auth/me/");
    assert.equal(me.status, 200, me.text);
    assertShape(SchoolProfile, me.body, "me");
    assertShape(UserOut, me.body.user, "me.user");
    const login = await post("/api/v1/school/auth/login/", { identifier: school.admin.email, password: PASSWORD }, { host: school.host });
    assert.equal(login.status, 200, login.text);
    assertShape(SchoolLoginOut, login.body, "school login");
  });

  it("POST /system/auth/login/ and GET /system/auth/me/ (the login's user read): UserOut, MeOut", async () => {
    const admin = await makePlatformUser("support");
    const login = await post("/api/v1/system/auth/login/", { identifier: admin.email, password: PASSWORD });
    assert.equal(login.status, 200, login.text);
    assertShape(SystemLoginOut, login.body, "system login");
    assertShape(UserOut, login.body.user, "system login user");
    const me = await get("/api/v1/system/auth/me/", { token: login.body.access });
    assertShape(MeOut, me.body, "system me");
  });
});

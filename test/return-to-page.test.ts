// Sign-in returns you to the page you were on: a page that needs a session redirects to sign-in
// with `?next=` holding the page's path and query; the sign-in page accepts only a same-origin path
// of its own app (no open redirect). The browser tests follow a sign-in through to the page.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { get } from "./helpers/api";
import { makeTenant } from "./helpers/fixtures";
import { safeReturnPath, signInHref } from "@/lib/pages/return-path";

describe("safeReturnPath: same-origin paths only", () => {
  const console_ = { fallback: "/console", within: "/console", signIn: "/console/sign-in" };
  const portal = { fallback: "/profile", signIn: "/sign-in" };

  it("keeps a path of the app, with its query and fragment", () => {
    assert.equal(safeReturnPath("/console/schools?search=oak&page=2", console_), "/console/schools?search=oak&page=2");
    assert.equal(safeReturnPath("/console", console_), "/console");
    assert.equal(safeReturnPath("/students?class=null#top", portal), "/students?class=null#top");
    assert.equal(safeReturnPath(["/classes", "/staff"], portal), "/classes", "the first of repeated values");
  });

  it("refuses anything that could leave the site, and falls back", () => {
    for (const hostile of [
      "https://evil.example/console",
      "//evil.example/console",
      "/\\evil.example",
      "\\\\evil.example",
      "/console\\..\\x",
      "javascript:alert(1)",
      "/console/\u0000x",
      "/console/\nx",
      " /console",
      "console/schools",
      "",
      `/console/${"a".repeat(3000)}`,
    ]) {
      assert.equal(safeReturnPath(hostile, console_), "/console", JSON.stringify(hostile));
    }
    assert.equal(safeReturnPath(undefined, portal), "/profile");
    assert.equal(safeReturnPath(null, portal), "/profile");
  });

  it("stays inside its app and never returns to sign-in, the API or Next.js internals", () => {
    assert.equal(safeReturnPath("/docs", console_), "/console", "outside /console");
    assert.equal(safeReturnPath("/consoleX", console_), "/console", "a prefix is not a folder");
    assert.equal(safeReturnPath("/console/sign-in?next=/console/audit", console_), "/console");
    assert.equal(safeReturnPath("/sign-in", portal), "/profile");
    assert.equal(safeReturnPath("/api/v1/school/students/", portal), "/profile");
    assert.equal(safeReturnPath("/_next/static/x.js", portal), "/profile");
    assert.equal(safeReturnPath("/console/../docs", console_), "/console", "dot segments are resolved first");
  });

  it("signInHref carries the path, encoded", () => {
    assert.equal(signInHref("/sign-in", "/students?search=a b&class=x"), "/sign-in?next=%2Fstudents%3Fsearch%3Da%20b%26class%3Dx");
    assert.equal(signInHref("/sign-in", "/"), "/sign-in");
    assert.equal(signInHref("/sign-in", null), "/sign-in");
  });
});

describe("pages send a signed-out user to sign-in and back", () => {
  it("a console page redirects to the console's sign-in with the page as next", async () => {
    const res = await get("/console/schools?search=oak");
    assert.equal(res.status, 307, res.text.slice(0, 200));
    assert.equal(res.headers.location, "/console/sign-in?next=%2Fconsole%2Fschools%3Fsearch%3Doak");
  });

  it("a client cannot plant its own path header", async () => {
    const res = await get("/console/audit", { headers: { "x-sms-path": "https://evil.example/" } });
    assert.equal(res.status, 307);
    assert.equal(res.headers.location, "/console/sign-in?next=%2Fconsole%2Faudit");
  });

  it("a portal page redirects to its school's sign-in with the page as next", async () => {
    const school = await makeTenant();
    const res = await get("/students?class=null", { host: school.host });
    assert.equal(res.status, 307, res.text.slice(0, 200));
    assert.equal(res.headers.location, "/sign-in?next=%2Fstudents%3Fclass%3Dnull");
  });
});

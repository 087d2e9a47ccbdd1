// the REST contract §1 — general HTTP rules: trailing slashes, methods, media types, sizes, error shape.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { get, post, request } from "./helpers/api";
import { makePlatformUser, systemLogin } from "./helpers/fixtures";

const LOGIN = "/api/v1/system/auth/login";

function assertErrorShape(body: any, code: string) {
  assert.equal(typeof body.detail, "string");
  assert.equal(body.code, code);
}

describe("trailing slash is optional, never a redirect", () => {
  let admin: Awaited<ReturnType<typeof makePlatformUser>>;
  before(async () => {
    admin = await makePlatformUser();
  });

  for (const path of [LOGIN, `${LOGIN}/`]) {
    it(`POST ${path} answers directly`, async () => {
      const res = await post(path, { identifier: admin.email, password: admin.password });
      assert.equal(res.status, 200);
      assert.ok(res.body.access);
    });
  }
  for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
    for (const path of [LOGIN, `${LOGIN}/`]) {
      it(`${method} ${path} is 405 with Allow, not 3xx`, async () => {
        const res = await request(method, path);
        assert.equal(res.status, 405);
        assert.equal(res.headers.allow, "POST");
        assertErrorShape(res.body, "method_not_allowed");
      });
    }
  }
  it("GET /me/ and /me both reach the handler", async () => {
    const { access } = await systemLogin(admin.email);
    for (const path of ["/api/v1/system/auth/me", "/api/v1/system/auth/me/"]) {
      const res = await get(path, { token: access });
      assert.equal(res.status, 200, path);
      assert.equal(res.body.email, admin.email);
    }
  });
  it("an unknown API path is a JSON 404", async () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      for (const path of ["/api/v1/no/such/thing/", "/api/v1", "/api/v1/"]) {
        const res = await request(method, path);
        assert.equal(res.status, 404, `${method} ${path}`);
        assertErrorShape(res.body, "not_found");
      }
    }
  });
  it("methods no route serves (TRACE, PROPFIND) are a JSON 405", async () => {
    for (const method of ["TRACE", "PROPFIND"]) {
      for (const path of ["/api/health", `${LOGIN}/`]) {
        const res = await request(method, path);
        assert.equal(res.status, 405, `${method} ${path}`);
        assertErrorShape(res.body, "method_not_allowed");
      }
    }
  });
});

describe("bodies", () => {
  const cases: { name: string; raw: string | Buffer; type?: string; status: number; code: string }[] = [
    { name: "not JSON", raw: "{identifier:", status: 400, code: "invalid" },
    { name: "a JSON array", raw: "[1,2]", status: 400, code: "invalid" },
    { name: "JSON null", raw: "null", status: 400, code: "invalid" },
    { name: "a JSON string", raw: '"hello"', status: 400, code: "invalid" },
    { name: "a JSON number", raw: "42", status: 400, code: "invalid" },
    { name: "invalid UTF-8", raw: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), status: 400, code: "invalid" },
    {
      name: "text/plain content type",
      raw: '{"identifier":"a@b.co","password":"x"}',
      type: "text/plain",
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "form content type",
      raw: "identifier=a&password=b",
      type: "application/x-www-form-urlencoded",
      status: 415,
      code: "unsupported_media_type",
    },
    { name: "no content type", raw: '{"identifier":"a@b.co","password":"x"}', type: "", status: 415, code: "unsupported_media_type" },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}`, async () => {
      const headers: Record<string, string> = {};
      if (c.type !== "") headers["content-type"] = c.type ?? "application/json";
      const res = await request("POST", LOGIN, { raw: c.raw, headers });
      assert.equal(res.status, c.status);
      assertErrorShape(res.body, c.code);
    });
  }
  it("a body nested 100,000 levels deep is a 400, not a crash", async () => {
    const raw = `{"identifier":${"[".repeat(100_000)}${"]".repeat(100_000)},"password":"x"}`;
    const res = await request("POST", LOGIN, { raw, headers: { "content-type": "application/json" } });
    assert.equal(res.status, 400, res.text.slice(0, 200));
    assert.equal(res.body.code, "invalid");
  });
  it("a body over 1 MiB is 413", async () => {
    const raw = JSON.stringify({ identifier: "a@b.co", password: "x", pad: "y".repeat(2 * 1024 * 1024) });
    const res = await request("POST", LOGIN, { raw, headers: { "content-type": "application/json" } });
    assert.equal(res.status, 413);
    assertErrorShape(res.body, "too_large");
  });
  it("application/json with charset is accepted", async () => {
    const res = await request("POST", LOGIN, {
      raw: '{"identifier":"nobody@example.org","password":"whatever1"}',
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    assert.equal(res.status, 401);
  });
  it("an empty body gets field errors", async () => {
    const res = await request("POST", LOGIN, { headers: { "content-type": "application/json" } });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, "invalid");
    assert.ok(res.body.errors.password);
    assert.ok(res.body.errors.identifier);
  });
  const fieldCases: { name: string; body: unknown; field: string }[] = [
    {
      name: "an object where a string belongs (operator injection)",
      body: { identifier: { $ne: null }, password: "x" },
      field: "identifier",
    },
    { name: "an array identifier", body: { identifier: ["a@b.co"], password: "x" }, field: "identifier" },
    { name: "a numeric password", body: { identifier: "a@b.co", password: 12345678 }, field: "password" },
    { name: "a boolean password", body: { identifier: "a@b.co", password: true }, field: "password" },
    { name: "a 10 KB identifier", body: { identifier: `${"a".repeat(10_000)}@b.co`, password: "x" }, field: "identifier" },
    { name: "a password over 128 characters", body: { identifier: "a@b.co", password: "p".repeat(129) }, field: "password" },
    { name: "a NUL byte in the identifier", body: { identifier: "adm\u0000in@example.org", password: "x" }, field: "identifier" },
    { name: "a NUL byte in the password", body: { identifier: "a@b.co", password: "pass\u0000word" }, field: "password" },
    { name: "a blank identifier", body: { identifier: "", password: "x" }, field: "identifier" },
  ];
  for (const c of fieldCases) {
    it(`${c.name} → 400 naming ${c.field}`, async () => {
      const res = await post(LOGIN, c.body);
      assert.equal(res.status, 400);
      assert.equal(res.body.code, "invalid");
      assert.ok(Array.isArray(res.body.errors[c.field]), JSON.stringify(res.body));
    });
  }
});

describe("headers of answers", () => {
  it("token answers carry Cache-Control: no-store", async () => {
    const admin = await makePlatformUser();
    const res = await post(LOGIN, { identifier: admin.email, password: admin.password });
    assert.equal(res.status, 200);
    assert.equal(res.headers["cache-control"], "no-store");
    const refreshed = await post("/api/v1/system/auth/refresh/", { refresh: res.body.refresh });
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.headers["cache-control"], "no-store");
  });
  it("every 401 has WWW-Authenticate", async () => {
    const missing = await get("/api/v1/system/auth/me/");
    assert.equal(missing.status, 401);
    assert.equal(missing.body.code, "not_authenticated");
    assert.ok(missing.headers["www-authenticate"]);
    const bad = await post(LOGIN, { identifier: "nobody@example.org", password: "wrong-password" });
    assert.equal(bad.status, 401);
    assert.ok(bad.headers["www-authenticate"]);
  });
  it("a request id is echoed, or made up", async () => {
    const given = await get("/api/health", { headers: { "x-request-id": "abc-123" } });
    assert.equal(given.headers["x-request-id"], "abc-123");
    const made = await get("/api/health", { headers: { "x-request-id": "bad id with spaces" } });
    assert.match(String(made.headers["x-request-id"]), /^[0-9a-f-]{36}$/);
  });
  it("tokens are never read from the query string", async () => {
    const admin = await makePlatformUser();
    const { access } = await systemLogin(admin.email);
    for (const q of ["access_token", "token", "access", "jwt"]) {
      const res = await get(`/api/v1/system/auth/me/?${q}=${access}`);
      assert.equal(res.status, 401, q);
    }
  });
  it("a malformed Authorization header is 401 not_authenticated", async () => {
    for (const value of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", "Token abc"]) {
      const res = await get("/api/v1/system/auth/me/", { headers: { authorization: value } });
      assert.equal(res.status, 401, value);
      assert.ok(["not_authenticated", "token_not_valid"].includes(res.body.code), value);
    }
  });
});

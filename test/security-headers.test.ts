// Security headers on every answer (hardening issue, item 3): pages, API answers, errors and the
// server's own refusals. Pages may not be framed (clickjacking of the console's dialogs), content
// types are not sniffed, referrers stay on this origin, and scripts run only with the request's nonce.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type http from "node:http";
import { get, request, tenantHost } from "./helpers/api";
import { makeTenant } from "./helpers/fixtures";
import { requestTo, startOwnServer, type OwnServer } from "./helpers/system-api";

function assertCommonHeaders(headers: http.IncomingHttpHeaders, where: string) {
  assert.equal(headers["x-content-type-options"], "nosniff", where);
  assert.equal(headers["x-frame-options"], "DENY", where);
  assert.equal(headers["referrer-policy"], "same-origin", where);
  assert.match(String(headers["content-security-policy"]), /frame-ancestors 'none'/, where);
  assert.equal(headers["strict-transport-security"], undefined, `${where}: no HSTS over plain http`);
}

function assertApiPolicy(headers: http.IncomingHttpHeaders, where: string) {
  assertCommonHeaders(headers, where);
  assert.match(String(headers["content-security-policy"]), /^default-src 'none'/, where);
}

/** The page's policy: scripts need this response's nonce, and every script tag carries it. */
function assertPagePolicy(res: { headers: http.IncomingHttpHeaders; text: string }, where: string): string {
  assertCommonHeaders(res.headers, where);
  const policy = String(res.headers["content-security-policy"]);
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy)?.[1];
  assert.ok(nonce, `${where}: script-src with a nonce in ${policy}`);
  assert.doesNotMatch(policy, /'unsafe-eval'/, `${where}: no eval in production`);
  assert.match(policy, /object-src 'none'/);
  assert.match(policy, /base-uri 'none'/);
  const scripts = res.text.match(/<script\b[^>]*>/g) ?? [];
  assert.ok(scripts.length > 0, `${where}: the page has scripts`);
  for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `${where}: ${tag} carries the nonce`);
  return nonce!;
}

describe("security headers", () => {
  it("API answers: success, 401, 404, 405 and the server's own 413", async () => {
    assertApiPolicy((await get("/api/health")).headers, "health");
    assertApiPolicy((await get("/api/v1/openapi.json")).headers, "openapi");
    assertApiPolicy((await get("/api/v1/system/auth/me/")).headers, "401");
    assertApiPolicy((await get("/api/v1/no-such-thing/")).headers, "404");
    assertApiPolicy((await request("TRACE", "/api/v1/system/auth/me/")).headers, "405 from the server");
    const tooLarge = await request("POST", "/api/v1/system/auth/login/", {
      headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
    });
    assert.equal(tooLarge.status, 413);
    assertApiPolicy(tooLarge.headers, "413 from the server");
    assertApiPolicy((await get("/.well-known/jwks.json")).headers, "jwks");
  });

  it("console pages: a nonce policy, fresh for every response", async () => {
    const first = await get("/console/sign-in");
    assert.equal(first.status, 200);
    const second = await get("/console/sign-in");
    assert.notEqual(assertPagePolicy(first, "console sign-in"), assertPagePolicy(second, "console sign-in again"));
    assertPagePolicy(await get("/"), "front page");
    assertPagePolicy(await get("/docs"), "docs");
  });

  it("school pages and the 404 page", async () => {
    const tenant = await makeTenant();
    const signIn = await get("/sign-in", { host: tenantHost(tenant.slug) });
    assert.equal(signIn.status, 200);
    assertPagePolicy(signIn, "school sign-in");
    const missing = await get("/no-such-page");
    assert.equal(missing.status, 404);
    assertCommonHeaders(missing.headers, "404 page");
  });

  it("HSTS when a trusted proxy says the client came over https", async () => {
    // The test server trusts loopback as a proxy (scripts/test.mjs).
    const res = await get("/api/health", { headers: { "x-forwarded-proto": "https" } });
    assert.equal(res.headers["strict-transport-security"], "max-age=63072000; includeSubDomains");
    const page = await get("/console/sign-in", { headers: { "x-forwarded-proto": "https" } });
    assert.equal(page.headers["strict-transport-security"], "max-age=63072000; includeSubDomains");
  });

  describe("without trusted proxies", () => {
    let server: OwnServer;
    before(async () => {
      server = await startOwnServer({});
    });
    after(async () => {
      await server?.stop();
    });

    it("a client's own X-Forwarded-Proto does not turn HSTS on", async () => {
      const res = await requestTo(server.port, "GET", "/api/health", { headers: { "x-forwarded-proto": "https" } });
      assert.equal(res.status, 200);
      assert.equal(res.headers["strict-transport-security"], undefined);
      assertApiPolicy(res.headers, "health on a server without proxies");
    });
  });
});

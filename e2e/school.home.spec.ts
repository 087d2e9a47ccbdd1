import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";

test("the demo school is served on its own subdomain", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Greenwood High School" })).toBeVisible();
});

test("an unknown school subdomain is a 404", async ({ page, baseURL }) => {
  const response = await page.goto(baseURL!.replace("greenwood.", "no-such-school."));
  expect(response?.status()).toBe(404);
});

test("school login, me, refresh and logout work on the school's host", async ({ page }) => {
  const { school } = demoCredentials();
  await page.goto("/");
  const result = await page.evaluate(async ({ email, password }) => {
    const post = (path: string, body: unknown) =>
      fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const login = await post("/api/v1/school/auth/login/", { email, password });
    const pair = await login.json();
    const me = await fetch("/api/v1/school/auth/me/", { headers: { authorization: `Bearer ${pair.access}` } });
    const profile = await me.json();
    const refreshed = await post("/api/v1/school/auth/refresh/", { refresh: pair.refresh });
    const next = await refreshed.json();
    const logout = await post("/api/v1/school/auth/logout/", { refresh: next.refresh });
    const reuse = await post("/api/v1/school/auth/refresh/", { refresh: next.refresh });
    return {
      login: login.status,
      me: me.status,
      tenant: profile.tenant.slug,
      roles: profile.roles.map((r: { name: string }) => r.name),
      refresh: refreshed.status,
      logout: logout.status,
      reuse: reuse.status,
    };
  }, school);
  expect(result).toEqual({ login: 200, me: 200, tenant: "greenwood", roles: ["Admin"], refresh: 200, logout: 204, reuse: 401 });
});

test("the school's token is refused on another host", async ({ page, baseURL }) => {
  const { school } = demoCredentials();
  await page.goto("/");
  const access = await page.evaluate(async ({ email, password }) => {
    const res = await fetch("/api/v1/school/auth/login/", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    return (await res.json()).access as string;
  }, school);
  // The platform host with the school token: system API refuses a school-audience token.
  const platform = baseURL!.replace("greenwood.", "");
  const response = await page.request.get(`${platform}/api/v1/system/auth/me/`, { headers: { authorization: `Bearer ${access}` } });
  expect(response.status()).toBe(401);
  expect((await response.json()).code).toBe("token_not_valid");
});

import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";

test("the platform home links to a readable API reference", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "SMS platform" })).toBeVisible();
  await page.getByRole("link", { name: "REST API reference" }).click();
  await expect(page).toHaveURL(/\/docs$/);
  await expect(page.getByRole("heading", { level: 2, name: "System auth" })).toBeVisible();
  await expect(page.getByText("/api/v1/school/auth/login/").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Schemas" })).toBeVisible();
});

test("system login, me, refresh and logout work from the platform host over real HTTP", async ({ page }) => {
  const { platform } = demoCredentials();
  await page.goto("/");
  const result = await page.evaluate(async ({ email, password }) => {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(path, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const login = await post("/api/v1/system/auth/login/", { identifier: email, password });
    const pair = await login.json();
    const me = await fetch("/api/v1/system/auth/me/", { headers: { authorization: `Bearer ${pair.access}` } });
    const refreshed = await post("/api/v1/system/auth/refresh/", { refresh: pair.refresh });
    const next = await refreshed.json();
    const logout = await post("/api/v1/system/auth/logout/", { refresh: next.refresh });
    const after = await fetch("/api/v1/system/auth/me/", { headers: { authorization: `Bearer ${next.access}` } });
    return {
      login: login.status,
      me: me.status,
      email: (await me.json()).email,
      refresh: refreshed.status,
      logout: logout.status,
      after: after.status,
    };
  }, platform);
  expect(result).toEqual({ login: 200, me: 200, email: platform.email, refresh: 200, logout: 204, after: 401 });
});

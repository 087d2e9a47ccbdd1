// A temporary password in the console: a platform user whose password a superadmin set (over the
// REST API) is sent to "Change your password" from every console page until they choose their own.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, submitSignIn, unique } from "./kit";

test("a temporary password must be changed before the console opens", async ({ page }, info) => {
  const { platform } = demoCredentials();
  const login = await page.request.post("/api/v1/system/auth/login/", {
    data: { identifier: platform.email, password: platform.password },
  });
  expect(login.status()).toBe(200);
  const headers = { authorization: `Bearer ${(await login.json()).access}` };
  const user = { email: `${unique("temp", info)}@example.org`, password: "Initial-passphrase-1" };
  const created = await page.request.post("/api/v1/system/users/", {
    headers,
    data: { email: user.email, password: user.password, full_name: "Theo Temporary", platform_role: "support" },
  });
  expect(created.status()).toBe(201);
  const temporary = "Temporary-passphrase-2";
  const set = await page.request.patch(`/api/v1/system/users/${(await created.json()).id}/`, { headers, data: { password: temporary } });
  expect(set.status()).toBe(200);

  await page.goto("/console/sign-in");
  await submitSignIn(page, user.email, temporary);
  await expect(page).toHaveURL(/\/console\/password$/);
  await expect(page.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await checkPage(page, "change your password");
  await page.goto("/console/schools");
  await expect(page).toHaveURL(/\/console\/password$/);

  const mine = "My-own-passphrase-3";
  await page.getByLabel("Current password").fill(temporary);
  await page.getByLabel("New password", { exact: true }).fill(mine);
  await page.getByLabel("New password again").fill(mine);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/console$/);
  await page.goto("/console/schools");
  await expect(page.getByRole("heading", { level: 1, name: "Schools" })).toBeVisible();
});

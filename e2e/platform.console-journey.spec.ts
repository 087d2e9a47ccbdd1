// The platform admin's whole journey of issue 3 in one browser session: sign in, open a school with
// its first admin, mint an API key for it and use it over HTTP, revoke it and see it refused,
// suspend the school and see its admin's login refused — then read all of it in the audit log.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { pick, setPasswordNow } from "./kit";

test("sign in → school → key → revoke → suspend → audit", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { platform } = demoCredentials();
  const slug = `journey-${Date.now().toString(36)}`;
  const name = `Journey School ${slug}`;
  const admin = { email: `head@${slug}.example.org`, password: "Journey-Head-42" };

  await page.goto("/console");
  await expect(page).toHaveURL(/\/console\/sign-in/); // the console needs a session
  await page.getByLabel("Email or phone").fill(platform.email);
  await page.getByLabel("Password", { exact: true }).fill(platform.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  // A school with its first admin.
  await page.goto("/console/schools");
  await page.getByRole("button", { name: "New school" }).click();
  const create = page.getByRole("dialog", { name: "New school" });
  await create.getByLabel("School name").fill(name);
  await create.getByLabel("Slug").fill(slug);
  await create.getByLabel("Admin full name").fill("Jo Head");
  await create.getByLabel("Admin email").fill(admin.email);
  await setPasswordNow(create, admin.password, "Admin password");
  await create.getByRole("button", { name: "Create school" }).click();
  await expect(create).toBeHidden();
  const login = () =>
    page.request.post(`${baseURL}/api/v1/school/auth/login/`, {
      headers: { "X-Tenant": slug },
      data: { identifier: admin.email, password: admin.password },
    });
  expect((await login()).status()).toBe(200);

  // A key for that school, used over HTTP, then revoked.
  await page.goto("/console/api-keys");
  await page.getByRole("button", { name: "New API key" }).first().click();
  const newKey = page.getByRole("dialog", { name: "New API key" });
  await newKey.getByLabel("Name").fill(`Journey bot ${slug}`);
  await pick(newKey, "School", slug, new RegExp(`^${name}`));
  await newKey.getByRole("checkbox", { name: "View students" }).check();
  await newKey.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByRole("dialog", { name: "Your new API key" });
  const key = await shown.getByRole("textbox", { name: "API key" }).inputValue();
  await shown.getByRole("button", { name: "Done" }).click();
  const callWithKey = () => page.request.get(`${baseURL}/api/v1/school/permissions/`, { headers: { "X-API-KEY": key, "X-Tenant": slug } });
  expect((await callWithKey()).status()).toBe(200);
  const keyRow = page.getByRole("row").filter({ hasText: `Journey bot ${slug}` });
  await keyRow.getByRole("button", { name: /^Revoke/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(keyRow.getByText("Revoked", { exact: true })).toBeVisible();
  const refusedKey = await callWithKey();
  expect(refusedKey.status()).toBe(401);
  expect((await refusedKey.json()).code).toBe("api_key_not_valid");

  // Suspend the school: its admin's login is refused at once.
  await page.goto(`/console/schools?search=${slug}`);
  const schoolRow = page.getByRole("row").filter({ hasText: `${slug}.localhost` });
  await schoolRow.getByRole("button", { name: `Suspend ${name}` }).click();
  await page
    .getByRole("alertdialog", { name: `Suspend ${name}?` })
    .getByRole("button", { name: "Suspend school" })
    .click();
  await expect(schoolRow.getByText("Suspended", { exact: true })).toBeVisible();
  const refusedLogin = await login();
  expect(refusedLogin.status()).toBe(403);
  expect((await refusedLogin.json()).code).toBe("tenant_inactive");

  // The audit log, filtered to that school, tells the story.
  await page.goto("/console/audit");
  await pick(page, "School", name, name);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/school=[0-9a-f-]{36}/);
  // Each event in words (its code is in the row's details), the school named, not an id.
  for (const action of [
    "School created",
    "Staff member created by the platform",
    "Signed in to the school",
    "API key created",
    "API key revoked",
    "School suspended",
  ]) {
    await expect(page.getByRole("cell", { name: action, exact: true }).first(), action).toBeVisible();
  }
});

// The console's API keys, audit log and platform staff, end to end: a key created in the console
// works over HTTP until it is revoked there; both show in the audit log; a support user sees the
// keys but gets no control to change them.
import { expect, test, type Page } from "@playwright/test";
import { demoCredentials } from "./demo";
import { pick, setPasswordNow } from "./kit";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

async function signIn(page: Page, identifier: string, password: string) {
  await page.goto("/console/sign-in");
  await page.getByLabel("Email or phone").fill(identifier);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/console$/);
}

test("an API key made in the console works until revoked there; audit and roles follow", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { platform } = demoCredentials();
  const run = Date.now().toString(36);
  const keyName = `E2E students reader ${run}`;
  const callApi = (key: string) =>
    page.request.get(`${baseURL}/api/v1/school/permissions/`, { headers: { "X-API-KEY": key, "X-Tenant": "greenwood" } });

  await signIn(page, platform.email, platform.password);

  // Create a key bound to the demo school, with one scope; it is shown once.
  await page.goto("/console/api-keys");
  await page.getByRole("button", { name: "New API key" }).first().click();
  let dialog = page.getByRole("dialog", { name: "New API key" });
  await dialog.getByLabel("Name").fill(keyName);
  // The form starts on one school: pick it by searching.
  await expect(dialog.getByRole("radio", { name: "One school" })).toBeChecked();
  await pick(dialog, "School", "Greenwood", /^Greenwood High School/);
  await dialog.getByRole("checkbox", { name: "View students" }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();

  dialog = page.getByRole("dialog", { name: "Your new API key" });
  await expect(dialog.getByText("It will never be shown again")).toBeVisible();
  const field = dialog.getByRole("textbox", { name: "API key" });
  const key = await field.inputValue();
  expect(key).toMatch(/^sms_/);
  await expect(field).toHaveAttribute("readonly", "");
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("status")).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  // The key works on its school's API.
  const before = await callApi(key);
  expect(before.status()).toBe(200);

  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  // Revoke it in the console: the very next request is refused.
  const row = page.getByRole("row").filter({ hasText: keyName });
  await expect(row.getByRole("cell", { name: "Greenwood High School" })).toBeVisible();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: /^Revoke/ }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("stop working at once");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);

  const after = await callApi(key);
  expect(after.status()).toBe(401);
  expect((await after.json()).code).toBe("api_key_not_valid");

  // A second, global key stays active: the support user below must see it without a Revoke button.
  await page.getByRole("button", { name: "New API key" }).first().click();
  dialog = page.getByRole("dialog", { name: "New API key" });
  await dialog.getByLabel("Name").fill(`E2E global ${run}`);
  await dialog.getByRole("radio", { name: "Every school (a global key)" }).check();
  await dialog.getByRole("checkbox", { name: "All permissions (*)" }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();
  const globalRow = page.getByRole("row").filter({ hasText: `E2E global ${run}` });
  await expect(globalRow.getByText("Global", { exact: true })).toBeVisible();

  // The audit log has both events of the first key.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("What").selectOption({ label: "All: api keys" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=api_key\.created%2C.*api_key\.revoked/);
  await expect(page.getByRole("cell", { name: "API key created", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "API key revoked", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /^Signed in/ })).toHaveCount(0);
  // A row's target names the key and narrows the log to its story: created, then revoked.
  await page
    .getByRole("link", { name: new RegExp(keyName) })
    .first()
    .click();
  await expect(page).toHaveURL(/target=/);
  await expect(page.getByText("Only events about")).toBeVisible();
  await expect(page.getByRole("cell", { name: "API key created", exact: true })).toHaveCount(1);
  await expect(page.getByRole("cell", { name: "API key revoked", exact: true })).toHaveCount(1);

  // A support member of staff, made by the superadmin.
  const support = { email: `support-${run}@example.org`, password: `Support-${run}-pass` };
  await page.goto("/console/staff");
  await page.getByRole("button", { name: "New staff member" }).first().click();
  dialog = page.getByRole("dialog", { name: "New staff member" });
  await dialog.getByLabel("Full name").fill(`Sam Support ${run}`);
  await dialog.getByLabel("Email").fill(support.email);
  await setPasswordNow(dialog, support.password);
  await dialog.getByLabel("Platform role").selectOption({ label: "Support (read-only)" });
  await dialog.getByRole("button", { name: "Create staff member" }).click();
  await expect(dialog).toBeHidden();
  const staffRow = page.getByRole("row").filter({ hasText: support.email });
  await expect(staffRow.getByText("Support (read-only)")).toBeVisible();

  // Sign out through the account menu, and sign in as support.
  await page.getByRole("button", { name: /^Account menu:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/console\/sign-in/);
  await signIn(page, support.email, support.password);

  await page.goto("/console/api-keys");
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: `E2E global ${run}` })
      .getByText("Active", { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "New API key" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  // Nor may support change platform staff.
  await page.goto("/console/staff");
  await expect(page.getByRole("row").filter({ hasText: support.email })).toBeVisible();
  await expect(page.getByRole("button", { name: "New staff member" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Deactivate|Delete|Change role/ })).toHaveCount(0);
});

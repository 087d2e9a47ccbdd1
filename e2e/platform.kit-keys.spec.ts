// API keys in the console, edited and rotated, on a desktop and on a phone: a key's name and
// scopes change in place; a rotation shows the new key once, and both keys work through the grace
// period (the old row says "Replaced" and when it stops); a rotation with no grace period refuses
// the old key from the next request. axe checks every dialog on the way; focus comes back.
import { expect, test, type Page } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, expectAccessible, pick, rowOf, submitSignIn, unique } from "./kit";

/** The visible start of a key (its row shows it): "sms_" and its id. */
const prefixOf = (key: string) => key.split("_").slice(0, 2).join("_");

/** Reads the key of a "Your new API key" dialog, checks it, and closes the dialog. */
async function takeShownKey(page: Page, what: string) {
  const dialog = page.getByRole("dialog", { name: "Your new API key" });
  await expect(dialog.getByText("It will never be shown again")).toBeVisible();
  await expectAccessible(page, what);
  const field = dialog.getByRole("textbox", { name: "API key" });
  await expect(field).toHaveAttribute("readonly", "");
  const key = await field.inputValue();
  expect(key).toMatch(/^sms_/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  return key;
}

test("a key's name and scopes are edited in place; a rotation keeps both keys working through its grace period", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { platform } = demoCredentials();
  const callApi = (key: string) =>
    page.request.get(`${baseURL}/api/v1/school/permissions/`, { headers: { "X-API-KEY": key, "X-Tenant": "greenwood" } });

  await page.goto("/console/sign-in?next=%2Fconsole%2Fapi-keys");
  await submitSignIn(page, platform.email, platform.password);
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  // A key for the demo school, reading students.
  const first = unique("Kit key ", test.info());
  await page.getByRole("button", { name: "New API key" }).first().click();
  let dialog = page.getByRole("dialog", { name: "New API key" });
  await dialog.getByLabel("Name").fill(first);
  await pick(dialog, "School", "Greenwood", /^Greenwood High School/);
  await dialog.getByRole("checkbox", { name: "View students" }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const oldKey = await takeShownKey(page, "the new key");
  await checkPage(page, "API keys with the new key");

  // Edit: the school is shown, not offered; name and scopes change.
  const name = `${first} renamed`;
  let row = rowOf(page, first);
  const edit = row.getByRole("button", { name: /^Edit/ });
  await edit.click();
  dialog = page.getByRole("dialog", { name: `Edit “${first}”` });
  await expect(dialog.getByText("Greenwood High School")).toBeVisible();
  await expect(dialog.getByRole("combobox")).toHaveCount(0);
  await expect(dialog.getByRole("checkbox", { name: "View students" })).toBeChecked();
  await expectAccessible(page, "the edit dialog");
  // Every rule at once, with the server's messages.
  await dialog.getByLabel("Name").fill(" ");
  await dialog.getByRole("checkbox", { name: "View students" }).uncheck();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("Give at least one scope")).toBeVisible();
  await expectAccessible(page, "the edit dialog with its errors");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("checkbox", { name: "View students" }).check();
  await dialog.getByRole("checkbox", { name: "View classes" }).check();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  row = rowOf(page, name);
  await expect(row.getByRole("list", { name: `Scopes of ${name}` }).getByRole("listitem")).toHaveText(["classes.view", "students.view"]);
  await expect(row.getByText("Active", { exact: true })).toBeVisible();

  // Rotate with a day's grace: the new key is shown once; both work.
  const rotate = row.getByRole("button", { name: /^Rotate/ });
  await rotate.click();
  dialog = page.getByRole("dialog", { name: `Rotate “${name}”` });
  await expect(dialog.getByRole("radio", { name: "1 day" })).toBeChecked();
  await expect(dialog).toContainText("Both keys work until");
  await expectAccessible(page, "the rotate dialog");
  // Cancel gives focus back to the row's button.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(rotate).toBeFocused();
  await rotate.click();
  await dialog.getByRole("radio", { name: "1 day" }).check();
  await dialog.getByRole("button", { name: "Rotate key" }).click();
  const newKey = await takeShownKey(page, "the rotated key");
  expect(newKey).not.toBe(oldKey);
  expect((await callApi(oldKey)).status()).toBe(200);
  expect((await callApi(newKey)).status()).toBe(200);

  const oldRow = rowOf(page, prefixOf(oldKey));
  await expect(oldRow.getByText("Replaced", { exact: true })).toBeVisible();
  await expect(oldRow.getByText("Stops working")).toBeVisible();
  await expect(oldRow.getByRole("button", { name: /^(Edit|Rotate)/ })).toHaveCount(0);
  const newRow = rowOf(page, prefixOf(newKey));
  await expect(newRow.getByText("Active", { exact: true })).toBeVisible();
  await expect(newRow.getByRole("list", { name: `Scopes of ${name}` }).getByRole("listitem")).toHaveText(["classes.view", "students.view"]);
  await checkPage(page, "API keys with a replaced key");

  // Rotate the new key with no grace period: it is refused at once; its successor works.
  await newRow.getByRole("button", { name: /^Rotate/ }).click();
  dialog = page.getByRole("dialog", { name: `Rotate “${name}”` });
  await dialog.getByRole("radio", { name: "Stop it now" }).check();
  await dialog.getByRole("button", { name: "Rotate key" }).click();
  const third = await takeShownKey(page, "the key rotated with no grace");
  const refused = await callApi(newKey);
  expect(refused.status()).toBe(401);
  expect((await callApi(third)).status()).toBe(200);
  await expect(rowOf(page, prefixOf(newKey)).getByText("Revoked", { exact: true })).toBeVisible();
  await expect(rowOf(page, prefixOf(third)).getByText("Active", { exact: true })).toBeVisible();
});

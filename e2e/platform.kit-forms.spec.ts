// Time as the viewer lives it, in a browser set to Auckland (UTC+12 in June): a key's expiry date
// means the end of that day in Auckland, and times show in that zone with the zone named on
// hover. The API-key form starts on one school; its confirmation gives focus back to its opener.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, expectAccessible, pick, rowOf, submitSignIn, unique } from "./kit";

test.use({ timezoneId: "Pacific/Auckland" });

test("a key's expiry date is the end of that day where the admin is; times show in their zone", async ({ page }) => {
  const { platform } = demoCredentials();
  await page.goto("/console/sign-in?next=%2Fconsole%2Fapi-keys");
  await submitSignIn(page, platform.email, platform.password);
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await checkPage(page, "API keys");

  const opener = page.getByRole("button", { name: "New API key" }).first();
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "New API key" });
  await expect(dialog.getByRole("radio", { name: "One school" })).toBeChecked();
  await expect(dialog.getByText("(Pacific/Auckland)")).toBeVisible();
  await expectAccessible(page, "the new API key dialog");

  // Nothing chosen: every rule at once.
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("combobox", { name: "School" })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "the new API key dialog with its errors");

  const name = unique("Expiring key ", test.info());
  await dialog.getByLabel("Name").fill(name);
  await pick(dialog, "School", "green", /^Greenwood High School/);
  await dialog.getByRole("checkbox", { name: "View students" }).check();
  await dialog.getByLabel("Expires on (optional)").fill("2030-06-15");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await page.getByRole("dialog", { name: "Your new API key" }).getByRole("button", { name: "Done" }).click();
  await expect(opener).toBeFocused();

  // 15 June, 23:59:59.999 in Auckland (NZST, UTC+12) is 11:59:59.999 UTC that day.
  const row = rowOf(page, name);
  const expiry = row.locator("time").filter({ hasText: "15 Jun 2030" });
  await expect(expiry).toHaveAttribute("datetime", /^2030-06-15T11:59:59(\.999)?Z$/);
  await expect(expiry).toContainText("23:59");
  await expect(expiry).toHaveAttribute("title", /\(Pacific\/Auckland\)$/);

  // A confirmation closed with Cancel gives focus back to the button that opened it.
  const revoke = row.getByRole("button", { name: /^Revoke/ });
  await revoke.click();
  const confirm = page.getByRole("alertdialog");
  await expectAccessible(page, "the revoke confirmation");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(revoke).toBeFocused();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();

  // The audit log's times are Auckland's too, the full zone on hover.
  await page.goto("/console/audit");
  await checkPage(page, "audit log");
  await expect(page.locator("main time").first()).toHaveAttribute("title", /\(Pacific\/Auckland\)$/);
});

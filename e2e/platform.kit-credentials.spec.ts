// The console's signed-out credential pages, on a desktop and on a phone: "Forgot your password?"
// from the sign-in page, a reset link and an invitation link that cannot be used (a bad token, or
// none). Each page has its fields labelled, fits the screen and passes axe.
import { expect, test } from "@playwright/test";
import { checkPage, visit } from "./kit";

test("forgot password, reset and invitation pages: labelled, on any screen, a bad link said plainly", async ({ page }) => {
  await visit(page, "/console/sign-in", { heading: "Platform console" });
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await expect(page.getByLabel("Email or phone")).toBeVisible();
  await checkPage(page, "forgot password");

  await visit(page, "/console/reset-password?token=not-a-real-token", { heading: "Choose a new password" });
  await page.getByLabel("New password", { exact: true }).fill("a long enough passphrase");
  await page.getByLabel("New password again").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This link can no longer be used." })).toBeVisible();
  await checkPage(page, "reset password with a bad link");

  await visit(page, "/console/reset-password", { heading: "Choose a new password" });
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();

  await visit(page, "/console/invitation?token=not-a-real-token", { heading: "Welcome — choose your password" });
  await expect(page.getByLabel("Your name (optional)")).toBeVisible();
  await visit(page, "/console/invitation", { heading: "Welcome — choose your password" });
  await expect(page.getByRole("alert").filter({ hasText: "This link can no longer be used." })).toBeVisible();
});

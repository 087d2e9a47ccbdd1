// The kit's forms as a person meets them, on a desktop and on a phone: every client-side rule
// reported in one round with the server's own messages, the password rule and the "email or phone"
// rule said before anyone fails them, the server's verdict on the field it is about, focus back on
// the button that opened the dialog (Escape, Cancel, Save), and a session that ends mid-form:
// sign in again in another tab, press the button again, nothing typed is lost.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, expectAccessible, rowOf, submitSignIn, unique, setPasswordNow } from "./kit";

test.beforeEach(async ({ page }) => {
  const { school } = demoCredentials();
  await page.goto("/sign-in?next=%2Fstaff");
  await submitSignIn(page, school.email, school.password);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("heading", { level: 1, name: "Staff", exact: true })).toBeVisible();
});

test("one round of errors, rules said up front, the server's verdict on its field, focus back on the opener", async ({ page }) => {
  const { school } = demoCredentials();
  await checkPage(page, "staff");
  const opener = page.getByRole("button", { name: "New staff member" }).first();
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "New staff member" });
  // An invitation is the default; a password set now shows its field.
  await expect(dialog.getByRole("radio", { name: "Send an invitation (recommended)" })).toBeChecked();
  await expect(dialog.getByLabel("Password", { exact: true })).toHaveCount(0);
  await dialog.getByRole("radio", { name: "Set a password now" }).check();
  // The rules are stated before anyone breaks them.
  await expect(dialog.getByText(/^At least \d+ characters, at most \d+\./)).toBeVisible();
  await expect(dialog.getByText("An email, a phone number, or both: either one is enough to sign in.")).toBeVisible();
  await expectAccessible(page, "the new staff dialog");

  // Everything empty: every rule at once, in the API's own words, before any request (the name is
  // optional, as in the API).
  await dialog.getByRole("button", { name: "Create staff member" }).click();
  await expect(dialog.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText(/^This password is too short\./)).toBeVisible();
  await expect(dialog.getByRole("alert").filter({ hasText: "Provide an email, a phone number, or both." })).toBeVisible();
  await expect(dialog.getByLabel("Full name")).not.toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "the new staff dialog with its errors");

  // Cancel gives focus back to the button that opened the dialog.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // An email already taken: the server's answer lands on the Email field; what was typed stays.
  const name = unique("Taken Email ", test.info());
  await opener.click();
  await dialog.getByLabel("Full name").fill(name);
  await dialog.getByLabel("Email").fill(school.email);
  await setPasswordNow(dialog, "a long enough passphrase");
  await dialog.getByRole("button", { name: "Create staff member" }).click();
  await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Full name")).toHaveValue(name);
  await expect(dialog.getByLabel("Email")).toHaveValue(school.email);
  await expectAccessible(page, "the new staff dialog with the server's error");

  // Escape also gives focus back; nothing was created.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(rowOf(page, name)).toHaveCount(0);
});

test("a phone is enough; Save gives focus back; a session that ends mid-form keeps what was typed", async ({ page, context }) => {
  const opener = page.getByRole("button", { name: "New staff member" }).first();
  const name = unique("Phone Only ", test.info());
  const phone = `+44 20 7946 ${String(Math.floor(Math.random() * 9000) + 1000)}`;
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "New staff member" });
  await dialog.getByLabel("Full name").fill(name);
  await dialog.getByLabel("Phone").fill(phone);
  await setPasswordNow(dialog, "a long enough passphrase");

  // The session ends (cookies gone, as after a sign-out elsewhere) before the form is sent.
  await context.clearCookies();
  await dialog.getByRole("button", { name: "Create staff member" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Your session has ended.");
  const signInLink = dialog.getByRole("link", { name: "Sign in again in a new tab" });
  await expect(signInLink).toHaveAttribute("target", "_blank");
  await expect(signInLink).toHaveAttribute("href", /^\/sign-in\?next=%2Fstaff$/);
  await expect(dialog.getByLabel("Full name")).toHaveValue(name);
  await expectAccessible(page, "the session-ended notice");

  // Sign in again in the new tab; back here, the same button sends what was kept.
  const [tab] = await Promise.all([context.waitForEvent("page"), signInLink.click()]);
  const { school } = demoCredentials();
  await submitSignIn(tab, school.email, school.password);
  await expect(tab).toHaveURL(/\/staff$/);
  await expect(tab.getByRole("heading", { level: 1, name: "Staff", exact: true })).toBeVisible();
  await tab.close();
  await dialog.getByRole("button", { name: "Create staff member" }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(rowOf(page, name)).toBeVisible();
  await expect(rowOf(page, name)).toContainText("+44207946"); // stored and shown in E.164
});

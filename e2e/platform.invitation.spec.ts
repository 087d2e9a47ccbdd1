// Invitations and forgotten passwords in the console: the superadmin adds a member of platform
// staff with the form's default — an invitation — and sees them Invited with Resend and Withdraw.
// Resending replaces the link: the first one no longer works. The newest link's page signs them in
// to the console (next-auth, with the session the invitation opened). The console's own "Forgot
// your password?" page answers neutrally. axe checks every page on the way.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, rowOf, submitSignIn, unique } from "./kit";
import { linkIn, mailCount, waitForMail } from "./mail";

const SLOW = { timeout: 20_000 };

test("an invited platform user: resend replaces the link, the new one signs them in to the console", async ({ page, browser }) => {
  test.slow();
  const { platform } = demoCredentials();
  const name = unique("Ines Invited ", test.info());
  const email = `${name.toLowerCase().replace(/\s+/g, ".")}@example.org`;
  await page.goto("/console/sign-in?next=%2Fconsole%2Fstaff");
  await submitSignIn(page, platform.email, platform.password);
  await expect(page).toHaveURL(/\/console\/staff$/, SLOW);

  const first = mailCount();
  await page.getByRole("button", { name: "New staff member" }).first().click();
  const create = page.getByRole("dialog", { name: "New staff member" });
  await create.getByLabel("Full name").fill(name);
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Platform role").selectOption("support");
  await create.getByRole("button", { name: "Create staff member" }).click();
  await expect(create).toBeHidden(SLOW);
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  const oldLink = linkIn(await waitForMail(email, first), "/console/invitation");

  // Invited in the list; a resend sends a new link and the old one dies.
  await page.goto(`/console/staff?search=${encodeURIComponent(name)}`);
  const row = rowOf(page, name);
  await expect(row.getByText("Invited", { exact: true })).toBeVisible();
  await checkPage(page, "platform staff with someone invited");
  const second = mailCount();
  await row.getByRole("button", { name: `Resend invitation ${name}` }).click();
  const resend = page.getByRole("alertdialog", { name: `Resend the invitation to ${name}?` });
  await checkPage(page, "the resend confirmation");
  await resend.getByRole("button", { name: "Resend invitation" }).click();
  await expect(resend).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "A new invitation is on its way" })).toBeVisible();
  const link = linkIn(await waitForMail(email, second), "/console/invitation");
  expect(link).not.toBe(oldLink);

  const context = await browser.newContext({ viewport: page.viewportSize() });
  const invitee = await context.newPage();
  const password = "an invited platform passphrase";
  await invitee.goto(oldLink);
  await invitee.getByLabel("Password", { exact: true }).fill(password);
  await invitee.getByLabel("Password again").fill(password);
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee.getByRole("alert").filter({ hasText: "This link can no longer be used." })).toBeVisible(SLOW);
  await checkPage(invitee, "the console's invitation page with a replaced link");

  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1, name: "Welcome — choose your password" })).toBeVisible();
  await checkPage(invitee, "the console's invitation page");
  await invitee.getByLabel("Password", { exact: true }).fill(password);
  await invitee.getByLabel("Password again").fill(password);
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee).toHaveURL(/\/console$/, SLOW);
  await expect(invitee.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible(SLOW);
  await expect(invitee.getByRole("button", { name: new RegExp(`^Account menu: ${name}`) })).toBeVisible();
  await context.close();

  await page.goto(`/console/staff?search=${encodeURIComponent(name)}`);
  await expect(rowOf(page, name).getByText("Active", { exact: true })).toBeVisible();
});

test("the console's forgotten password page answers the same for anyone", async ({ page }) => {
  await page.goto("/console/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await checkPage(page, "the console's forgot password page");
  await page.getByLabel("Email or phone").fill(`${unique("nobody")}@example.org`);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses that email or phone number");
  await checkPage(page, "the console's forgot password page, sent");
  await page.goto("/console/reset-password?token=not-a-real-token");
  await page.getByLabel("New password", { exact: true }).fill("a long enough passphrase");
  await page.getByLabel("New password again").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This link can no longer be used." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/console/forgot-password");
});

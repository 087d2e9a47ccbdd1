// An invitation from start to end in the school portal: the admin adds a teacher with the form's
// default — an invitation — and the list shows them as Invited, with Resend and Withdraw. The
// message arrives at a real SMTP server (scripts/e2e.mjs); its link opens the invitation page on
// the school's host, where the teacher chooses a password and their name and lands on their
// profile, signed in. The link works once: opened again, the page says it can no longer be used.
// Every page on the way passes axe.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, rowOf, submitSignIn, unique } from "./kit";
import { linkIn, mailCount, waitForMail } from "./mail";

test("an invited teacher chooses a password with the link, is signed in, and the link works only once", async ({ page, browser }) => {
  test.slow(); // two sign-ins (argon2id) and a message through the outbox
  const { school } = demoCredentials();
  const name = unique("Ivy Invited ", test.info());
  const email = `${name.toLowerCase().replace(/\s+/g, ".")}@greenwood.example.org`;
  await page.goto("/sign-in?next=%2Fstaff");
  await submitSignIn(page, school.email, school.password);
  await expect(page).toHaveURL(/\/staff$/);

  // The admin invites: no password to choose or pass on.
  const before = mailCount();
  await page.getByRole("button", { name: "New staff member" }).first().click();
  const create = page.getByRole("dialog", { name: "New staff member" });
  await expect(create.getByRole("radio", { name: "Send an invitation (recommended)" })).toBeChecked();
  await create.getByLabel("Full name").fill(name);
  await create.getByLabel("Email").fill(email);
  await create.getByRole("checkbox", { name: "Teacher" }).check();
  await create.getByRole("button", { name: "Create staff member" }).click();
  await expect(create).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();

  // Invited, in the list and on their page: Resend and Withdraw instead of Set password.
  await page.goto(`/staff?search=${encodeURIComponent(name)}`);
  const row = rowOf(page, name);
  await expect(row.getByText("Invited", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: `Withdraw invitation ${name}` })).toBeVisible();
  await checkPage(page, "the staff list with someone invited");
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 20_000 });
  const details = page.getByRole("region", { name: "Details" });
  await expect(details.getByText("Invited", { exact: true })).toBeVisible();
  await expect(details.getByRole("button", { name: `Set password ${name}` })).toHaveCount(0);
  await details.getByRole("button", { name: `Withdraw invitation ${name}` }).click();
  const withdraw = page.getByRole("alertdialog", { name: `Withdraw the invitation to ${name}?` });
  await expect(withdraw).toContainText("their account is deactivated");
  await checkPage(page, "the withdraw confirmation");
  await withdraw.getByRole("button", { name: "Cancel" }).click();

  // The message, and its link to the school's own host.
  const link = linkIn(await waitForMail(email, before), "/invitation");
  expect(new URL(link).host).toBe(new URL(page.url()).host);

  // The teacher, in a browser of their own.
  const context = await browser.newContext({ viewport: page.viewportSize() });
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1, name: "Welcome — choose your password" })).toBeVisible();
  await checkPage(invitee, "the invitation page");
  const password = "an invited teacher's passphrase";
  const chosenName = `${name} Chosen`;
  // The two passwords must match, said before anything is sent.
  await invitee.getByLabel("Password", { exact: true }).fill(password);
  await invitee.getByLabel("Password again").fill(`${password}!`);
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee.getByLabel("Password again")).toHaveAttribute("aria-invalid", "true");
  await invitee.getByLabel("Password again").fill(password);
  await invitee.getByLabel("Your name (optional)").fill(chosenName);
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee).toHaveURL(/\/profile$/);
  await expect(invitee.getByRole("heading", { level: 1, name: chosenName })).toBeVisible();
  await checkPage(invitee, "the new teacher's profile");

  // The same link again: it has been used.
  await invitee.goto(link);
  await invitee.getByLabel("Password", { exact: true }).fill(password);
  await invitee.getByLabel("Password again").fill(password);
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee.getByRole("alert").filter({ hasText: "This link can no longer be used." })).toBeVisible();
  await checkPage(invitee, "the invitation page with a used link");
  await context.close();

  // The admin sees them active now.
  await page.goto(`/staff?search=${encodeURIComponent(chosenName)}`);
  await expect(rowOf(page, chosenName).getByText("Active", { exact: true })).toBeVisible();
});

test("an invitation link without its token says it cannot be used", async ({ page }) => {
  await page.goto("/invitation");
  await expect(page.getByRole("alert").filter({ hasText: "This link can no longer be used." })).toBeVisible();
  await checkPage(page, "the invitation page without a token");
});

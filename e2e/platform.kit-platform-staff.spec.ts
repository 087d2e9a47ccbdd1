// A platform staff member's page, on a desktop and on a phone: the superadmin adds a member of
// staff, opens them from the list by name, renames them and sets a temporary password; that person
// then signs in with it, is made to choose their own, and reaches the console. A platform admin
// reads the page without any control; the superadmin's own page offers no temporary password and
// refuses to demote the platform's last superadmin, in the dialog that asked; deleting someone from
// their page goes back to the list. axe checks the page and each dialog on the way.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, expectAccessible, rowOf, submitSignIn, unique, setPasswordNow } from "./kit";

// A sign-in, a password change and a server-rendered page can each take seconds on a busy 2-core
// machine: wait for what follows them this long.
const SLOW = { timeout: 20_000 };

async function signIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`/console/sign-in?next=${encodeURIComponent(next)}`);
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(new RegExp(`${next}$`), SLOW);
}

/** A platform user made by the superadmin over the REST API; returns how they sign in. */
async function platformUser(request: APIRequestContext, role: "platform_admin" | "support", fullName: string) {
  const { platform } = demoCredentials();
  const login = await request.post("/api/v1/system/auth/login/", { data: { identifier: platform.email, password: platform.password } });
  expect(login.status()).toBe(200);
  const user = { email: `${fullName.toLowerCase().replace(/\s+/g, ".")}@example.org`, password: "Kit-passphrase-for-e2e" };
  const created = await request.post("/api/v1/system/users/", {
    headers: { authorization: `Bearer ${(await login.json()).access}` },
    data: { ...user, full_name: fullName, platform_role: role },
  });
  expect(created.status()).toBe(201);
  return user;
}

/** From the staff list (searched for `name`) to that person's page by their name's link. */
async function openFromList(page: Page, name: string) {
  await page.goto(`/console/staff?search=${encodeURIComponent(name)}`);
  await rowOf(page, name).getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/\/console\/staff\/[0-9a-f-]{36}$/, SLOW);
  // The page renders on the server (its loading skeleton shows first): allow a busy machine time.
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible(SLOW);
  return page.getByRole("region", { name: "Details" });
}

async function newPage(browser: Browser, page: Page) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: page.viewportSize() });
  return { context, other: await context.newPage() };
}

test("the superadmin renames a member of staff and sets a temporary password, which they must change at sign-in", async ({
  page,
  browser,
}) => {
  test.slow(); // two sign-ins, a password change and half a dozen pages
  const { platform } = demoCredentials();
  const name = unique("Pat Staff ", test.info());
  const email = `${name.toLowerCase().replace(/\s+/g, ".")}@example.org`;
  await signIn(page, platform.email, platform.password, "/console/staff");

  await page.getByRole("button", { name: "New staff member" }).first().click();
  const create = page.getByRole("dialog", { name: "New staff member" });
  await create.getByLabel("Full name").fill(name);
  await create.getByLabel("Email").fill(email);
  await setPasswordNow(create, "Initial-passphrase-1");
  await create.getByLabel("Platform role").selectOption("support");
  await create.getByRole("button", { name: "Create staff member" }).click();
  await expect(create).toBeHidden(SLOW);

  let details = await openFromList(page, name);
  await expect(details).toContainText(email);
  await expect(details).toContainText("Support (read-only)");
  await expect(details).toContainText("Never"); // not signed in yet
  await checkPage(page, "a platform staff member's page");

  // A new name, shown at once as the page's title.
  const renamed = `${name} Renamed`;
  await details.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${name}` });
  await expect(edit.getByLabel("Email")).toHaveValue(email);
  await expectAccessible(page, "the edit dialog");
  await edit.getByLabel("Full name").fill(renamed);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden(SLOW);
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible(SLOW);
  details = page.getByRole("region", { name: "Details" });

  // A temporary password: the rules and what follows are said up front; a mismatch is refused in the browser.
  const temporary = "Temporary-passphrase-2";
  await details.getByRole("button", { name: `Set password ${renamed}` }).click();
  const set = page.getByRole("dialog", { name: `Set a temporary password for ${renamed}` });
  await expect(set).toContainText("Every session of");
  await expect(set).toContainText("must choose a new password");
  await expect(set.getByText(/characters/).first()).toBeVisible(); // the length rule
  await set.getByLabel("Temporary password", { exact: true }).fill(temporary);
  await set.getByLabel("Temporary password again").fill("Something-else-3");
  await set.getByRole("button", { name: "Set temporary password" }).click();
  await expect(set.getByText("The two passwords differ.")).toBeVisible();
  await expectAccessible(page, "the temporary password dialog with its error");
  await set.getByLabel("Temporary password again").fill(temporary);
  await set.getByRole("button", { name: "Set temporary password" }).click();
  await expect(set).toBeHidden(SLOW);
  await expect(page.getByRole("status").filter({ hasText: "Temporary password set" })).toBeVisible();
  const recent = page.getByRole("region", { name: `Recent changes to ${renamed}` });
  await expect(recent).toContainText("Temporary password set for a platform user", SLOW);
  await expect(recent).toContainText("Platform user updated");
  await checkPage(page, "the page after the changes");

  // They sign in with it, are sent to choose their own, and then reach the console.
  const { context, other } = await newPage(browser, page);
  await other.goto("/console/sign-in");
  await submitSignIn(other, email, temporary);
  await expect(other).toHaveURL(/\/console\/password$/, SLOW);
  await expect(other.getByText("An administrator set a temporary password")).toBeVisible();
  await other.goto("/console/staff");
  await expect(other).toHaveURL(/\/console\/password$/, SLOW);
  const mine = "My-own-passphrase-4";
  await other.getByLabel("Current password").fill(temporary);
  await other.getByLabel("New password", { exact: true }).fill(mine);
  await other.getByLabel("New password again").fill(mine);
  await other.getByRole("button", { name: "Change password" }).click();
  await expect(other).toHaveURL(/\/console$/, SLOW);
  await expect(other.getByRole("heading", { level: 1 })).toBeVisible(SLOW);

  // Their page now says when they last signed in, and lists that browser's session; "Sign out
  // everywhere" ends it: their next page asks them to sign in.
  await page.reload();
  await expect(page.getByRole("region", { name: "Details" })).not.toContainText("Never", SLOW);
  const sessions = page.getByRole("region", { name: "Sessions" });
  await expect(sessions.getByText("Not signed in anywhere")).toHaveCount(0);
  await sessions.getByRole("button", { name: "Sign out everywhere" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Sign ${renamed} out everywhere?` });
  await expectAccessible(page, "the sign-out-everywhere confirmation");
  await confirm.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(confirm).toBeHidden(SLOW);
  await expect(sessions.getByText("Not signed in anywhere")).toBeVisible(SLOW);
  await other.goto("/console/staff");
  await expect(other).toHaveURL(/\/console\/sign-in/, SLOW);
  await context.close();
});

test("a platform admin reads a staff member's page without controls; the superadmin's own page keeps the last superadmin; a deletion returns to the list", async ({
  page,
  browser,
}) => {
  test.slow();
  const { platform } = demoCredentials();
  const admin = unique("Ada Admin ", test.info());
  const credentials = await platformUser(page.request, "platform_admin", admin);

  // A platform admin: the details, and nothing to press.
  const { context, other } = await newPage(browser, page);
  await signIn(other, credentials.email, credentials.password, "/console/staff");
  const details = await openFromList(other, admin);
  await expect(details).toContainText("Platform admin");
  await expect(other.getByText("Only a superadmin can change platform staff.")).toBeVisible();
  for (const control of ["Edit", "Change role", "Set password", "Deactivate", "Delete"]) {
    await expect(details.getByRole("button", { name: new RegExp(`^${control}`) })).toHaveCount(0);
  }
  await checkPage(other, "a staff member's page, read by a platform admin");
  // An unknown id and a malformed one are the branded 404.
  await other.goto("/console/staff/00000000-0000-4000-8000-000000000000");
  await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible(SLOW);
  await other.goto("/console/staff/not-an-id");
  await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible(SLOW);
  await context.close();

  // The superadmin's own page: no temporary password (that is My account), and the platform's
  // only superadmin cannot be demoted — the refusal shows in the dialog.
  await signIn(page, platform.email, platform.password, "/console/staff");
  await page.goto("/console/staff");
  const self = rowOf(page, "You").getByRole("link").first();
  const selfName = (await self.textContent())?.trim() ?? "";
  const own = await openFromList(page, selfName);
  await expect(own.getByRole("button", { name: /^Set password/ })).toHaveCount(0);
  await expect(own.getByRole("link", { name: "My account" })).toBeVisible();
  await own.getByRole("button", { name: `Change role ${selfName}` }).click();
  const role = page.getByRole("dialog", { name: `Change the role of ${selfName}` });
  await role.getByLabel("Platform role").selectOption("support");
  await role.getByRole("button", { name: "Save role" }).click();
  await expect(role.getByRole("alert")).toContainText("The platform must keep at least one active superadmin.", SLOW);
  await expectAccessible(page, "the change-role dialog with its refusal");
  await page.keyboard.press("Escape");
  await expect(role).toBeHidden();
  await expect(own).toContainText("Superadmin");

  // Deleting someone from their page goes back to the list, where they are gone.
  const theirs = await openFromList(page, admin);
  await theirs.getByRole("button", { name: `Delete ${admin}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Delete ${admin}?` });
  await confirm.getByRole("button", { name: "Delete account" }).click();
  await expect(page).toHaveURL(/\/console\/staff$/, SLOW);
  await expect(page.getByRole("heading", { level: 1, name: "Platform staff" })).toBeVisible(SLOW);
  await expect(page.getByRole("link", { name: admin })).toHaveCount(0);
});

// A staff member's page, on a desktop and on a phone: the admin opens a teacher from the staff
// list, gives them the Head role until a day a month ahead ("until …" on the page and in the
// list), the teacher sees the Head's sections at once, and the role is taken away again. The page
// passes axe with each of its dialogs open; what the admin may not grant is shown, with why.
import { expect, test, type Page } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, expectAccessible, rowOf, submitSignIn, unique, setPasswordNow } from "./kit";

async function signInAsAdmin(page: Page, next: string) {
  const { school } = demoCredentials();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await submitSignIn(page, school.email, school.password);
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, "\\?")}$`));
}

/** A date `months` ahead as a date input takes it, and as the page says it ("3 Jan 2027"). */
function monthsAhead(months: number) {
  const at = new Date();
  at.setMonth(at.getMonth() + months);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    input: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    long: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(at),
    short: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" }).format(at),
  };
}

test("the admin gives a teacher Head until a month ahead, the teacher has it at once, then it is taken away", async ({ page, browser }) => {
  test.slow(); // two sign-ins and a dozen pages
  const name = unique("Standin ", test.info());
  const email = `${name.toLowerCase().replace(/\s+/g, ".")}@greenwood.example.org`;
  const password = "a long enough passphrase for e2e";
  await signInAsAdmin(page, "/staff");

  // A teacher whose password we know, made the way the school makes one.
  await page.getByRole("button", { name: "New staff member" }).first().click();
  const create = page.getByRole("dialog", { name: "New staff member" });
  await create.getByLabel("Full name").fill(name);
  await create.getByLabel("Email").fill(email);
  await setPasswordNow(create, password);
  await create.getByRole("checkbox", { name: "Teacher" }).check();
  await create.getByLabel("Employee number").fill(unique("E", test.info()));
  await create.getByRole("button", { name: "Create staff member" }).click();
  await expect(create).toBeHidden();

  // From the list to their page.
  await page.goto(`/staff?search=${encodeURIComponent(name)}`);
  await rowOf(page, name).getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/staff\/[0-9a-f-]{36}$/);
  // The page renders on the server (its loading skeleton shows first): allow a busy machine time.
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 20_000 });
  const roles = page.getByRole("region", { name: "Roles" });
  await expect(roles.getByRole("list", { name: `Roles of ${name}` })).toContainText("Teacher");
  await checkPage(page, "a staff member's page");

  // Head until a month ahead.
  const until = monthsAhead(1);
  await roles.getByRole("button", { name: "Add a role" }).click();
  const add = page.getByRole("dialog", { name: `Add a role to ${name}` });
  await expect(add.getByRole("option", { name: /^Admin — grants permissions you do not hold$/ })).toHaveCount(0); // the admin holds them all
  await expect(add.getByRole("option", { name: "Teacher — already given" })).toBeDisabled();
  await add.getByLabel("Role").selectOption({ label: "Head" });
  await add.getByLabel("Until (optional)").fill(until.input);
  await expectAccessible(page, "the add-a-role dialog");
  await add.getByRole("button", { name: "Add role" }).click();
  await expect(add).toBeHidden();
  const head = roles.getByRole("listitem").filter({ hasText: "Head" });
  await expect(head).toContainText(`until ${until.long}`);
  await checkPage(page, "a staff member's page with a role for a term");
  // Their recent changes have the grant, which is its own audit target.
  await expect(
    page
      .getByRole("region", { name: `Recent changes to ${name}` })
      .getByText("Role assigned")
      .first(),
  ).toBeVisible();

  // The list says it too.
  await page.goto(`/staff?search=${encodeURIComponent(name)}`);
  await expect(rowOf(page, name)).toContainText(`Head · until ${until.short}`);

  // The teacher, signing in, has the Head's sections at once (the staff list needs users.view,
  // which Teacher lacks).
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: page.viewportSize() });
  const teacher = await context.newPage();
  await teacher.goto("/sign-in?next=%2Fstaff");
  await submitSignIn(teacher, email, password);
  await expect(teacher).toHaveURL(/\/staff$/);
  await expect(teacher.getByRole("link", { name: "Amara Okafor" })).toBeVisible();
  await context.close();

  // Taken away again.
  await rowOf(page, name).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("button", { name: `Remove Head of ${name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Remove Head from ${name}?` });
  await expectAccessible(page, "the remove-a-role confirmation");
  await confirm.getByRole("button", { name: "Remove role" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("region", { name: "Roles" }).getByRole("listitem").filter({ hasText: "Head" })).toHaveCount(0);
  await page.goto(`/staff?search=${encodeURIComponent(name)}`);
  await expect(rowOf(page, name)).not.toContainText("Head ·");
});

test("a demo teacher's page: details, teacher profile, roles; the edit and add-a-role dialogs pass axe; the server refuses an ended term", async ({
  page,
}) => {
  await signInAsAdmin(page, "/staff");
  await rowOf(page, "Amara Okafor").getByRole("link", { name: "Amara Okafor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Amara Okafor" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Teacher profile" })).toContainText("Employee number");
  await checkPage(page, "Amara Okafor's page");

  await page.getByRole("button", { name: "Edit Amara Okafor" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Amara Okafor" });
  await expectAccessible(page, "the edit dialog on a staff member's page");
  await edit.getByRole("button", { name: "Cancel" }).click();
  await expect(edit).toBeHidden();

  await page.getByRole("button", { name: "Add a role" }).click();
  const add = page.getByRole("dialog", { name: "Add a role to Amara Okafor" });
  // A day already over: refused before any request, in the API's words.
  await add.getByLabel("Role").selectOption({ label: "Head" });
  await add.getByLabel("Until (optional)").fill("2020-01-31");
  await add.getByRole("button", { name: "Add role" }).click();
  await expect(add.getByText(/^The end must be in the future/)).toBeVisible();
  await expectAccessible(page, "the add-a-role dialog with its error");
  await page.keyboard.press("Escape");
  await expect(add).toBeHidden();

  // An unknown id is the branded 404.
  await page.goto("/staff/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

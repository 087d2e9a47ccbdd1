// A staff member's page, on a desktop and on a phone: the admin sets a teacher's temporary password
// in its dialog (the rule said up front); the teacher, in a browser of their own, signs in with it
// and must choose their own before anything else, then lands in the portal. The admin sees that
// session on the teacher's page and "Sign out everywhere" ends it — the teacher's next page is the
// sign-in. Last, the teacher's grant gets a term through "Change term", and the page says until
// when. The page passes axe with each dialog open.
import { expect, test, type Page } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, expectAccessible, isPhone, submitSignIn, unique } from "./kit";

/** A date `months` ahead as a date input takes it, and as the page says it ("3 Jan 2027"). */
function monthsAhead(months: number) {
  const at = new Date();
  at.setMonth(at.getMonth() + months);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    input: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    long: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(at),
  };
}

/** A teacher made over the REST API, as an integration would: their id. */
async function makeTeacher(page: Page, baseURL: string, fullName: string, email: string) {
  const { school } = demoCredentials();
  // page.request resolves names in Node, which does not map *.localhost to loopback: it talks to
  // the loopback address and names the school's host in the Host header, as a proxy would.
  const { host, port } = new URL(baseURL);
  const at = (path: string) => `http://127.0.0.1:${port}${path}`;
  const login = await page.request.post(at("/api/v1/school/auth/login/"), {
    headers: { host },
    data: { identifier: school.email, password: school.password },
  });
  expect(login.status()).toBe(200);
  const { access } = await login.json();
  const created = await page.request.post(at("/api/v1/school/users/"), {
    headers: { host, authorization: `Bearer ${access}` },
    data: { email, password: "an initial passphrase nobody uses", full_name: fullName, roles: ["Teacher"] },
  });
  expect(created.status()).toBe(201);
  return (await created.json()).id as string;
}

async function openStaffPage(page: Page, id: string, name: string) {
  await page.goto(`/staff/${id}`);
  // The page renders on the server (its loading skeleton shows first): allow a busy machine time.
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 20_000 });
}

test("a temporary password, the teacher's sessions with Sign out everywhere, and a grant's new term", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow(); // two browsers, two sign-ins, a dozen pages
  const info = test.info();
  const name = unique("Tempo ", info);
  const email = `${name.toLowerCase().replace(/\s+/g, ".")}@greenwood.example.org`;
  const id = await makeTeacher(page, baseURL!, name, email);

  const { school } = demoCredentials();
  await page.goto(`/sign-in?next=${encodeURIComponent(`/staff/${id}`)}`);
  await submitSignIn(page, school.email, school.password);
  await expect(page).toHaveURL(new RegExp(`/staff/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 20_000 });
  const sessions = page.getByRole("region", { name: "Sessions" });
  await expect(sessions.getByText("Not signed in anywhere")).toBeVisible();
  await expect(sessions.getByRole("button", { name: "Sign out everywhere" })).toHaveCount(0);
  await checkPage(page, "a teacher's page before they ever signed in");

  // The temporary password: the rule is said up front, and a short one is refused before any request.
  await page.getByRole("button", { name: `Set password ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Set a temporary password for ${name}` });
  await expect(dialog).toContainText("signed out everywhere");
  await expect(dialog).toContainText("must then choose a new one");
  const field = dialog.getByLabel("Temporary password");
  await expect(field).toHaveAccessibleDescription(/At least \d+ characters/);
  await field.fill("short");
  await dialog.getByRole("button", { name: "Set password" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "the temporary password dialog with its error");
  const temporary = "a temporary passphrase for e2e";
  await field.fill(temporary);
  await dialog.getByRole("button", { name: "Set password" }).click();
  await expect(dialog).toBeHidden();

  // The teacher, in a browser of their own, is made to choose their own password first.
  const context = await browser.newContext({ baseURL, viewport: page.viewportSize(), isMobile: info.project.use.isMobile });
  const teacher = await context.newPage();
  await teacher.goto("/sign-in");
  await submitSignIn(teacher, email, temporary);
  await expect(teacher).toHaveURL(/\/password$/);
  await expect(teacher.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await teacher.goto("/students");
  await expect(teacher).toHaveURL(/\/password$/);
  const mine = "the teacher's very own passphrase";
  await teacher.getByLabel("Current password").fill(temporary);
  await teacher.getByLabel("New password", { exact: true }).fill(mine);
  await teacher.getByLabel("New password again").fill(mine);
  await teacher.getByRole("button", { name: "Change password" }).click();
  await expect(teacher).toHaveURL(/\/profile$/);
  await expect(teacher.getByRole("list", { name: "My roles" })).toContainText("Teacher");

  // The admin sees that session on the teacher's page, and ends it.
  await openStaffPage(page, id, name);
  await expect(sessions.getByText("Not signed in anywhere")).toHaveCount(0);
  // One session, its device in words: a table row on a desktop, a card on a phone.
  await expect(sessions.getByRole(isPhone(page) ? "listitem" : "row").filter({ hasText: /Chrom/ })).toHaveCount(1);
  await checkPage(page, "a teacher's page with their session");
  await page.screenshot({ path: info.outputPath("staff-page.png"), fullPage: true });
  await sessions.getByRole("button", { name: "Sign out everywhere" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Sign ${name} out everywhere?` });
  await expectAccessible(page, "the sign-out-everywhere confirmation");
  await confirm.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(confirm).toBeHidden();
  await expect(sessions.getByText("Not signed in anywhere")).toBeVisible();

  // The teacher's next page is the sign-in.
  await teacher.goto("/students");
  await expect(teacher).toHaveURL(/\/sign-in/);
  await context.close();

  // The Teacher grant gets an end: "Change term", not remove and re-add.
  const until = monthsAhead(2);
  const roles = page.getByRole("region", { name: "Roles" });
  await roles.getByRole("button", { name: `Change term Teacher of ${name}` }).click();
  const term = page.getByRole("dialog", { name: "Change the term of Teacher" });
  await expect(term.getByLabel("From (optional)")).toHaveValue("");
  await expect(term.getByLabel("Until (optional)")).toHaveValue("");
  await term.getByLabel("Until (optional)").fill(until.input);
  await expectAccessible(page, "the change-term dialog");
  await term.getByRole("button", { name: "Save term" }).click();
  await expect(term).toBeHidden();
  await expect(roles.getByRole("listitem").filter({ hasText: "Teacher" })).toContainText(`until ${until.long}`);

  // Opened again, the dialog starts from that day.
  await roles.getByRole("button", { name: `Change term Teacher of ${name}` }).click();
  await expect(term.getByLabel("Until (optional)")).toHaveValue(until.input);
  await term.getByRole("button", { name: "Cancel" }).click();
  await expect(term).toBeHidden();
  await checkPage(page, "a teacher's page with a term on their grant");
});

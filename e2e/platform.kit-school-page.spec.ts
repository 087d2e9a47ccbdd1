// A school's own page in the console, on a desktop and on a phone: a platform admin opens it from
// the schools list by its name and sees its details, numbers, domains and staff with their roles;
// adds a second admin (who can then sign in on the school's host); sets a staff member's temporary
// password (their old one stops working, the new one signs in only to change it); then rotates an
// API key of that school in API keys and sees the new key once. axe checks the page and every
// dialog on the way.
import { expect as baseExpect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, expectAccessible, goToSection, isPhone, rowOf, submitSignIn, unique, setPasswordNow } from "./kit";

// The page renders on the server and each write hashes a password (argon2): on a busy machine
// either can take more than the default 5 s, which says nothing about what the user would see.
const expect = baseExpect.configure({ timeout: 20_000 });

const PASSWORD = "Correct-Horse-42";

/** A fresh school over the API: its Admin and a Teacher, two students and a class. */
async function seedSchool(request: APIRequestContext, baseURL: string, slug: string) {
  const { platform } = demoCredentials();
  const login = await request.post(`${baseURL}/api/v1/system/auth/login/`, {
    data: { identifier: platform.email, password: platform.password },
  });
  expect(login.status()).toBe(200);
  const system = { Authorization: `Bearer ${(await login.json()).access}` };
  const name = `Kit Academy ${slug}`;
  const domain = `portal.${slug}.example.org`;
  const created = await request.post(`${baseURL}/api/v1/system/clients/`, { headers: system, data: { name, slug, domains: [domain] } });
  expect(created.status()).toBe(201);
  const school = await created.json();
  const head = { email: `head@${slug}.example.org`, full_name: "Hana Head" };
  const teacher = { email: `teach@${slug}.example.org`, full_name: "Tomas Teacher" };
  for (const [user, role] of [
    [head, "Admin"],
    [teacher, "Teacher"],
  ] as const) {
    const made = await request.post(`${baseURL}/api/v1/system/clients/${school.id}/users/`, {
      headers: system,
      data: { ...user, password: PASSWORD, roles: [role] },
    });
    expect(made.status()).toBe(201);
  }
  const tenant = { "X-Tenant": slug };
  const headLogin = await request.post(`${baseURL}/api/v1/school/auth/login/`, {
    headers: tenant,
    data: { identifier: head.email, password: PASSWORD },
  });
  expect(headLogin.status()).toBe(200);
  const asHead = { ...tenant, Authorization: `Bearer ${(await headLogin.json()).access}` };
  const klass = await request.post(`${baseURL}/api/v1/school/classes/`, { headers: asHead, data: { name: "Form 1A", grade: 1 } });
  expect(klass.status()).toBe(201);
  for (const n of [1, 2]) {
    const student = await request.post(`${baseURL}/api/v1/school/students/`, {
      headers: asHead,
      data: { first_name: `Student${n}`, last_name: "Kit", admission_number: `K-${n}` },
    });
    expect(student.status()).toBe(201);
  }
  const keyName = `Kit school key ${slug}`;
  const key = await request.post(`${baseURL}/api/v1/system/api-keys/`, {
    headers: system,
    data: { name: keyName, client: school.id, scopes: ["students.view"] },
  });
  expect(key.status()).toBe(201);
  return { id: school.id as string, name, slug, domain, head, teacher, keyName };
}

/** A row of the school's staff (a table row, or a card on a phone), not of its activity list. */
function staffRow(page: Page, text: string) {
  const staff = page.getByRole("region", { name: "Staff", exact: true });
  return (isPhone(page) ? staff.getByRole("listitem") : staff.getByRole("row")).filter({ hasText: text });
}

const schoolLogin = (page: Page, baseURL: string, slug: string, identifier: string, password: string) =>
  page.request.post(`${baseURL}/api/v1/school/auth/login/`, { headers: { "X-Tenant": slug }, data: { identifier, password } });

test("a school's page: numbers, domains and staff; a second admin; a temporary password; then a key rotated", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const base = baseURL ?? "";
  const slug = unique("kit", test.info()).toLowerCase();
  const school = await seedSchool(page.request, base, slug);
  const { platform } = demoCredentials();

  // From the list, by the school's name.
  await page.goto(`/console/sign-in?next=${encodeURIComponent(`/console/schools?search=${slug}`)}`);
  await submitSignIn(page, platform.email, platform.password);
  await expect(page.getByRole("heading", { level: 1, name: "Schools" })).toBeVisible();
  await page.getByRole("link", { name: school.name }).click();
  await expect(page).toHaveURL(new RegExp(`/console/schools/${school.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: school.name })).toBeVisible();
  await checkPage(page, "the school's page");

  const details = page.getByRole("region", { name: "Details" });
  await expect(details.getByText(slug, { exact: true })).toBeVisible();
  await expect(details.getByText("Active", { exact: true })).toBeVisible();
  const portal = details.getByRole("link", { name: /^Open its portal/ });
  await expect(portal).toHaveAttribute("href", new RegExp(`^http://${slug}\\.localhost:\\d+/sign-in$`));
  await expect(portal).toHaveAttribute("target", "_blank");
  await expect(details.getByRole("button", { name: /^Edit/ })).toBeVisible();
  await expect(details.getByRole("button", { name: /^Suspend/ })).toBeVisible();

  await expect(page.getByRole("region", { name: "In numbers" }).getByRole("definition")).toHaveText(["2", "2", "1"]);
  await expect(page.getByRole("list", { name: "Custom domains" }).getByRole("listitem")).toHaveText([school.domain]);

  const staff = page.getByRole("region", { name: "Staff", exact: true });
  const headRow = staffRow(page, school.head.email);
  await expect(headRow.getByText("Admin", { exact: true })).toBeVisible();
  await expect(headRow.getByText("Active", { exact: true })).toBeVisible();
  await expect(staffRow(page, school.teacher.email).getByText("Teacher", { exact: true })).toBeVisible();

  // Recent activity names the school's own events, and links to all of them.
  const activity = page.getByRole("region", { name: "Recent activity" });
  await expect(activity.getByText("Tomas Teacher").first()).toBeVisible();
  await expect(activity.getByRole("link", { name: /in the audit log$/ })).toHaveAttribute("href", `/console/audit?school=${school.id}`);

  // A second admin, who can sign in on the school's host at once.
  const second = { full_name: "Sami Second", email: `second@${slug}.example.org` };
  await staff.getByRole("button", { name: "Add another admin" }).click();
  let dialog = page.getByRole("dialog", { name: `Add an admin to ${school.name}` });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "the add-admin dialog");
  // Every rule at once, before anything is sent.
  await dialog.getByRole("button", { name: "Add admin" }).click();
  await expect(dialog.getByText("Provide an email, a phone number, or both.")).toBeVisible();
  await dialog.getByLabel("Admin full name").fill(second.full_name);
  await dialog.getByLabel("Admin email").fill(second.email);
  await setPasswordNow(dialog, PASSWORD, "Admin password");
  await dialog.getByRole("button", { name: "Add admin" }).click();
  await expect(dialog).toBeHidden();
  await expect(staffRow(page, second.email).getByText("Admin", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "In numbers" }).getByRole("definition")).toHaveText(["3", "2", "1"]);
  const secondLogin = await schoolLogin(page, base, slug, second.email, PASSWORD);
  expect(secondLogin.status()).toBe(200);
  expect((await secondLogin.json()).password_change_required).toBeFalsy();

  // A temporary password for the teacher: the dialog says what follows, then confirms it.
  const temporary = "Temporary-Pass-77";
  const setPassword = staffRow(page, school.teacher.email).getByRole("button", { name: /^Set a temporary password/ });
  await setPassword.click();
  dialog = page.getByRole("dialog", { name: `Set a temporary password for ${school.teacher.full_name}` });
  await expect(dialog).toContainText("Every session of");
  await expect(dialog).toContainText("must then choose a new one");
  await expect(dialog.getByText(/at least \d+ characters/i)).toBeVisible();
  await expectAccessible(page, "the temporary-password dialog");
  await dialog.getByLabel("Temporary password").fill("short");
  await dialog.getByRole("button", { name: "Set temporary password" }).click();
  await expect(dialog.getByLabel("Temporary password")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Temporary password").fill(temporary);
  await dialog.getByRole("button", { name: "Set temporary password" }).click();
  dialog = page.getByRole("dialog", { name: "Temporary password set" });
  await expect(dialog.getByRole("status")).toContainText("must choose a new password at their next sign-in");
  await expectAccessible(page, "the temporary password's confirmation");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  expect((await schoolLogin(page, base, slug, school.teacher.email, PASSWORD)).status()).toBe(401);
  const teacherLogin = await schoolLogin(page, base, slug, school.teacher.email, temporary);
  expect(teacherLogin.status()).toBe(200);
  expect((await teacherLogin.json()).password_change_required).toBe(true);
  await checkPage(page, "the school's page after its changes");

  // Then API keys: the school's key rotated, the new key shown once.
  await goToSection(page, "Console", "API keys");
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await rowOf(page, school.keyName)
    .getByRole("button", { name: /^Rotate/ })
    .first()
    .click();
  dialog = page.getByRole("dialog", { name: `Rotate “${school.keyName}”` });
  await dialog.getByRole("button", { name: "Rotate key" }).click();
  dialog = page.getByRole("dialog", { name: "Your new API key" });
  await expect(dialog.getByText("It will never be shown again")).toBeVisible();
  const key = await dialog.getByRole("textbox", { name: "API key" }).inputValue();
  expect(key).toMatch(/^sms_/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  const used = await page.request.get(`${base}/api/v1/school/students/`, { headers: { "X-API-KEY": key, "X-Tenant": slug } });
  expect(used.status()).toBe(200);
  expect((await used.json()).count).toBe(2);

  // An unknown id and a malformed one are the branded 404.
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
    await page.goto(`/console/schools/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
});

test("a support user reads a school's page but sees no write controls", async ({ page, baseURL }) => {
  const base = baseURL ?? "";
  const school = await seedSchool(page.request, base, unique("kitro", test.info()).toLowerCase());
  const { platform } = demoCredentials();
  const login = await page.request.post(`${base}/api/v1/system/auth/login/`, {
    data: { identifier: platform.email, password: platform.password },
  });
  const support = { email: `${unique("support", test.info())}@example.org`, password: "Read-Only-Eyes-7" };
  const created = await page.request.post(`${base}/api/v1/system/users/`, {
    headers: { Authorization: `Bearer ${(await login.json()).access}` },
    data: { ...support, full_name: "Sam Support", platform_role: "support" },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/console/sign-in?next=${encodeURIComponent(`/console/schools/${school.id}`)}`);
  await submitSignIn(page, support.email, support.password);
  await expect(page.getByRole("heading", { level: 1, name: school.name })).toBeVisible();
  await checkPage(page, "the school's page for a support user");
  await expect(staffRow(page, school.head.email)).toBeVisible();
  await expect(page.getByText("Your role may only read.")).toBeVisible();
  await expect(
    page.getByRole("button", { name: /^(Add another admin|Set a temporary password|Deactivate|Reactivate|Edit|Suspend|Delete)/ }),
  ).toHaveCount(0);
});

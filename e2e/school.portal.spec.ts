// The school portal end to end, on real hosts: an admin builds a narrow role through the
// permission matrix and gives it to a new colleague, who then sees — in the portal and over the
// REST API alike — only what that role allows, and cannot sign in on another school's address.
import { expect, test, type Page } from "@playwright/test";
import { demoCredentials } from "./demo";
import { pick, setPasswordNow } from "./kit";

const PORTAL_COOKIE = "sms_school_session";

async function signIn(page: Page, identifier: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email or phone").fill(identifier);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Through the account menu, by keyboard (it must be reachable without a mouse). */
async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Account menu:/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "My profile" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "My account" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sign-in$/);
}

test("an admin's narrow role holds in the portal, in the API and across schools", async ({ page, baseURL }) => {
  const { school, platform } = demoCredentials();
  const nav = page.getByRole("navigation", { name: "School" });
  const librarian = { email: `librarian-${Date.now()}@greenwood.example.org`, password: "Shelves-and-stacks-42" };

  // The admin signs in on the school's own address.
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in" }).click();
  await signIn(page, school.email, school.password);
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("list", { name: "My roles" })).toContainText("Admin");
  for (const section of ["Profile", "Staff", "Roles", "Students", "Classes"]) {
    await expect(nav.getByRole("link", { name: section })).toBeVisible();
  }

  // A "Librarian" role through the matrix: students: view, nothing else.
  await nav.getByRole("link", { name: "Roles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();
  await page.getByRole("button", { name: "New role" }).click();
  const roleDialog = page.getByRole("dialog", { name: "New role" });
  await roleDialog.getByLabel("Name").fill("Librarian");
  await roleDialog.getByRole("checkbox", { name: "students: view" }).check();
  await expect(roleDialog.getByRole("checkbox", { name: "students: change" })).not.toBeChecked();
  await roleDialog.getByRole("button", { name: "Create role" }).click();
  await expect(roleDialog).toBeHidden();
  const librarianRow = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "Librarian", exact: true }) });
  await expect(librarianRow).toContainText("students: view");
  await expect(librarianRow).not.toContainText("students: view, add");

  // A colleague with that role.
  await nav.getByRole("link", { name: "Staff" }).click();
  await page.getByRole("button", { name: "New staff member" }).click();
  const staffDialog = page.getByRole("dialog", { name: "New staff member" });
  await staffDialog.getByLabel("Full name").fill("Lena Librarian");
  await staffDialog.getByLabel("Email").fill(librarian.email);
  await setPasswordNow(staffDialog, librarian.password);
  await staffDialog.getByRole("checkbox", { name: "Librarian" }).check();
  await staffDialog.getByRole("button", { name: "Create staff member" }).click();
  await expect(staffDialog).toBeHidden();
  const staffRow = page.getByRole("row").filter({ hasText: "Lena Librarian" });
  await expect(staffRow).toContainText(librarian.email);
  await expect(staffRow).toContainText("Librarian");
  await expect(staffRow).toContainText("Active");

  // The school's own audit log says what happened, and to whom, in words.
  await nav.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(
    page.getByRole("row").filter({ hasText: "Staff member created" }).filter({ hasText: "Lena Librarian" }).first(),
  ).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Role created" }).filter({ hasText: "Librarian" }).first()).toBeVisible();

  await signOut(page);
  expect((await page.context().cookies()).some((c) => c.name === PORTAL_COOKIE)).toBe(false);

  // The librarian signs in on the subdomain: Students (read-only), nothing else.
  await signIn(page, librarian.email, librarian.password);
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("list", { name: "My roles" })).toContainText("Librarian");
  await expect(nav.getByRole("link", { name: "Students" })).toBeVisible();
  for (const hidden of ["Roles", "Staff", "Classes", "Audit log"]) {
    await expect(nav.getByRole("link", { name: hidden })).toHaveCount(0);
  }
  await nav.getByRole("link", { name: "Students" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Students" })).toBeVisible();
  await expect(page.getByRole("search", { name: "Search students" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New student" })).toHaveCount(0);
  // A typed URL to a section the role lacks explains itself instead of showing data.
  await page.goto("/roles");
  await expect(page.getByRole("alert").filter({ hasText: "roles.view" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New role" })).toHaveCount(0);
  // The audit log is for those who may view roles.
  await page.goto("/audit");
  await expect(page.getByRole("alert").filter({ hasText: "roles.view" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);

  // The REST API agrees: the same user may read students, not add them. (page.request resolves
  // names in Node, which — unlike Chromium — does not map *.localhost to loopback: so it talks to
  // the loopback address and names the school's host in the Host header, as a proxy would.)
  const port = new URL(baseURL!).port;
  const onGreenwood = (path: string, token?: string) => ({
    url: `http://127.0.0.1:${port}${path}`,
    headers: { host: new URL(baseURL!).host, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const loginAt = onGreenwood("/api/v1/school/auth/login/");
  const login = await page.request.post(loginAt.url, {
    headers: loginAt.headers,
    data: { identifier: librarian.email, password: librarian.password },
  });
  expect(login.status()).toBe(200);
  const { access } = await login.json();
  const students = onGreenwood("/api/v1/school/students/", access);
  expect((await page.request.get(students.url, { headers: students.headers })).status()).toBe(200);
  const refused = await page.request.post(students.url, {
    headers: students.headers,
    data: { first_name: "Ada", last_name: "Lovelace", admission_number: "LIB-1" },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).code).toBe("permission_denied");

  // Another school, created through the system API on the platform host…
  const platformBase = `http://localhost:${port}`;
  const system = await page.request.post(`${platformBase}/api/v1/system/auth/login/`, {
    data: { identifier: platform.email, password: platform.password },
  });
  expect(system.status()).toBe(200);
  const slug = `riverside-${Date.now().toString(36)}`;
  const created = await page.request.post(`${platformBase}/api/v1/system/clients/`, {
    headers: { authorization: `Bearer ${(await system.json()).access}` },
    data: { name: "Riverside Academy", slug },
  });
  expect(created.status()).toBe(201);

  // …does not know the librarian: an error, and no session there.
  const otherBase = `http://${slug}.localhost:${port}`;
  await page.goto(`${otherBase}/sign-in`);
  await expect(page.getByText("Riverside Academy")).toBeVisible();
  await page.getByLabel("Email or phone").fill(librarian.email);
  await page.getByLabel("Password").fill(librarian.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email/phone or password." })).toBeVisible();
  await expect(page).toHaveURL(`${otherBase}/sign-in`);
  expect((await page.context().cookies(otherBase)).some((c) => c.name === PORTAL_COOKIE)).toBe(false);
  await page.goto(`${otherBase}/profile`);
  await expect(page).toHaveURL(`${otherBase}/sign-in?next=%2Fprofile`);

  // The Greenwood session is untouched by all that (its cookie is Greenwood's alone).
  await page.goto("/profile");
  await expect(page.getByRole("list", { name: "My roles" })).toContainText("Librarian");
});

test("students and classes: create, validate, search, edit and delete from the portal", async ({ page }) => {
  const { school } = demoCredentials();
  const nav = page.getByRole("navigation", { name: "School" });
  await signIn(page, school.email, school.password);
  await expect(page).toHaveURL(/\/profile$/);

  // A class taught by the admin, picked by searching the staff.
  const className = `E2E ${Date.now().toString(36)}`;
  await nav.getByRole("link", { name: "Classes" }).click();
  await page.getByRole("button", { name: "New class" }).click();
  const classDialog = page.getByRole("dialog", { name: "New class" });
  await classDialog.getByLabel("Name").fill(className);
  await classDialog.getByLabel("Grade").fill("7");
  await pick(classDialog, "Teacher", "Grace", /^Grace Head/);
  await classDialog.getByRole("button", { name: "Create class" }).click();
  await expect(classDialog).toBeHidden();
  await page.goto(`/classes?search=${encodeURIComponent(className)}`);
  await expect(page.getByRole("row").filter({ hasText: className })).toContainText("Grace Head");

  // Two students in it; the second reuses an admission number: the error sits by that field and
  // what was typed stays.
  await nav.getByRole("link", { name: "Students" }).click();
  const addStudent = async (first: string, last: string, admission: string) => {
    await page.getByRole("button", { name: "New student" }).click();
    const dialog = page.getByRole("dialog", { name: "New student" });
    await dialog.getByLabel("First name").fill(first);
    await dialog.getByLabel("Last name").fill(last);
    await dialog.getByLabel("Admission number").fill(admission);
    await pick(dialog, "Class", className, new RegExp(`^${className}`));
    await dialog.getByLabel("Date of birth").fill("2013-04-09");
    await dialog.getByRole("button", { name: "Create student" }).click();
    return dialog;
  };
  await expect(await addStudent("Ada", "Lovelace", "GW-001")).toBeHidden();
  const duplicate = await addStudent("Alan", "Turing", "GW-001");
  await expect(duplicate.getByLabel("Admission number")).toHaveAttribute("aria-invalid", "true");
  await expect(duplicate.getByText("A student with this admission number already exists.")).toBeVisible();
  await expect(duplicate.getByLabel("First name")).toHaveValue("Alan");
  await duplicate.getByLabel("Admission number").fill("GW-002");
  await duplicate.getByRole("button", { name: "Create student" }).click();
  await expect(duplicate).toBeHidden();

  // Search narrows the list (the query lives in the URL, without the filters left empty).
  const search = page.getByRole("search", { name: "Search students" });
  await search.getByLabel("Search").fill("lovelace");
  await search.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/students\?search=lovelace$/);
  const ada = page.getByRole("row").filter({ hasText: "Lovelace, Ada" });
  await expect(ada).toContainText(className);
  await expect(ada).toContainText("9 Apr 2013");
  await expect(page.getByRole("row").filter({ hasText: "Turing" })).toHaveCount(0);

  // Edit: out of the class (the picker cleared).
  await page.getByRole("button", { name: "Edit Ada Lovelace" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Ada Lovelace" });
  await edit.getByRole("button", { name: "Clear Class" }).click();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(ada).toContainText("No class");

  // Delete, after confirming.
  await page.goto("/students?search=turing");
  await page.getByRole("button", { name: "Delete Alan Turing" }).click();
  await page.getByRole("alertdialog", { name: "Delete Alan Turing?" }).getByRole("button", { name: "Delete student" }).click();
  await expect(page.getByText("No students match these filters.")).toBeVisible();

  // Deleting the class keeps its students.
  await page.goto(`/classes?search=${encodeURIComponent(className)}`);
  await page.getByRole("button", { name: `Delete ${className}` }).click();
  await page
    .getByRole("alertdialog", { name: `Delete class ${className}?` })
    .getByRole("button", { name: "Delete class" })
    .click();
  await expect(page.getByText("No classes match these filters.")).toBeVisible();
  await page.goto("/students?search=lovelace");
  await expect(page.getByRole("row").filter({ hasText: "Lovelace, Ada" })).toBeVisible();
});

test("a role manager cannot grant what they lack: greyed in the matrix, refused by the server", async ({ page, baseURL }) => {
  const { school } = demoCredentials();
  const nav = page.getByRole("navigation", { name: "School" });
  const manager = { email: `roles-${Date.now()}@greenwood.example.org`, password: "Matrix-manager-77" };

  await signIn(page, school.email, school.password);
  await expect(page).toHaveURL(/\/profile$/);
  await nav.getByRole("link", { name: "Roles" }).click();
  await page.getByRole("button", { name: "New role" }).click();
  const dialog = page.getByRole("dialog", { name: "New role" });
  await dialog.getByLabel("Name").fill("Role manager");
  for (const box of ["roles: view", "roles: add", "roles: change", "students: view", "users: view", "users: add"]) {
    await dialog.getByRole("checkbox", { name: box }).check();
  }
  await dialog.getByRole("button", { name: "Create role" }).click();
  await expect(dialog).toBeHidden();
  await nav.getByRole("link", { name: "Staff" }).click();
  await page.getByRole("button", { name: "New staff member" }).click();
  const staffDialog = page.getByRole("dialog", { name: "New staff member" });
  await staffDialog.getByLabel("Full name").fill("Rita Roles");
  await staffDialog.getByLabel("Email").fill(manager.email);
  await setPasswordNow(staffDialog, manager.password);
  await staffDialog.getByRole("checkbox", { name: "Role manager" }).check();
  await staffDialog.getByRole("button", { name: "Create staff member" }).click();
  await expect(staffDialog).toBeHidden();
  await signOut(page);

  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL(/\/profile$/);
  await nav.getByRole("link", { name: "Roles" }).click();
  // Roles holding more than she does offer her no Edit or Delete.
  const admin = page.getByRole("row").filter({ has: page.getByRole("cell", { name: /^Admin/ }) });
  await expect(admin).toContainText("Holds permissions you lack");
  await expect(admin.getByRole("button", { name: /Edit/ })).toHaveCount(0);
  // In the matrix only what she holds can be ticked.
  await page.getByRole("button", { name: "New role" }).click();
  const matrix = page.getByRole("dialog", { name: "New role" });
  await expect(matrix.getByRole("checkbox", { name: "students: view" })).toBeEnabled();
  await expect(matrix.getByRole("checkbox", { name: "roles: add" })).toBeEnabled();
  for (const lacking of ["students: add", "students: delete", "roles: delete", "classes: view", "users: change"]) {
    await expect(matrix.getByRole("checkbox", { name: lacking })).toBeDisabled();
  }
  // Staff roles she could not hand out are greyed too.
  await matrix.getByRole("button", { name: "Cancel" }).click();
  await nav.getByRole("link", { name: "Staff" }).click();
  await page.getByRole("button", { name: "New staff member" }).click();
  const invite = page.getByRole("dialog", { name: "New staff member" });
  await expect(invite.getByRole("checkbox", { name: "Role manager" })).toBeEnabled();
  await expect(invite.getByRole("checkbox", { name: "Admin" })).toBeDisabled();
  await expect(invite.getByRole("checkbox", { name: "Teacher" })).toBeDisabled(); // classes.view she lacks
  await invite.getByRole("button", { name: "Cancel" }).click();

  // Past the browser, the server refuses the escalation all the same.
  const port = new URL(baseURL!).port;
  const headers = { host: new URL(baseURL!).host };
  const login = await page.request.post(`http://127.0.0.1:${port}/api/v1/school/auth/login/`, {
    headers,
    data: { identifier: manager.email, password: manager.password },
  });
  const { access } = await login.json();
  const escalate = await page.request.post(`http://127.0.0.1:${port}/api/v1/school/roles/`, {
    headers: { ...headers, authorization: `Bearer ${access}` },
    data: { name: "Sneaky", permissions: ["students.view", "students.delete"] },
  });
  expect(escalate.status()).toBe(403);
});

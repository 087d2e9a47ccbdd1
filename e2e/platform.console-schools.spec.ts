// The console's Schools page end to end: create a school with its first admin, find it, edit it,
// suspend it (and see its admin refused over HTTP), reactivate it, delete it; inline errors;
// and a read-only role sees no write controls.
import { expect, test, type Page } from "@playwright/test";
import { demoCredentials } from "./demo";
import { setPasswordNow } from "./kit";

async function signIn(page: Page, identifier: string, password: string) {
  await page.goto("/console/sign-in");
  await page.getByLabel("Email or phone").fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
}

async function openSchools(page: Page) {
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Schools" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schools" })).toBeVisible();
}

function unique(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

test("a school's life: create with its admin, search, edit domains, suspend, reactivate, delete", async ({ page, baseURL }) => {
  const { platform } = demoCredentials();
  const slug = unique("e2e");
  const name = `E2E Academy ${slug}`;
  const admin = { email: `head@${slug}.example.org`, password: "Correct-Horse-42" };
  const schoolLogin = () =>
    page.request.post(`${baseURL}/api/v1/school/auth/login/`, {
      headers: { "X-Tenant": slug },
      data: { identifier: admin.email, password: admin.password },
    });

  await signIn(page, platform.email, platform.password);
  await openSchools(page);

  // Create the school and its first admin.
  await page.getByRole("button", { name: "New school" }).click();
  const create = page.getByRole("dialog", { name: "New school" });
  await create.getByLabel("School name").fill(name);
  await create.getByLabel("Slug").fill(slug);
  await expect(create.getByText(`${slug}.localhost`)).toBeVisible();
  await create.getByLabel("Admin full name").fill("Ada Head");
  await create.getByLabel("Admin email").fill(admin.email);
  await setPasswordNow(create, admin.password, "Admin password");
  await create.getByRole("button", { name: "Create school" }).click();
  await expect(create).toBeHidden();

  const row = page.getByRole("row").filter({ hasText: `${slug}.localhost` });
  await expect(row).toBeVisible();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();

  // The admin can sign in to the new school at once.
  expect((await schoolLogin()).status()).toBe(200);

  // Search finds it, and only it.
  await page.getByRole("searchbox", { name: "Search" }).fill(slug);
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]search=${slug}`));
  await expect(row).toBeVisible();
  await expect(page.getByRole("table", { name: "Schools" }).getByRole("row")).toHaveCount(2); // header + the school

  // Edit its custom domains.
  await row.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${name}` });
  await edit.getByLabel("Custom domains").fill(`portal.${slug}.example.edu\nwww.${slug}.example.edu`);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(row.getByText(`portal.${slug}.example.edu`)).toBeVisible();
  await expect(row.getByText(`www.${slug}.example.edu`)).toBeVisible();

  // Suspend it: the dialog names the school and says what happens.
  await row.getByRole("button", { name: `Suspend ${name}` }).click();
  const suspend = page.getByRole("alertdialog", { name: `Suspend ${name}?` });
  await expect(suspend).toContainText("its staff can no longer sign in");
  await expect(suspend).toContainText("API keys");
  await suspend.getByRole("button", { name: "Suspend school" }).click();
  await expect(row.getByText("Suspended", { exact: true })).toBeVisible();

  const refused = await schoolLogin();
  expect(refused.status()).toBe(403);
  expect((await refused.json()).code).toBe("tenant_inactive");

  // Reactivate it: the admin's login works again.
  await row.getByRole("button", { name: `Reactivate ${name}` }).click();
  await page
    .getByRole("alertdialog", { name: `Reactivate ${name}?` })
    .getByRole("button", { name: "Reactivate school" })
    .click();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  const welcomed = await schoolLogin();
  expect(welcomed.status()).toBe(200);
  expect((await welcomed.json()).tenant.slug).toBe(slug);

  // Delete it: only once its slug is typed.
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  const remove = page.getByRole("dialog", { name: `Delete ${name}?` });
  const confirm = remove.getByRole("button", { name: "Delete school" });
  // Pressing it before typing the slug (or with a wrong one) refuses, next to the field.
  await confirm.click();
  await expect(remove.getByLabel(`Type the slug “${slug}” to confirm`)).toHaveAccessibleDescription(
    `Type the slug “${slug}” exactly to confirm.`,
  );
  await expect(remove).toBeVisible();
  await remove.getByLabel(`Type the slug “${slug}” to confirm`).fill(slug);
  await confirm.click();
  await expect(remove).toBeHidden();
  await expect(page.getByText("No schools match these filters.")).toBeVisible();
  expect((await schoolLogin()).status()).toBe(404);
});

test("a taken slug or email is reported next to its field, what was typed stays, and nothing is half-made", async ({ page }) => {
  const { platform, school } = demoCredentials();
  const email = `${unique("dup")}@example.org`;
  await signIn(page, platform.email, platform.password);
  await openSchools(page);

  await page.getByRole("button", { name: "New school" }).click();
  const create = page.getByRole("dialog", { name: "New school" });
  await create.getByLabel("School name").fill("Second Greenwood");
  await create.getByLabel("Slug").fill(school.slug);
  await create.getByLabel("Custom domains (optional)").fill("portal.second-greenwood.example.edu");
  await create.getByLabel("Admin full name").fill("Bo Admin");
  await create.getByLabel("Admin email").fill(email);
  await setPasswordNow(create, "Correct-Horse-42", "Admin password");
  await create.getByRole("button", { name: "Create school" }).click();

  const slugField = create.getByLabel("Slug");
  await expect(slugField).toHaveAttribute("aria-invalid", "true");
  await expect(slugField).toHaveAccessibleDescription(/A school with this slug already exists\./);
  await expect(create).toBeVisible();
  await expect(slugField).toHaveValue(school.slug);
  await expect(create.getByLabel("School name")).toHaveValue("Second Greenwood");
  await expect(create.getByLabel("Custom domains (optional)")).toHaveValue("portal.second-greenwood.example.edu");
  await expect(create.getByLabel("Admin email")).toHaveValue(email);
  await expect(create.getByLabel("Admin password")).toHaveValue("Correct-Horse-42");

  // A taken admin email, with a free slug: the error sits next to the email, and nothing of the
  // school was kept — the same slug works once the email is fixed (one transaction).
  const slug = unique("dup");
  await slugField.fill(slug);
  await create.getByLabel("Admin email").fill(school.email);
  await create.getByRole("button", { name: "Create school" }).click();
  await expect(create.getByLabel("Admin email")).toHaveAccessibleDescription(/A user with this email already exists\./);
  await expect(slugField).toHaveValue(slug);
  await create.getByLabel("Admin email").fill(email);
  await create.getByRole("button", { name: "Create school" }).click();
  await expect(create).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: `${slug}.localhost` })).toBeVisible();
});

test("a support user sees the schools but no write controls", async ({ page, baseURL }) => {
  const { platform } = demoCredentials();
  const support = { email: `${unique("support")}@example.org`, password: "Read-Only-Eyes-7" };
  const login = await page.request.post(`${baseURL}/api/v1/system/auth/login/`, {
    data: { identifier: platform.email, password: platform.password },
  });
  const { access } = await login.json();
  const created = await page.request.post(`${baseURL}/api/v1/system/users/`, {
    headers: { authorization: `Bearer ${access}` },
    data: { email: support.email, password: support.password, full_name: "Sam Support", platform_role: "support" },
  });
  expect(created.status()).toBe(201);

  await signIn(page, support.email, support.password);
  await openSchools(page);
  await expect(page.getByRole("row").filter({ hasText: "greenwood.localhost" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New school" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Edit|Suspend|Reactivate|Delete) / })).toHaveCount(0);
});

// My account in the portal, on a desktop and a phone: the sessions of the signed-in user, this
// browser marked; "Sign out" on another session signs that browser out at its next page; "Sign out
// everywhere else" ends the rest and keeps this one.
import { expect, test, type Browser } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, expectAccessible, rowOf, submitSignIn, unique } from "./kit";

/** Another browser (its own cookies) signed in as the demo admin, known by its User-Agent. */
async function otherBrowser(browser: Browser, baseURL: string, agent: string) {
  const context = await browser.newContext({ baseURL, userAgent: `${agent}/1.0` });
  const page = await context.newPage();
  const { school } = demoCredentials();
  await page.goto("/sign-in");
  await submitSignIn(page, school.email, school.password);
  await expect(page).toHaveURL(/\/profile$/);
  return { context, page };
}

test("end another session from My account: that browser is signed out; everywhere else ends the rest", async ({
  page,
  browser,
  baseURL,
}) => {
  const laptopAgent = unique("Laptop-", test.info());
  const tabletAgent = unique("Tablet-", test.info());
  const laptop = await otherBrowser(browser, baseURL!, laptopAgent);
  const tablet = await otherBrowser(browser, baseURL!, tabletAgent);

  const { school } = demoCredentials();
  await page.goto("/sign-in");
  await submitSignIn(page, school.email, school.password);
  await expect(page).toHaveURL(/\/profile$/);
  await page.getByRole("button", { name: /^Account menu:/ }).click();
  await page.getByRole("menuitem", { name: "My account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  await checkPage(page, "my account");

  // This browser is marked; the two others are listed by their device.
  await expect(page.getByText("This device").filter({ visible: true })).toHaveCount(1);
  const laptopRow = rowOf(page, laptopAgent);
  await expect(laptopRow).toHaveCount(1);
  await expect(rowOf(page, tabletAgent)).toHaveCount(1);

  // Sign the laptop out: confirm, and it leaves the list.
  await laptopRow.getByRole("button", { name: /^Sign out/ }).click();
  const confirm = page.getByRole("alertdialog", { name: `Sign out ${laptopAgent}?` });
  await expectAccessible(page, "the sign-out confirmation");
  await confirm.getByRole("button", { name: "Sign out" }).click();
  await expect(confirm).toBeHidden();
  await expect(rowOf(page, laptopAgent)).toHaveCount(0);

  // The laptop's next page asks it to sign in again; the tablet carries on.
  await laptop.page.goto("/students");
  await expect(laptop.page).toHaveURL(/\/sign-in\?next=%2Fstudents$/);
  await tablet.page.goto("/students");
  await expect(tablet.page.getByRole("heading", { level: 1, name: "Students" })).toBeVisible();

  // Everywhere else: the tablet (and any other) ends, this browser stays.
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  const everywhere = page.getByRole("alertdialog", { name: "Sign out everywhere else?" });
  await everywhere.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(everywhere).toBeHidden();
  await expect(rowOf(page, tabletAgent)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign out everywhere else" })).toHaveCount(0);
  await tablet.page.goto("/classes");
  await expect(tablet.page).toHaveURL(/\/sign-in\?next=%2Fclasses$/);
  await page.goto("/account");
  await expect(page.getByText("This device").filter({ visible: true })).toBeVisible();
  await checkPage(page, "my account, one session left");

  await laptop.context.close();
  await tablet.context.close();
});

test("edit my details: name and phone saved and shown; a bad phone is said next to its field", async ({ page, baseURL }, info) => {
  const { school } = demoCredentials();
  // A colleague of our own (made over the API by the demo admin), so the demo admin's name stays.
  const port = new URL(baseURL!).port;
  const api = (path: string, token?: string) => ({
    url: `http://127.0.0.1:${port}${path}`,
    headers: { host: new URL(baseURL!).host, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const login = api("/api/v1/school/auth/login/");
  const admin = await (
    await page.request.post(login.url, { headers: login.headers, data: { identifier: school.email, password: school.password } })
  ).json();
  const me = { email: `${unique("details", info)}@greenwood.example.org`, password: "Details-passphrase-1" };
  const users = api("/api/v1/school/users/", admin.access);
  const created = await page.request.post(users.url, {
    headers: users.headers,
    data: { email: me.email, password: me.password, full_name: "Dana Details", roles: ["Teacher"] },
  });
  expect(created.status()).toBe(201);

  await page.goto("/sign-in");
  await submitSignIn(page, me.email, me.password);
  await expect(page).toHaveURL(/\/profile$/);
  await page.goto("/account");
  const summary = page.getByRole("region", { name: "Your account" });
  await summary.getByRole("button", { name: "Edit details" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit your details" });
  await expect(dialog.getByText(`Your email (${me.email}) is changed by an administrator.`)).toBeVisible();
  await expectAccessible(page, "the edit details dialog");

  await dialog.getByLabel("Full name").fill("Dana Q. Details");
  await dialog.getByLabel("Phone").fill("not a phone");
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");

  // Phones are unique across accounts: a random line of a real San Francisco exchange.
  const line = String(1000 + Math.floor(Math.random() * 9000));
  await dialog.getByLabel("Phone").fill(`(415) 734-${line}`);
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog).toBeHidden();
  await expect(summary.getByText("Dana Q. Details")).toBeVisible();
  await expect(summary.getByText(`+1415734${line}`)).toBeVisible();
  // Focus went back to the control that opened the dialog.
  await expect(summary.getByRole("button", { name: "Edit details" })).toBeFocused();
  await checkPage(page, "my account after editing");
});

// A temporary password in the school portal: a colleague's password set by an admin (over the REST
// API) sends every portal page to "Change your password" until they choose their own; then the
// portal opens as usual and the API answers them again.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, submitSignIn, unique } from "./kit";

test("a temporary password must be changed before anything else, in the portal and the API", async ({ page, baseURL }, info) => {
  const { school } = demoCredentials();
  // page.request resolves names in Node, which does not map *.localhost to loopback: it talks to
  // the loopback address and names the school's host in the Host header, as a proxy would.
  const port = new URL(baseURL!).port;
  const api = (path: string, token?: string) => ({
    url: `http://127.0.0.1:${port}${path}`,
    headers: { host: new URL(baseURL!).host, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const signInApi = async (identifier: string, password: string) => {
    const at = api("/api/v1/school/auth/login/");
    const res = await page.request.post(at.url, { headers: at.headers, data: { identifier, password } });
    expect(res.status()).toBe(200);
    return res.json();
  };

  // The admin creates a colleague, then sets a temporary password for them.
  const admin = await signInApi(school.email, school.password);
  const colleague = { email: `${unique("temp", info)}@greenwood.example.org`, password: "Initial-passphrase-1" };
  const users = api("/api/v1/school/users/", admin.access);
  const created = await page.request.post(users.url, {
    headers: users.headers,
    data: { email: colleague.email, password: colleague.password, full_name: "Tessa Temporary", roles: ["Teacher"] },
  });
  expect(created.status()).toBe(201);
  const one = api(`/api/v1/school/users/${(await created.json()).id}/`, admin.access);
  const temporary = "Temporary-passphrase-2";
  expect((await page.request.patch(one.url, { headers: one.headers, data: { password: temporary } })).status()).toBe(200);

  // Signing in with it lands on "Change your password"; other pages send the user back there.
  await page.goto("/sign-in");
  await submitSignIn(page, colleague.email, temporary);
  await expect(page).toHaveURL(/\/password$/);
  await expect(page.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
  await checkPage(page, "change your password");
  await page.goto("/students");
  await expect(page).toHaveURL(/\/password$/);

  // A wrong current password is said next to its field; mismatched new ones next to theirs.
  const mine = "My-own-passphrase-3";
  await page.getByLabel("Current password").fill("not the password");
  await page.getByLabel("New password", { exact: true }).fill(mine);
  await page.getByLabel("New password again").fill(`${mine}x`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("New password again")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("New password again").fill(mine);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Your old password was entered incorrectly.")).toBeVisible();
  await checkPage(page, "change your password, with errors");

  await page.getByLabel("Current password").fill(temporary);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("list", { name: "My roles" })).toContainText("Teacher");

  // The API agrees: the new password signs in without the flag, and the routes answer.
  const after = await signInApi(colleague.email, mine);
  expect(after.password_change_required).toBe(false);
  const students = api("/api/v1/school/students/", after.access);
  expect((await page.request.get(students.url, { headers: students.headers })).status()).toBe(200);
});

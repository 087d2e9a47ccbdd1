// A school's two-factor policy from the console: a platform admin ticks "Require two-factor sign-in
// for staff" on the school's page, and the school's client object (the system API) says so.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, submitSignIn, unique } from "./kit";

test("a platform admin requires two-factor sign-in of a school's staff on its page", async ({ page }, info) => {
  const { platform } = demoCredentials();
  const login = await page.request.post("/api/v1/system/auth/login/", {
    data: { identifier: platform.email, password: platform.password },
  });
  const token = (await login.json()).access;
  const slug = unique("policy", info)
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .slice(0, 40);
  const created = await page.request.post("/api/v1/system/clients/", {
    headers: { authorization: `Bearer ${token}` },
    data: { name: `Policy Academy ${slug}`, slug },
  });
  expect(created.status()).toBe(201);
  const school = await created.json();
  expect(school.mfa_required).toBe(false);

  await page.goto("/console/sign-in");
  await submitSignIn(page, platform.email, platform.password);
  await expect(page).toHaveURL(/\/console$/);
  await page.goto(`/console/schools/${school.id}`);
  const signIn = page.getByRole("region", { name: "Sign-in" });
  const policy = signIn.getByLabel("Require two-factor sign-in for staff");
  await expect(policy).not.toBeChecked();
  await checkPage(page, "a school's page with its two-factor policy");
  await policy.check();
  await signIn.getByRole("button", { name: "Save" }).click();

  await expect
    .poll(
      async () =>
        (await (await page.request.get(`/api/v1/system/clients/${school.id}/`, { headers: { authorization: `Bearer ${token}` } })).json())
          .mfa_required,
    )
    .toBe(true);
  await page.reload();
  await expect(page.getByRole("region", { name: "Sign-in" }).getByLabel("Require two-factor sign-in for staff")).toBeChecked();
});

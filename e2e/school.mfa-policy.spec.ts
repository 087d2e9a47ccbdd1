// A school's two-factor policy in the portal: the full admin turns on "Require two-factor sign-in
// for staff" in School settings and is at once held to it themselves; a teacher without two-factor
// who signs in is taken to My account's two-factor section with a notice, every other page brings
// them back, and once they turn it on the portal is theirs again. The policy is turned off again
// over the system API (the demo school is shared with the other specs).
import { expect, test, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { demoCredentials } from "./demo";
import { checkPage, submitSignIn, unique } from "./kit";

const codeAt = (secret: string, step: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: step * 30_000,
  });

/** API calls from Node: to the loopback address, naming the host (Node does not map *.localhost). */
function api(page: Page, baseURL: string) {
  const { port, host } = new URL(baseURL);
  return async (method: "POST" | "PATCH", path: string, data: object, options: { token?: string; platform?: boolean } = {}) =>
    page.request.fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        host: options.platform ? `localhost:${port}` : host,
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      data,
    });
}

test("staff of a school that requires two-factor sign-in are taken to turn it on first", async ({ page, baseURL }, info) => {
  test.setTimeout(180_000);
  const call = api(page, baseURL!);
  const { school, platform } = demoCredentials();
  const admin = await (await call("POST", "/api/v1/school/auth/login/", { identifier: school.email, password: school.password })).json();
  const teacher = { email: `${unique("policy", info)}@greenwood.example.org`, password: "Two-factor-passphrase-1" };
  const created = await call(
    "POST",
    "/api/v1/school/users/",
    { ...teacher, full_name: "Petra Policy", roles: ["Teacher"] },
    { token: admin.access },
  );
  expect(created.status()).toBe(201);
  const platformLogin = await call(
    "POST",
    "/api/v1/system/auth/login/",
    { identifier: platform.email, password: platform.password },
    { platform: true },
  );
  const platformToken = (await platformLogin.json()).access;

  try {
    // The full admin turns the policy on in School settings.
    await page.goto("/sign-in");
    await submitSignIn(page, school.email, school.password);
    await expect(page).not.toHaveURL(/\/sign-in/);
    await page.goto("/settings");
    await expect(page.getByRole("heading", { level: 1, name: "School settings" })).toBeVisible();
    await checkPage(page, "school settings");
    const policy = page.getByLabel("Require two-factor sign-in for staff");
    await expect(policy).not.toBeChecked();
    await policy.check();
    await page.getByRole("button", { name: "Save" }).click();
    // It binds the admin too, at once: the page they are on sends them to enrol.
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("status").filter({ hasText: "Turn on two-factor sign-in to continue" })).toBeVisible();

    // A teacher without two-factor signs in: My account, with the notice, whatever they asked for.
    await page.context().clearCookies();
    await page.goto("/students");
    await submitSignIn(page, teacher.email, teacher.password);
    await expect(page).toHaveURL(/\/account$/);
    const notice = page.getByRole("status").filter({ hasText: "Turn on two-factor sign-in to continue" });
    await expect(notice).toContainText("requires two-factor sign-in");
    await checkPage(page, "My account, held by the school's policy");
    await page.goto("/profile");
    await expect(page).toHaveURL(/\/account$/);

    // Turning it on frees the portal at once.
    const section = page.getByRole("region", { name: "Two-factor sign-in" });
    await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    const secret = await section.getByLabel("Setup key").inputValue();
    await section.getByLabel("Code from the app").fill(codeAt(secret, Math.floor(Date.now() / 30_000)));
    await section.getByRole("button", { name: "Turn on" }).click();
    await expect(section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await expect(notice).toBeHidden();
    await page.goto("/profile");
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  } finally {
    // The demo school is shared: the platform turns the policy off again, whatever happened above.
    const me = await call("POST", "/api/v1/school/auth/login/", { identifier: school.email, password: school.password });
    const schoolId = (await me.json()).tenant.id;
    const off = await call(
      "PATCH",
      `/api/v1/system/clients/${schoolId}/`,
      { mfa_required: false },
      { token: platformToken, platform: true },
    );
    expect(off.status()).toBe(200);
  }
});

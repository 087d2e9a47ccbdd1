// Two-factor sign-in in the console: a platform admin turns it on from My account (the QR code is
// drawn by the app; the code is computed here from the setup key shown, as an authenticator app
// would), sees the ten recovery codes once, and then signs in with a password and a code.
import { expect, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { demoCredentials } from "./demo";
import { checkPage, submitSignIn, unique, visit } from "./kit";

const codeAt = (secret: string, step: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: step * 30_000,
  });

test("a platform admin turns on two-factor sign-in and signs in with a code", async ({ page }, info) => {
  // Two sign-ins and five pages checked by axe: more than the default minute on two shared cores.
  test.setTimeout(120_000);
  const { platform } = demoCredentials();
  const login = await page.request.post("/api/v1/system/auth/login/", {
    data: { identifier: platform.email, password: platform.password },
  });
  expect(login.status()).toBe(200);
  const user = { email: `${unique("mfa", info)}@example.org`, password: "Two-factor-passphrase-1" };
  const created = await page.request.post("/api/v1/system/users/", {
    headers: { authorization: `Bearer ${(await login.json()).access}` },
    data: { email: user.email, password: user.password, full_name: "Mona Factor", platform_role: "platform_admin" },
  });
  expect(created.status()).toBe(201);

  await page.goto("/console/sign-in");
  await submitSignIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/console$/);
  await visit(page, "/console/account", { heading: "My account" });

  const section = page.getByRole("region", { name: "Two-factor sign-in" });
  await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(section.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await checkPage(page, "enrolling an authenticator app");
  const secret = await section.getByLabel("Setup key").inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong code first: the form says so and nothing is on.
  const step = Math.floor(Date.now() / 30_000);
  await section.getByLabel("Code from the app").fill(codeAt(secret, step - 5));
  await section.getByRole("button", { name: "Turn on" }).click();
  await expect(section.getByText("The code is not valid.", { exact: false })).toBeVisible();
  await section.getByLabel("Code from the app").fill(codeAt(secret, step));
  await section.getByRole("button", { name: "Turn on" }).click();
  const codes = section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await checkPage(page, "the recovery codes");
  await section.getByRole("button", { name: "I have saved them" }).click();
  await expect(section.getByRole("button", { name: "Turn off two-factor sign-in" })).toBeVisible();

  // Signed out, the password alone no longer signs in: the form asks for the code.
  await page.context().clearCookies();
  await page.goto("/console/sign-in");
  await submitSignIn(page, user.email, user.password);
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeVisible();
  await checkPage(page, "the code step");
  await code.fill(codeAt(secret, step - 5));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not valid." })).toBeVisible();
  await code.fill(codeAt(secret, step + 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/console$/);
  await visit(page, "/console/account", { heading: "My account" });
  await expect(page.getByRole("region", { name: "Two-factor sign-in" }).getByText(/^On:/)).toBeVisible();
});

// Two-factor sign-in on a school's portal: a teacher who turned it on (over the REST API, with a code
// computed here from the secret it answered) signs in with the password and then a code — a wrong
// one is said so; a recovery code works too.
import { expect, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { demoCredentials } from "./demo";
import { submitSignIn, unique } from "./kit";

const codeAt = (secret: string, step: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: step * 30_000,
  });

test("the portal's sign-in asks for the code when two-factor is on", async ({ page, baseURL }, info) => {
  test.setTimeout(120_000);
  const { school } = demoCredentials();
  // page.request resolves names in Node, which does not map *.localhost to loopback: it talks to
  // the loopback address and names the school's host in the Host header, as a proxy would.
  const port = new URL(baseURL!).port;
  const post = async (path: string, data: object, token?: string) =>
    page.request.post(`http://127.0.0.1:${port}${path}`, {
      headers: { host: new URL(baseURL!).host, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      data,
    });

  const admin = await (await post("/api/v1/school/auth/login/", { identifier: school.email, password: school.password })).json();
  const teacher = { email: `${unique("mfa", info)}@greenwood.example.org`, password: "Two-factor-passphrase-1" };
  const created = await post("/api/v1/school/users/", { ...teacher, full_name: "Otto Factor", roles: ["Teacher"] }, admin.access);
  expect(created.status()).toBe(201);
  const own = await (await post("/api/v1/school/auth/login/", { identifier: teacher.email, password: teacher.password })).json();
  const enrolment = await post("/api/v1/school/auth/mfa/totp/", {}, own.access);
  expect(enrolment.status()).toBe(200);
  const { secret } = await enrolment.json();
  const step = Math.floor(Date.now() / 30_000);
  const confirmed = await post("/api/v1/school/auth/mfa/totp/confirm/", { code: codeAt(secret, step) }, own.access);
  expect(confirmed.status()).toBe(200);
  const { recovery_codes } = await confirmed.json();

  await page.goto("/sign-in");
  await submitSignIn(page, teacher.email, teacher.password);
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeVisible();
  await code.fill(codeAt(secret, step - 5));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not valid." })).toBeVisible();
  await code.fill(codeAt(secret, step + 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Two-factor sign-in" }).getByText(/^On:/)).toBeVisible();

  // A recovery code in place of the app's code.
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await submitSignIn(page, teacher.email, teacher.password);
  await page.getByLabel("Authentication code").fill(recovery_codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
});

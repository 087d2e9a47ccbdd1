// A forgotten password in the school portal: "Forgot your password?" on the sign-in page asks for
// a link (the page says the same whether or not the account exists), the message arrives at a
// real SMTP server, its link opens the reset page, the new password is set, and signing in with it
// works — the old one no longer does, and the link works only once. Every page passes axe.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, submitSignIn, unique } from "./kit";
import { linkIn, mailCount, waitForMail } from "./mail";

const NEUTRAL = "If an account uses that email or phone number, a link to choose a new password is on its way.";

test("forgot password: a link by email, a new password, and signing in with it", async ({ page, baseURL }, info) => {
  test.slow(); // sign-ins (argon2id), a message through the outbox, the answer's time floor
  const { school } = demoCredentials();
  // Someone of our own whose password this test may change (not the demo admin, whom other specs use).
  const port = new URL(baseURL!).port;
  const host = new URL(baseURL!).host;
  const login = await page.request.post(`http://127.0.0.1:${port}/api/v1/school/auth/login/`, {
    headers: { host },
    data: { identifier: school.email, password: school.password },
  });
  const { access } = await login.json();
  const email = `${unique("forgetful", info)}@greenwood.example.org`;
  const oldPassword = "the first passphrase of theirs";
  const created = await page.request.post(`http://127.0.0.1:${port}/api/v1/school/users/`, {
    headers: { host, authorization: `Bearer ${access}` },
    data: { email, password: oldPassword, full_name: "Fay Forgetful", roles: ["Teacher"] },
  });
  expect(created.status()).toBe(201);

  // From the sign-in page to "Forgot your password?".
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await checkPage(page, "forgot password");

  // An address nobody uses gets the same answer.
  await page.getByLabel("Email or phone").fill(`${unique("nobody", info)}@greenwood.example.org`);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText(NEUTRAL);
  await checkPage(page, "forgot password, sent");

  const before = mailCount();
  await page.goto("/forgot-password");
  await page.getByLabel("Email or phone").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText(NEUTRAL);

  const link = linkIn(await waitForMail(email, before), "/reset-password");
  expect(new URL(link).host).toBe(host);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expect(page.getByText(/^At least \d+ characters, at most \d+\./)).toBeVisible();
  await checkPage(page, "reset password");
  const newPassword = "a brand new passphrase of theirs";
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");
  await checkPage(page, "reset password, done");

  // The link works once.
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This link can no longer be used." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
  await checkPage(page, "reset password with a used link");

  // The old password is gone; the new one signs in.
  await page.goto("/sign-in");
  await submitSignIn(page, email, oldPassword);
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email/phone or password." })).toBeVisible();
  await submitSignIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fay Forgetful" })).toBeVisible();
});

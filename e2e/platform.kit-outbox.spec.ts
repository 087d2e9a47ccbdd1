// The console's Outbox, on a desktop and on a phone: a platform user changes their password over
// the REST API; the superadmin finds the "your password was changed" message in the Outbox — its
// recipient, its state (this run's server has no mail transport, so it is kept, held or pending),
// and the filters narrow to it. axe checks the page.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, goToSection, rowOf, submitSignIn, unique } from "./kit";

test("a password change's message is listed in the Outbox with its state", async ({ page, request }, info) => {
  test.setTimeout(120_000);
  const { platform } = demoCredentials();
  const login = await request.post("/api/v1/system/auth/login/", { data: { identifier: platform.email, password: platform.password } });
  expect(login.status()).toBe(200);
  const user = { email: `${unique("outbox.", info)}@example.org`, password: "Kit-passphrase-for-e2e" };
  const created = await request.post("/api/v1/system/users/", {
    headers: { authorization: `Bearer ${(await login.json()).access}` },
    data: { ...user, full_name: "Outbox Kit", platform_role: "support" },
  });
  expect(created.status()).toBe(201);
  const theirs = await request.post("/api/v1/system/auth/login/", { data: { identifier: user.email, password: user.password } });
  expect(theirs.status()).toBe(200);
  const changed = await request.post("/api/v1/system/auth/password/", {
    headers: { authorization: `Bearer ${(await theirs.json()).access}` },
    data: { old_password: user.password, new_password: "Another-kit-passphrase" },
  });
  expect(changed.status()).toBe(204);

  await page.goto("/console/sign-in?next=%2Fconsole");
  await submitSignIn(page, platform.email, platform.password);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 20_000 });
  await goToSection(page, "Console", "Outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  const row = rowOf(page, user.email);
  await expect(row).toBeVisible();
  await expect(row.getByText("Your SMS platform password was changed")).toBeVisible();
  // The browser tests' server has a mail server (scripts/e2e.mjs): the message is on its way or gone.
  await expect(row.getByText(/Pending|Sending|Sent/).first()).toBeVisible();
  await checkPage(page, "the outbox");

  // Filtered to SMS, it is not there; to sent email, it is once the worker delivered it.
  await page.goto("/console/outbox?channel=sms");
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expect(rowOf(page, user.email)).toHaveCount(0);
  await expect(async () => {
    await page.goto("/console/outbox?state=sent&channel=email");
    await expect(rowOf(page, user.email)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await checkPage(page, "the outbox, filtered");
});

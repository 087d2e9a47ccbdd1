// SMS_MFA_REQUIRED_PLATFORM=1 in the console: every page sends a platform user without two-factor
// to My account, where a notice says why; once they turn it on, the console is theirs. It needs a
// server started with the policy, which would hold every other platform spec's admin, so it runs
// on its own: `SMS_MFA_REQUIRED_PLATFORM=1 npm run e2e -- e2e/platform.mfa-required.spec.ts`
// (scripts/e2e.mjs passes the variable on to the server); without it, it is skipped.
import { expect, test } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { demoCredentials } from "./demo";
import { checkPage, submitSignIn } from "./kit";

test.skip(process.env.SMS_MFA_REQUIRED_PLATFORM !== "1", "needs a server started with SMS_MFA_REQUIRED_PLATFORM=1");

test("under SMS_MFA_REQUIRED_PLATFORM every console page leads an un-enrolled user to turn two-factor on", async ({ page }) => {
  const { platform } = demoCredentials();
  await page.goto("/console/schools");
  await submitSignIn(page, platform.email, platform.password);
  await expect(page).toHaveURL(/\/console\/account$/);
  const notice = page.getByRole("status").filter({ hasText: "Turn on two-factor sign-in to continue" });
  await expect(notice).toContainText("The platform requires two-factor sign-in");
  await checkPage(page, "My account, held by the platform's policy");

  for (const path of ["/console", "/console/schools", "/console/staff", "/console/audit"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/console\/account$/);
  }
  // A client-side navigation too: the header's link to Schools.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Schools" }).click();
  await expect(page).toHaveURL(/\/console\/account$/);

  const section = page.getByRole("region", { name: "Two-factor sign-in" });
  await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const secret = await section.getByLabel("Setup key").inputValue();
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate();
  await section.getByLabel("Code from the app").fill(code);
  await section.getByRole("button", { name: "Turn on" }).click();
  await expect(section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await expect(notice).toBeHidden();
  await page.goto("/console/schools");
  await expect(page.getByRole("heading", { level: 1, name: "Schools" })).toBeVisible();
});

// The console's frame, by keyboard and on a phone: the skip link, the navigation (a "Menu" dialog on
// a phone), the account menu, sign-in returning to the page you were on, and the pages outside the
// console (home, API reference, 404) — every one checked by axe-core and for sideways scrolling.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, expectAccessible, goToSection, isPhone, submitSignIn, visit } from "./kit";

test("the public pages and the 404s are branded, fit the screen and pass axe", async ({ page, request }) => {
  await visit(page, "/", { heading: "SMS platform" });
  await visit(page, "/docs", { heading: "SMS platform API" });

  const missing = await visit(page, "/no-such-page", { heading: "Page not found" });
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");

  // The school pages' internal path is not served on the platform host: the same 404.
  const internal = await visit(page, "/s/greenwood.localhost/students", { heading: "Page not found" });
  expect(internal?.status()).toBe(404);

  const icon = await request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("sign-in brings you back to the page you asked for — and only to a console page", async ({ page }) => {
  const { platform } = demoCredentials();
  await page.goto("/console/audit?action=system.login.*");
  await expect(page).toHaveURL(/\/console\/sign-in\?next=%2Fconsole%2Faudit%3Faction%3Dsystem\.login\.\*$/);
  await checkPage(page, "console sign-in");
  await submitSignIn(page, platform.email, platform.password);
  await expect(page).toHaveURL(/\/console\/audit\?action=system\.login\.\*$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  // Signed in, a hostile `next` goes nowhere but the console.
  await page.goto("/console/sign-in?next=https%3A%2F%2Fevil.example%2F");
  await expect(page).toHaveURL(/\/console$/);
  await page.goto("/console/sign-in?next=%2F%2Fevil.example%2Fconsole");
  await expect(page).toHaveURL(/\/console$/);
});

test("skip link, navigation and account menu work by keyboard, on a desktop and on a phone", async ({ page }) => {
  const { platform } = demoCredentials();
  await page.goto("/console/sign-in");
  await submitSignIn(page, platform.email, platform.password);
  await expect(page).toHaveURL(/\/console$/);
  await checkPage(page, "console overview");

  // The first Tab reaches the skip link; following it puts focus on the page's content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#content")).toBeFocused();

  if (isPhone(page)) {
    // No wrapping row of links on a phone: a Menu button opens them in a dialog.
    await expect(page.getByRole("navigation", { name: "Console" })).toBeHidden();
    const menuButton = page.getByRole("button", { name: "Menu", exact: true });
    await menuButton.click();
    const menu = page.getByRole("dialog", { name: "SMS console" });
    await expect(menu.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page, "the open navigation menu");
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();
  } else {
    await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Overview" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  }
  await goToSection(page, "Console", "Schools");
  await expect(page).toHaveURL(/\/console\/schools$/);
  await checkPage(page, "schools");

  // The account menu: its name starts with what it shows; arrow keys move; Escape gives focus back.
  const account = page.getByRole("button", { name: /^Account menu: Platform Admin/ });
  await account.focus();
  await page.keyboard.press("Enter");
  const myAccount = page.getByRole("menuitem", { name: "My account" });
  const signOut = page.getByRole("menuitem", { name: "Sign out" });
  await expect(myAccount).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(signOut).toBeFocused();
  await expectAccessible(page, "the open account menu");
  await page.keyboard.press("Escape");
  await expect(signOut).toBeHidden();
  await expect(account).toBeFocused();

  await account.click();
  await signOut.click();
  await expect(page).toHaveURL(/\/console\/sign-in/);
});

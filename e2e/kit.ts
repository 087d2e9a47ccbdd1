// What every UI spec checks on every page it visits, and the small moves they share: axe-core
// finds no violation (WCAG 2.1 A/AA and best practices), the page is no wider than the viewport,
// and sign-in/out through the real forms.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";

export const isPhone = (page: Page) => (page.viewportSize()?.width ?? 1440) < 768;

/** axe-core on the page as it is now (a page, an open dialog, an open menu): no violation. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1] ?? ""}`).join("\n")}`,
  );
  expect(found, `axe on ${what}:\n${found.join("\n")}`).toEqual([]);
}

/** Nothing sticks out sideways: a phone never scrolls horizontally. */
export async function expectNoSideScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} is ${overflow}px wider than the viewport`).toBeLessThanOrEqual(0);
}

/** Goes to `path` and checks it as a person would notice: it loaded, it fits, axe is happy. */
export async function visit(page: Page, path: string, options: { heading?: string | RegExp } = {}) {
  const response = await page.goto(path);
  await page.waitForLoadState("networkidle");
  if (options.heading) await expect(page.getByRole("heading", { level: 1, name: options.heading })).toBeVisible();
  await checkPage(page, path);
  return response;
}

/** The checks of `visit`, for a page reached by a click. */
export async function checkPage(page: Page, what: string) {
  await page.waitForLoadState("networkidle");
  // After a client-side navigation Next.js sets the new page's <title> as its metadata streams in:
  // check the page once it has one, not in the moment between.
  await page.waitForFunction(() => document.title.trim().length > 0);
  await expectNoSideScroll(page, what);
  await expectAccessible(page, what);
}

/** Fills and sends a sign-in form (console or portal), once the page is interactive. */
export async function submitSignIn(page: Page, identifier: string, password: string) {
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email or phone").fill(identifier);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The section links: the header's navigation on a desktop, the "Menu" dialog on a phone. */
export async function goToSection(page: Page, navName: string, section: string) {
  if (isPhone(page)) {
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    const menu = page.getByRole("dialog");
    await menu.getByRole("navigation", { name: navName }).getByRole("link", { name: section }).click();
    await expect(menu).toBeHidden();
  } else {
    await page.getByRole("navigation", { name: navName }).getByRole("link", { name: section }).click();
  }
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** A row of a list: a table row on a desktop, a card (list item) on a phone. */
export function rowOf(page: Page, text: string | RegExp) {
  return isPhone(page) ? page.getByRole("listitem").filter({ hasText: text }) : page.getByRole("row").filter({ hasText: text });
}

/** A unique suffix for names this run creates. */
export function unique(prefix: string, info?: TestInfo) {
  return `${prefix}${info ? `${info.project.name.includes("phone") ? "p" : "d"}` : ""}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** Chooses an option of a searching picker (a combobox): types to search, then clicks the option. */
export async function pick(scope: Page | Locator, label: string, search: string, option: string | RegExp) {
  const box = scope.getByRole("combobox", { name: label });
  await box.click();
  await box.fill(search);
  await scope.getByRole("option", { name: option }).first().click();
}

/** In a "new person" form: "Set a password now" instead of the default invitation, and the password. */
export async function setPasswordNow(scope: Page | Locator, password: string, label = "Password") {
  await scope.getByRole("radio", { name: "Set a password now" }).check();
  await scope.getByLabel(label, { exact: true }).fill(password);
}

// The portal's frame on the school's own address: home, sign-in and 404 pages, sign-in returning to
// the page asked for, a throttled sign-in said in minutes, the navigation on a desktop and a phone.
import { expect, test } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, expectAccessible, goToSection, isPhone, submitSignIn, visit } from "./kit";

test("the school's public pages and its 404 fit the screen and pass axe", async ({ page }) => {
  await visit(page, "/", { heading: "Greenwood High School" });
  // The favicon is served on a school's host too (not rewritten into the school's pages). Asked
  // from the page: Node, unlike Chromium, does not resolve *.localhost.
  const icon = await page.evaluate(async () => {
    const response = await fetch("/icon.svg");
    return { status: response.status, type: response.headers.get("content-type") };
  });
  expect(icon.status).toBe(200);
  expect(icon.type).toContain("image/svg+xml");
  await visit(page, "/sign-in", { heading: "Staff sign-in" });
  const missing = await visit(page, "/no-such-page", { heading: "Page not found" });
  expect(missing?.status()).toBe(404);
});

test("sign-in returns to the page asked for, never to another site", async ({ page }) => {
  const { school } = demoCredentials();
  await page.goto("/students?class=null");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstudents%3Fclass%3Dnull$/);
  await submitSignIn(page, school.email, school.password);
  await expect(page).toHaveURL(/\/students\?class=null$/);
  await expect(page.getByRole("heading", { level: 1, name: "Students" })).toBeVisible();
  await checkPage(page, "students without a class");

  await page.goto("/sign-in?next=https%3A%2F%2Fevil.example%2F");
  await expect(page).toHaveURL(/\/profile$/);
  await page.goto("/sign-in?next=%2F%5Cevil.example");
  await expect(page).toHaveURL(/\/profile$/);

  // The sections: a row of links on a desktop, a Menu dialog on a phone.
  await goToSection(page, "School", "Classes");
  await expect(page).toHaveURL(/\/classes$/);
  if (isPhone(page)) {
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await expect(page.getByRole("dialog").getByRole("link", { name: "Classes" })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page, "the open navigation menu");
    await page.keyboard.press("Escape");
  }
});

test("too many wrong passwords: the form says when to try again, in minutes", async ({ page }) => {
  // A made-up account of this school: the counter is per account, so the demo users stay usable.
  const identifier = `nobody-${test.info().project.name}-${Date.now()}@greenwood.example.org`;
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitSignIn(page, identifier, `wrong-password-${attempt}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email/phone or password.");
  }
  await submitSignIn(page, identifier, "wrong-password-6");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/);
  await expectAccessible(page, "the throttled sign-in form");
});

// The portal's lists as a person uses them, on a desktop and on a phone: sorting (column headers on a
// desktop, the "Sort by" choice on a phone), pages that keep the order, the class filter that
// searches instead of listing every class, rows as cards on a phone, and empty states that say
// what to do next — axe-core and the viewport checked on every page.
import { expect, test, type Page } from "@playwright/test";
import { demoCredentials } from "./demo";
import { checkPage, isPhone, pick, submitSignIn } from "./kit";

/** The admission numbers of the demo students on the page, in the order shown. */
async function admissionNumbers(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: only what is shown — the hidden table (phone) or cards (desktop) must not count twice.
  const text = await page.getByRole("main").innerText();
  return text.match(/\bGW-\d{4}\b/g) ?? [];
}

/** The rows shown: a table's body rows on a desktop, the cards of the list on a phone. */
function shownRows(page: Page, caption: string) {
  return isPhone(page)
    ? page.getByRole("list", { name: caption }).getByRole("listitem")
    : page
        .getByRole("table", { name: caption })
        .getByRole("row")
        .filter({ has: page.getByRole("cell") });
}

/** Opens the folded filters on a phone (they are always shown on a desktop). */
async function openFilters(page: Page) {
  if (!isPhone(page)) return;
  const toggle = page.getByRole("button", { name: /^(Filters|Sort)/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
}

test.beforeEach(async ({ page }) => {
  const { school } = demoCredentials();
  await page.goto("/sign-in?next=%2Fstudents");
  await submitSignIn(page, school.email, school.password);
  await expect(page.getByRole("heading", { level: 1, name: "Students" })).toBeVisible();
});

test("students: sort, page through in that order, and rows that fit the screen", async ({ page }) => {
  await checkPage(page, "students");
  const pager = page.getByRole("navigation", { name: "Pagination" });
  await expect(pager).toContainText(/1–20 of \d+/);
  await expect(shownRows(page, "Students")).toHaveCount(20);
  // On a phone the rows are cards and the table is not shown at all; on a desktop the reverse.
  if (isPhone(page)) await expect(page.getByRole("table")).toBeHidden();
  else await expect(page.getByRole("list", { name: "Students" })).toBeHidden();

  // Newest admission number first: a header's link on a desktop (twice: ascending, then
  // descending), the "Sort by" choice on a phone.
  if (isPhone(page)) {
    await openFilters(page);
    await page.getByLabel("Sort by").selectOption({ label: "Admission number" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/students\?ordering=admission_number$/);
  } else {
    const header = page.getByRole("columnheader", { name: /Admission no\./ });
    await expect(header).toHaveAttribute("aria-sort", "none");
    await header.getByRole("link").click();
    await expect(page).toHaveURL(/\/students\?ordering=admission_number$/);
    await expect(header).toHaveAttribute("aria-sort", "ascending");
  }
  const first = await admissionNumbers(page);
  expect(first.length).toBeGreaterThan(0);
  expect(first).toEqual([...first].sort());
  await checkPage(page, "students sorted by admission number");

  // The next page keeps the order and goes on where the first stopped.
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/ordering=admission_number/);
  await expect(page).toHaveURL(/page=2/);
  await expect(pager).toContainText(/21–40 of \d+/);
  const second = await admissionNumbers(page);
  expect(second.length).toBeGreaterThan(0);
  expect(second).toEqual([...second].sort());
  if (first.length && second.length) expect(second[0] > first[first.length - 1]).toBe(true);
  await expect(pager.getByRole("link", { name: "Previous" })).toBeVisible();
});

test("students filtered by a class found by searching, 'No class', and the empty state", async ({ page }) => {
  await openFilters(page);
  await pick(page, "Class", "8", /^8A/);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/students\?class=[0-9a-f-]{36}$/);
  const rows = shownRows(page, "Students");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText("8A");
  // The picker shows the class chosen, after the page reloaded with it.
  await openFilters(page);
  await expect(page.getByRole("combobox", { name: "Class" })).toHaveValue("8A");
  await checkPage(page, "students of 8A");

  // The picker's "No class" choice: students nobody has put in a class yet.
  await pick(page, "Class", "", "No class");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/students\?class=null$/);
  for (const row of await rows.all()) await expect(row).toContainText("No class");

  // A search that matches nobody says so, and offers the way back.
  await page.getByRole("searchbox", { name: "Search" }).fill("nobody-is-called-this");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No students match these filters.")).toBeVisible();
  await checkPage(page, "students: nothing matches");
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(/\/students$/);
  await expect(rows).toHaveCount(20);
});

test("a class picker in a form searches past the first page of teachers", async ({ page }) => {
  await page.goto("/classes");
  await expect(page.getByRole("heading", { level: 1, name: "Classes" })).toBeVisible();
  await checkPage(page, "classes");
  const opener = page.getByRole("button", { name: "New class" }).first();
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "New class" });
  const teacher = dialog.getByRole("combobox", { name: "Teacher" });
  await teacher.fill("watan");
  await expect(dialog.getByRole("option")).toHaveCount(1);
  await expect(dialog.getByRole("option", { name: /Kenji Watanabe/ })).toBeVisible();
  await teacher.fill("no such teacher");
  await expect(dialog.getByText("No matches.")).toBeVisible();
  await expect(dialog.getByRole("option")).toHaveCount(0);
  await page.keyboard.press("Escape"); // closes the picker's list
  await page.keyboard.press("Escape"); // closes the dialog
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

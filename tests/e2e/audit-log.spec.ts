import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { storageStateFor } from "./accounts";

test.use({ storageState: storageStateFor("admin") });

const entries = (page: Page) => page.getByRole("table", { name: "Audit entries, newest first" }).locator(":scope > tbody > tr");

test("the audit log lists each order transition once, by order number, with before and after, and passes axe", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expectNoSeriousAxeViolations(page, { exclude: "header" });

  // Filter by action: the seeded histories' transitions, named by order number and staff name.
  await page.getByLabel("Action").selectOption("order.transition");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=order\.transition/);
  const first = entries(page).first();
  await expect(first).toContainText("Sam Staff <staff@atelier.test>");
  const number = (await first.locator("td").nth(2).locator("span").first().innerText()).trim();
  expect(number).toMatch(/^[A-Z0-9-]+$/);

  // One order's history: every transition appears once (the order event is not listed beside its entry).
  await page.getByLabel("Text, order number or name").fill(number);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${number}`));
  await expect(entries(page).first()).toContainText(number);
  const summaries = await entries(page).locator("td:nth-child(4) > p").allInnerTexts();
  expect(summaries.length).toBeGreaterThan(0);
  expect(new Set(summaries).size).toBe(summaries.length);
  await expect(entries(page).first().getByRole("table", { name: "Changed fields" }).getByRole("row", { name: /Status/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page, { exclude: "header" });

  // The export carries the same filter, as CSV.
  const href = await page.getByRole("link", { name: "Export these entries (CSV)" }).getAttribute("href");
  expect(href).toContain(`q=${number}`);
  const csv = await page.request.get(href!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toBe("at_utc,actor,action,entity_type,entity,entity_id,summary,changes");
  expect(lines.length - 1).toBe(summaries.length);
  expect(lines.slice(1).every((l) => l.includes(number))).toBe(true);
});

test("the audit log pages through older entries and shows on a phone and a desktop", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const matching = async () => {
    await page.goto("/admin/audit");
    return Number((await page.getByText(/entries match/).innerText()).replace(/[^\d]/g, ""));
  };
  // More than one page (25 entries): the seeded histories, and settings saves when they are not enough.
  for (let days = 6; (await matching()) <= 25; days = days === 6 ? 5 : 6) {
    await page.goto("/admin/settings");
    await page.getByRole("main").getByLabel("Shipping days").fill(String(days));
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("main").getByText("Settings saved.")).toBeVisible();
  }
  const total = await matching();
  await expect(entries(page)).toHaveCount(25);
  const firstPage = await entries(page).locator("td:first-child").allInnerTexts();
  await page.screenshot({ path: test.info().outputPath("audit-1280.png"), fullPage: false });
  await page.getByRole("link", { name: "Older entries" }).click();
  await expect(page.getByText("showing older entries")).toBeVisible();
  await expect(entries(page)).toHaveCount(Math.min(25, total - 25));
  await page.getByRole("link", { name: "Newest entries" }).click();
  await expect(entries(page).locator("td:first-child")).toHaveText(firstPage);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/admin/audit?action=order.transition");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("audit-375.png"), fullPage: false });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { storageStateFor } from "./accounts";

// The capacity page as staff use it: a work centre's weekday hours, a shop closure, and the load view with its
// click-through to the orders booked at a centre in a week.

test.use({ storageState: storageStateFor("staff") });

/** An ISO date `days` from today (UTC), moved to the Wednesday of its week so it is a working day. */
function dayAhead(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const weekday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() + (2 - weekday) * 86_400_000).toISOString().slice(0, 10);
}

test("staff set a weekday's hours, add and remove a closure, and read the load per centre", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/staff/capacity");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: "Capacity" })).toBeVisible();

  // The load: a chart per centre, the bottleneck named, a table of 12 weeks by centres.
  await expect(main.getByRole("heading", { name: "Load, next 12 weeks" })).toBeVisible();
  await expect(main.getByRole("list", { name: "Load per work centre" }).getByRole("listitem")).toHaveCount(4);
  await expect(main.getByTestId("bottleneck")).toContainText(/Bottleneck: (Frame shop|Upholstery|Paint shop|Assembly)/);
  const table = main.getByTestId("load-table");
  await expect(table.locator("tbody tr")).toHaveCount(12);
  await expect(table.getByRole("columnheader", { name: "Upholstery" })).toBeVisible();
  await expectNoSeriousAxeViolations(page, { exclude: "header" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath("capacity-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: test.info().outputPath("capacity-375.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoSeriousAxeViolations(page, { exclude: "header" });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Click through from a centre-week with bookings to its orders, and on to an order.
  const booked = table.getByRole("link", { name: /: (▲ )?[1-9][\d.]* \/ / }).first();
  const label = (await booked.textContent()) ?? "";
  const [centre = "", week = ""] = label.split(/, |: /);
  await booked.click();
  const orders = main.getByRole("region", { name: new RegExp(`^${centre}, week ${week}`) });
  await expect(orders).toBeVisible();
  const first = orders.getByRole("link", { name: /^AT-\d{4}-\d{6}$/ }).first();
  await expect(first).toBeVisible();
  await expect(orders.getByText(/\d h$/).first()).toBeVisible();
  const number = (await first.textContent()) ?? "";
  await page.screenshot({ path: test.info().outputPath("capacity-orders-1280.png") });
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/staff/orders/${number}$`));
  await page.goBack();

  // More weeks.
  await main.getByRole("link", { name: "Show 12 more weeks" }).click();
  await expect(main.getByRole("heading", { name: "Load, next 24 weeks" })).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(24);

  // The paint shop now works Saturday mornings.
  const paint = main.getByRole("article", { name: /Paint shop/ });
  await paint.getByLabel("Sat (Saturday) hours").fill("4");
  await paint.getByRole("button", { name: "Save hours of Paint shop" }).click();
  await expect(paint.getByText("Paint shop saved.")).toBeVisible();
  await page.reload();
  await expect(main.getByRole("article", { name: /Paint shop/ }).getByLabel("Sat (Saturday) hours")).toHaveValue("4");

  // A one-day stocktake closes the shop, then is removed.
  const day = dayAhead(300);
  const closures = main.getByRole("region", { name: "Shop closures" });
  await closures.getByLabel("Name").fill("Stocktake");
  await closures.getByLabel("First day").fill(day);
  await closures.getByLabel("Last day").fill(day);
  await closures.getByRole("button", { name: "Add closure" }).click();
  await expect(closures.getByText(/^Shop closed .* \(Stocktake\)\.$/)).toBeVisible();
  await page.reload();
  const listed = main.getByRole("list", { name: "Shop closures" }).getByRole("listitem").filter({ hasText: "Stocktake" });
  await expect(listed).toHaveCount(1);
  await listed.getByRole("button", { name: "Remove the closure Stocktake" }).click();
  await expect(listed).toHaveCount(0);

  // A closure that ends before it starts is refused at its field.
  await closures.getByLabel("Name").fill("Backwards");
  await closures.getByLabel("First day").fill(dayAhead(60));
  await closures.getByLabel("Last day").fill(dayAhead(50));
  await closures.getByRole("button", { name: "Add closure" }).click();
  await expect(closures.getByText("The last day cannot be before the first")).toBeVisible();
  await expectNoSeriousAxeViolations(page, { exclude: "header" });
});

test.describe("a customer", () => {
  test.use({ storageState: storageStateFor("customer") });
  test("cannot open the capacity page", async ({ page }) => {
    await page.goto("/staff/capacity");
    await expect(page).toHaveURL(/\/forbidden/);
  });
});

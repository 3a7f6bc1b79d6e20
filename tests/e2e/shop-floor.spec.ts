import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { storageStateFor } from "./accounts";

// The shop floor on a tablet: staff confirm Clara's placed order, then start and finish each of its operations
// at its work centre; Clara's order page (open in another browser, never reloaded) follows the current operation
// live, and the order reaches the quality check when the last operation is finished.

test.use({ storageState: storageStateFor("staff"), viewport: { width: 768, height: 1024 } });

test("staff start and finish an order's operations on a tablet; the customer sees the current operation live", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await page.goto("/staff?q=clara");
  const placed = page.getByRole("main").getByTestId("column-PLACED");
  const number = (await placed.getByTestId("order-card").first().getByRole("link").first().textContent())?.trim() ?? "";
  expect(number).toMatch(/^AT-\d{4}-\d{6}$/);
  await page.goto(`/staff/orders/${number}`);
  await page.getByRole("button", { name: "Confirm order" }).click();
  await expect(page.getByRole("main").getByTestId("order-stage")).toHaveText("Confirmed");
  const ops = await page.getByTestId("operations").getByRole("listitem").evaluateAll((items) => items.map((li) => {
    const label = li.querySelector(".font-medium")?.textContent?.trim() ?? "";
    const centre = /at (.+?):/.exec(li.textContent ?? "")?.[1] ?? "";
    return { label, centre };
  }));
  expect(ops.length).toBeGreaterThan(0);

  const customerContext = await browser.newContext({ storageState: storageStateFor("customer"), viewport: { width: 375, height: 800 } });
  const customer = await customerContext.newPage();
  await customer.goto(`/orders/${number}`);
  await expect(customer.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");

  await page.goto("/staff/floor");
  await expect(page.getByRole("link", { name: "Shop floor" }).first()).toBeVisible();
  expect(await axeViolations(page, { allImpacts: true })).toEqual([]);
  await page.screenshot({ path: "test-results/shop-floor-768.png", fullPage: true });

  for (const [i, op] of ops.entries()) {
    await page.goto("/staff/floor");
    await page.getByTestId("floor-centre").filter({ hasText: op.centre }).click();
    await expect(page.getByRole("heading", { level: 1, name: op.centre })).toBeVisible();
    const item = page.getByTestId("queue-item").filter({ has: page.locator(`[href="/staff/orders/${number}"]`) });
    await expect(item).toHaveAttribute("data-status", "PENDING");
    await item.getByRole("button", { name: `Start ${op.label} of ${number}` }).click();
    await expect(item).toHaveAttribute("data-status", "RUNNING");
    // The customer's page follows without a reload.
    await expect(customer.getByTestId("current-operation")).toHaveText(`${op.label} - in progress`);
    await expect(customer.getByTestId("order-status")).toHaveText("In production");
    if (i === 0) {
      await customer.screenshot({ path: "test-results/shop-floor-customer-running-375.png", fullPage: true });
      expect(await axeViolations(customer, { allImpacts: true })).toEqual([]);
      expect(await axeViolations(page, { allImpacts: true })).toEqual([]);
      await page.screenshot({ path: "test-results/shop-floor-centre-768.png", fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({ path: "test-results/shop-floor-centre-375.png", fullPage: true });
      expect(await axeViolations(page, { allImpacts: true })).toEqual([]);
      await page.setViewportSize({ width: 768, height: 1024 });
      // A bad number is refused with a clear message, and nothing is finished.
      await item.getByLabel("Actual hours").fill("two");
      await item.getByRole("button", { name: `Finish ${op.label} of ${number}` }).click();
      await expect(item.getByRole("alert")).toHaveText("Enter the hours as a number such as 3 or 2.5 (at most 2 decimals).");
      await expect(item).toHaveAttribute("data-status", "RUNNING");
    }
    await item.getByLabel("Actual hours").fill("2.5");
    await item.getByRole("button", { name: `Finish ${op.label} of ${number}` }).click();
    await expect(item).toHaveCount(0);
    await expect(page.getByTestId("finished")).toContainText(number);
    await expect(page.getByTestId("finished")).toContainText("2.5 h actual");
  }
  await expect(customer.getByTestId("order-status")).toHaveText("Quality check");
  await expect(customer.getByTestId("operations").getByRole("listitem")).toHaveCount(ops.length);
  await expect(customer.getByTestId("operations").locator('[data-state="done"]')).toHaveCount(ops.length);
  await customer.screenshot({ path: "test-results/shop-floor-customer-375.png", fullPage: true });
  await customerContext.close();
});

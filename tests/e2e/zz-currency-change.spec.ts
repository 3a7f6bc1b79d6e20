import { expect, test } from "@playwright/test";
import { storageStateFor } from "./accounts";

// This file runs last (files run in name order, one worker): changing the shop currency gives every product
// a new version, which the other files' checks of version codes and prices would see.

test.use({ storageState: storageStateFor("admin") });

test("changing the currency needs a rate, previews it, converts the catalog and leaves past orders in theirs", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto("/admin/settings");
  const form = page.getByRole("region", { name: "Change the currency" });
  await form.getByLabel("New currency").selectOption("JPY");
  // No rate: refused at the field, nothing changes.
  await form.getByRole("button", { name: "Convert prices and change the currency" }).click();
  await expect(form.getByText("Enter the exchange rate as a number, e.g. 162.35")).toBeVisible();
  await form.getByLabel(/Exchange rate/).fill("162.35");
  await expect(form.getByText("1 EUR = 162.35 JPY")).toBeVisible();
  const preview = form.getByRole("table", { name: /Preview/ });
  await expect(preview.getByRole("row", { name: /Linden sofa/ })).toContainText("JP¥");
  await page.screenshot({ path: test.info().outputPath("currency-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: test.info().outputPath("currency-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 1000 });

  // A past order's total before the change.
  const customer = await browser.newContext({ storageState: storageStateFor("customer") });
  const orders = await customer.newPage();
  await orders.goto("/orders");
  const before = await orders.getByRole("main").getByText(/€[\d,]+\.\d\d/).first().innerText();

  await form.getByRole("button", { name: "Convert prices and change the currency" }).click();
  await expect(form.getByRole("status")).toContainText("The shop now sells in JPY");
  await expect(page.getByRole("main").getByText("Currency", { exact: true }).locator("..")).toContainText("JPY");

  await orders.goto("/orders");
  await expect(orders.getByRole("main").getByText(before).first()).toBeVisible();
  await orders.goto("/");
  await expect(orders.getByRole("main").getByText(/JP¥[\d,]+/).first()).toBeVisible();
  await expect(orders.getByRole("main").getByText(/€/)).toHaveCount(0);
  await customer.close();

  await page.goto("/admin/audit?action=settings.currency");
  await expect(page.getByRole("row", { name: /Exchange rate.*1 EUR = 162\.35 JPY/ }).last()).toBeVisible();
});

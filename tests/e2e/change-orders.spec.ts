import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { storageStateFor } from "./accounts";

// Issue 23, change orders: a customer changes a confirmed order; staff see the revision on the build sheet; a
// change asked for after production started is approved by staff and the customer sees it live.

test.use({ storageState: storageStateFor("customer") });

/** Orders a linden sofa in its standard configuration (wool, 200 cm) through the checkout; returns its number. */
async function orderSofa(page: Page): Promise<string> {
  await page.goto("/products/linden-sofa/order");
  await page.getByRole("main").getByLabel("Street and number").fill("4 Canal Walk");
  await page.getByRole("main").getByLabel("Postal code").fill("1012 AB");
  await page.getByRole("main").getByLabel("City").fill("Amsterdam");
  await page.getByRole("main").getByLabel("Country").selectOption("NL");
  await page.getByRole("button", { name: /^Place order/ }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  return (await page.getByTestId("order-number").textContent()) ?? "";
}

/** Staff move the order along from its build sheet, in their own browser. */
async function staffMoves(browser: Browser, number: string, buttons: string[]) {
  const context = await browser.newContext({ storageState: storageStateFor("staff") });
  const staff = await context.newPage();
  await staff.goto(`/staff/orders/${number}`);
  for (const name of buttons) {
    await staff.getByRole("button", { name }).click();
    await expect(staff.getByRole("button", { name })).toHaveCount(0);
    // The button is also gone while its action runs (it reads "Saving…"): closing the page then cancelled the
    // step in CI (the order stayed confirmed). Wait for the answer, and check on a fresh page that it is done.
    await expect(staff.getByRole("button", { name: "Saving…" })).toHaveCount(0);
    await staff.reload();
    await expect(staff.getByRole("button", { name })).toHaveCount(0);
  }
  await context.close();
}

test("a customer changes a confirmed order's fabric and width, sees the new price and date, and staff see revision 2 on the build sheet", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const number = await orderSofa(page);
  await staffMoves(browser, number, ["Confirm order"]);

  await page.goto(`/orders/${number}`);
  const before = (await page.getByTestId("promised-date").textContent()) ?? "";
  await page.getByRole("link", { name: "Change specification" }).click();
  await expect(page.getByRole("heading", { name: /Change specification: Linden sofa/ })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Wool boucle/ })).toBeChecked();
  await page.getByRole("radio", { name: /Washed linen/ }).check();
  await page.getByRole("spinbutton", { name: "Width" }).fill("210");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "/tmp/chg-change-375.png", fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "/tmp/chg-change-1280.png", fullPage: false });
  await expectNoSeriousAxeViolations(page, { exclude: "header" });
  await page.getByRole("link", { name: "Review change" }).click();

  await expect(page.getByRole("heading", { name: "Review your change" })).toBeVisible();
  await expect(page.getByTestId("change-differences")).toContainText("Upholstery: Wool boucle → Washed linen");
  await expect(page.getByTestId("change-differences")).toContainText("Width: 200 cm → 210 cm");
  await expect(page.getByTestId("price-difference")).toHaveText(/^\+€/);
  const newTotal = (await page.getByTestId("new-total").textContent()) ?? "";
  const newDate = (await page.getByTestId("new-date").textContent()) ?? "";
  expect(newDate).toMatch(/\d{4}/);
  await expectNoSeriousAxeViolations(page, { exclude: "header" });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "/tmp/chg-review-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "/tmp/chg-review-1280.png", fullPage: true });
  await page.getByRole("main").getByLabel(/Why are you changing it/).fill("Lighter for summer");
  await page.getByRole("button", { name: "Confirm change" }).click();

  await expect(page).toHaveURL(new RegExp(`/orders/${number}$`));
  await expect(page.getByRole("heading", { name: "Specification as changed" })).toBeVisible();
  await expect(page.getByTestId("revision-list")).toContainText("Revision 2");
  await expect(page.getByTestId("revision-list")).toContainText("Upholstery: Wool boucle → Washed linen");
  await expect(page.getByTestId("promised-date")).toHaveText(newDate);
  await expect(page.getByRole("main").getByText(newTotal).first()).toBeVisible();
  expect(before).not.toBe("");
  await page.screenshot({ path: "/tmp/chg-order-1280.png", fullPage: true });

  const context = await browser.newContext({ storageState: storageStateFor("staff") });
  const staff = await context.newPage();
  await staff.goto(`/staff/orders/${number}`);
  await expect(staff.getByTestId("revision-banner")).toContainText(/Changed on .+ \(revision 2\): Upholstery: Wool boucle → Washed linen; Width: 200 cm → 210 cm/);
  await expect(staff.getByTestId("revision-number")).toHaveText("Revision 2");
  await expect(staff.getByRole("row", { name: /Upholstery Washed linen/ })).toBeVisible();
  await staff.screenshot({ path: "/tmp/chg-sheet-1280.png", fullPage: true });
  await context.close();
});

test("after production starts the customer requests a change; staff approve it with a fee and the customer sees it live", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const number = await orderSofa(page);
  await staffMoves(browser, number, ["Confirm order", "Start production"]);

  await page.goto(`/orders/${number}`);
  await page.getByRole("link", { name: "Request a change" }).click();
  await page.getByRole("radio", { name: "Sage" }).check();
  await page.getByRole("link", { name: "Review request" }).click();
  await expect(page.getByRole("heading", { name: "Review your change request" })).toBeVisible();
  await page.getByRole("button", { name: "Send change request" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${number}$`));
  await expect(page.getByTestId("change-pending")).toBeVisible();
  await expect(page.getByRole("main").getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");

  const context = await browser.newContext({ storageState: storageStateFor("staff") });
  const staff = await context.newPage();
  await staff.goto("/staff");
  await expect(staff.getByTestId("board-change-requests")).toContainText(number);
  await staff.getByTestId("board-change-requests").getByRole("link", { name: number }).click();
  const request = staff.getByTestId("change-request");
  await expect(request).toContainText("Fabric colour: Sand → Sage");
  await expectNoSeriousAxeViolations(staff, { exclude: "header" });
  await staff.screenshot({ path: "/tmp/chg-request-1280.png", fullPage: true });
  await request.getByLabel("Change fee (optional)").fill("25");
  await request.getByLabel("Note for the customer (optional)").fill("Sage is in stock");
  await request.getByRole("button", { name: "Approve change" }).click();
  // Decided: the request leaves the sheet, which now shows the new revision.
  await expect(staff.getByTestId("revision-banner")).toContainText("(revision 2): Fabric colour: Sand → Sage");
  await expect(staff.getByTestId("change-request")).toHaveCount(0);
  await context.close();

  // The customer's page follows without a reload.
  await expect(page.getByTestId("revision-list")).toContainText("Revision 2", { timeout: 15_000 });
  await expect(page.getByTestId("revision-list")).toContainText("Sage is in stock");
  await expect(page.getByTestId("change-pending")).toHaveCount(0);
  await expect(page.getByRole("row", { name: /Change fee/ })).toBeVisible();
});

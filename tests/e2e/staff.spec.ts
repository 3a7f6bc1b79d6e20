import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageStateFor } from "./accounts";
import { checkoutFor, placedNumber } from "./support/checkout-action";
import type { CookieJar } from "./support/http-client";
import { newCustomerOverHttp, useSession } from "./support/new-customer";

test.use({ storageState: storageStateFor("staff") });

/** The customer's own order page in a second browser, when that page exists in this build. */
async function customerView(browser: Browser, number: string, jar?: CookieJar) {
  const context = await browser.newContext(jar ? {} : { storageState: storageStateFor("customer") });
  if (jar) await useSession(context, test.info().project.use.baseURL!, jar);
  const page = await context.newPage();
  const response = await page.goto(`/orders/${number}`);
  const available = response?.status() === 200 && (await page.getByRole("main").getByTestId("order-status").first().waitFor({ timeout: 10_000 }).then(() => true, () => false));
  return {
    available,
    async expectStatus(label: string) {
      if (!available) return;
      await page.reload();
      await expect(page.getByRole("main").getByTestId("order-status").first()).toHaveText(label);
    },
    close: () => context.close(),
  };
}

async function stageIs(page: Page, label: string) {
  await expect(page.getByRole("main").getByTestId("order-stage")).toHaveText(label);
}

test("staff take a placed order through every stage to delivered; the customer sees each step", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A customer of this test's own places an order (over HTTP, as the checkout page submits it: the test needs no
  // other file's orders), and staff find it on the board by searching for them.
  const base = test.info().project.use.baseURL!;
  const buyer = await newCustomerOverHttp(base, 200, "Stages");
  const placedReply = await (await checkoutFor(base, buyer.jar, buyer.from, "linden-sofa", 1)).submit();
  const ordered = placedNumber(placedReply.body);
  expect(ordered, placedReply.body.slice(0, 300)).toMatch(/^AT-\d{4}-\d{6}$/);
  await page.goto(`/staff?q=${encodeURIComponent(buyer.name)}`);
  const placed = page.getByRole("main").getByTestId("column-PLACED");
  await expect(placed.getByRole("heading")).toContainText("Placed");
  await expect(placed.getByRole("link", { name: ordered })).toBeVisible();
  const number = ordered!;
  await expect(page.getByRole("main").getByTestId("live-status")).toHaveAttribute("data-status", "live");

  const customer = await customerView(browser, number, buyer.jar);
  expect(customer.available, "the customer's own order page answers and shows its status").toBe(true);
  await customer.expectStatus("Placed");

  await page.getByRole("link", { name: number }).first().click();
  await expect(page.getByRole("heading", { name: number })).toBeVisible();
  await stageIs(page, "Placed");

  // An illegal transition sent through the action (a tampered form: placed straight to delivered) is refused.
  // Tampered and sent in one step: a re-render in between (a live update) would put the form's own value back.
  await page.locator('form:has(button:text("Confirm order"))').evaluate((form: HTMLFormElement) => {
    form.querySelector<HTMLInputElement>('input[name="to"]')!.value = "DELIVERED";
    form.requestSubmit(form.querySelector<HTMLButtonElement>("button")!);
  });
  await expect(page.getByRole("alert").filter({ hasText: /cannot go from placed to delivered/i })).toBeVisible();
  await page.reload();
  await stageIs(page, "Placed");

  const steps: [button: string, label: string][] = [
    ["Confirm order", "Confirmed"],
    ["Start production", "In production"],
    ["Finish production", "Quality check"],
    ["Pass quality check", "Ready to ship"],
  ];
  for (const [button, label] of steps) {
    await page.getByRole("button", { name: button, exact: true }).click();
    await stageIs(page, label);
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText(label);
    await customer.expectStatus(label);
  }

  // Shipping needs carrier and tracking number.
  await page.getByRole("button", { name: "Ship", exact: true }).click();
  expect(await page.getByLabel("Carrier").evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
  await stageIs(page, "Ready to ship");
  await page.getByLabel("Carrier").fill("DHL Freight");
  await page.getByLabel("Tracking number").fill("JD0146000099");
  await page.getByRole("button", { name: "Ship", exact: true }).click();
  await stageIs(page, "Shipped");
  await expect(page.getByRole("region", { name: "Customer and delivery" })).toContainText("Shipped with DHL Freight, tracking number JD0146000099");
  // A known carrier: the number links to its tracking page, URL-encoded.
  await expect(page.getByRole("region", { name: "Customer and delivery" }).getByRole("link", { name: /JD0146000099/ })).toHaveAttribute("href", "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=JD0146000099");
  await customer.expectStatus("Shipped");

  await page.getByRole("button", { name: "Mark delivered" }).click();
  await stageIs(page, "Delivered");
  await expect(page.getByRole("main").getByText("No further steps")).toBeVisible();
  await customer.expectStatus("Delivered");
  const timeline = page.getByRole("region", { name: "Timeline" }).getByRole("listitem");
  await expect(timeline).toHaveCount(7);
  await customer.close();
  console.log(`customer order page ${customer.available ? "checked at every step" : "not present in this build"}`);
  test.info().annotations.push({ type: "customer page", description: customer.available ? "checked at every step" : "not present in this build; checked via staff pages" });
});

test("the board follows another staff member's change live, without a reload", async ({ page, browser }) => {
  await page.goto("/staff");
  const column = page.getByRole("main").getByTestId("column-PLACED");
  const card = column.getByTestId("order-card").first();
  const number = (await card.getByRole("link").first().textContent())?.trim() ?? "";
  // Another staff member confirms it first, from their own browser.
  const other = await browser.newContext({ storageState: storageStateFor("admin") });
  const otherPage = await other.newPage();
  await otherPage.goto(`/staff/orders/${number}`);
  await otherPage.getByRole("button", { name: "Confirm order" }).click();
  await expect(otherPage.getByRole("main").getByTestId("order-stage")).toHaveText("Confirmed");
  await other.close();
  // The board updates live (SSE); the service-level refusal of a stale click is covered in tests/integration/transitions.test.ts.
  await expect(page.getByRole("main").getByTestId("column-CONFIRMED").getByRole("link", { name: number })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("main").getByTestId("column-PLACED").getByRole("link", { name: number })).toHaveCount(0);
  await page.goto(`/staff/orders/${number}`);
  await stageIs(page, "Confirmed");
});

test("cancelling asks for confirmation and a reason, and moves the card", async ({ page }) => {
  await page.goto("/staff");
  const card = page.getByRole("main").getByTestId("column-CONFIRMED").getByTestId("order-card").first();
  const number = (await card.getByRole("link").first().textContent())?.trim() ?? "";
  await card.getByRole("button", { name: /Cancel…/ }).click();
  const dialog = page.getByRole("dialog", { name: `Cancel order ${number}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep order" }).click();
  await expect(dialog).toBeHidden();
  await card.getByRole("button", { name: /Cancel…/ }).click();
  await dialog.getByLabel("Reason").fill("Supplier discontinued the leather");
  await dialog.getByRole("button", { name: "Cancel order" }).click();
  await expect(page.getByRole("main").getByTestId("column-CANCELLED").getByRole("link", { name: number })).toBeVisible();
  await page.goto(`/staff/orders/${number}`);
  await expect(page.getByRole("main").getByTestId("order-stage")).toHaveText("Cancelled");
  await expect(page.getByRole("region", { name: "Customer and delivery" })).toContainText("Cancelled: Supplier discontinued the leather");
});

test("the printed build sheet (PDF from Chromium) shows every option and no app chrome", async ({ page }) => {
  await page.goto("/staff?q=clara");
  const number = (await page.getByRole("main").getByTestId("column-IN_PRODUCTION").getByTestId("order-card").first().getByRole("link").first().textContent())?.trim() ?? "";
  await page.goto(`/staff/orders/${number}`);
  await expect(page.getByRole("heading", { name: number })).toBeVisible();
  const options = page.getByRole("region", { name: "Configuration" }).getByRole("row");
  const count = await options.count();
  expect(count).toBeGreaterThan(2);
  const choices = (await options.allTextContents()).slice(1);
  await page.emulateMedia({ media: "print" });
  for (let i = 1; i < count; i++) await expect(options.nth(i)).toBeVisible();
  await expect(page.getByRole("region", { name: "Bill of materials" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print build sheet" })).toBeHidden();
  await expect(page.getByRole("region", { name: "Next step" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
  await test.info().attach("build-sheet.pdf", { body: pdf, contentType: "application/pdf" });
  expect(choices.length).toBe(count - 1);
});

test("capacity shows 12 weeks of load and the materials plan downloads as CSV", async ({ page }) => {
  await page.goto("/staff/capacity");
  await expect(page.getByRole("heading", { name: "Load, next 12 weeks" })).toBeVisible();
  await expect(page.getByRole("main").getByTestId("load-table").locator("tbody tr")).toHaveCount(12);
  await page.goto("/staff/materials");
  // Each component says the last day to order it: its supply days before the first operation needs it.
  await expect(page.getByTestId("order-by").first()).toHaveText(/^\d{1,2} \w+ \d{4}/);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^atelier-materials-\d{4}-\d{2}-\d{2}\.csv$/);
  const response = await page.request.get("/api/staff/materials");
  expect(response.headers()["content-type"]).toContain("text/csv");
  expect((await response.text()).split("\r\n")[0]).toBe("week,week_start,sku,component,quantity,unit,supply_days,order_by,orders");
});

test.describe("customer", () => {
  test.use({ storageState: storageStateFor("customer") });
  test("cannot read the staff event stream or the materials export", async ({ page }) => {
    expect((await page.request.get("/api/staff/materials")).status()).toBe(403);
    expect((await page.request.get("/api/staff/events")).status()).toBe(403);
  });
});

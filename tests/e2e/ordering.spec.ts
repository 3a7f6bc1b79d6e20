import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./accounts";
import { newCustomerOverHttp, useSession } from "./support/new-customer";

// Each test orders as a customer of its own: on PostgreSQL the seeded customer's earlier orders (other files')
// reached the open-hours cap ("155.8 of 160 workshop hours") before this file ran, and its orders were refused.
test.beforeEach(async ({ page, baseURL }) => {
  const buyer = await newCustomerOverHttp(baseURL!, 203, "Ordering");
  await useSession(page.context(), baseURL!, buyer.jar);
});

async function fillAddress(page: Page) {
  await page.getByRole("main").getByLabel("Street and number").fill("4 Canal Walk");
  await page.getByRole("main").getByLabel("Postal code").fill("1012 AB");
  await page.getByRole("main").getByLabel("City").fill("Amsterdam");
  await page.getByRole("main").getByLabel("Country").selectOption("NL");
}

/** Configures the bicycle in the configurator, reviews it and places the order; returns its number. */
async function orderBicycle(page: Page): Promise<{ number: string; total: string }> {
  await page.goto("/products/tempo-bicycle");
  await page.getByRole("link", { name: "Order", exact: true }).click();
  await expect(page).toHaveURL(/\/products\/tempo-bicycle\/order\?c=/);
  await expect(page.getByRole("heading", { name: /Review and order: Tempo bicycle/ })).toBeVisible();
  const total = (await page.getByTestId("order-total").textContent()) ?? "";
  await fillAddress(page);
  await page.getByRole("main").getByLabel("Notes for the workshop").fill("Please call before delivery");
  await page.getByRole("button", { name: /^Place order/ }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  const number = (await page.getByTestId("order-number").textContent()) ?? "";
  expect(number).toMatch(/^AT-\d{4}-\d{6}$/);
  return { number, total };
}

test("the checkout explains missing address fields where they were typed and keeps the rest", async ({ page }) => {
  await page.goto("/products/tempo-bicycle/order");
  await page.getByRole("main").getByLabel("Street and number").fill("4 Canal Walk");
  await page.getByRole("button", { name: /^Place order/ }).click();
  // Each error at its field and, as a link to it, in the summary at the top.
  await expect(page.locator('[id="address.city-error"]')).toHaveText("Enter the city");
  await expect(page.getByTestId("checkout-errors").getByRole("link", { name: "Enter the city" })).toBeVisible();
  await expect(page.locator('[id="address.country-error"]')).toHaveText("Choose a country from the list");
  await expect(page.getByRole("main").getByLabel("Street and number")).toHaveValue("4 Canal Walk");
  await expect(page.getByRole("main").getByLabel("City")).toHaveAttribute("aria-invalid", "true");
});

test("a customer orders, finds the order, and watches staff move it live", async ({ page, browser }) => {
  const { number, total } = await orderBicycle(page);

  await page.goto("/orders");
  await expect(page.getByRole("row").filter({ hasText: number })).toContainText(total);
  await page.getByRole("link", { name: number }).click();
  await expect(page.getByRole("main").getByTestId("order-status")).toHaveText("Placed");
  await expect(page.getByRole("main").getByText("Please call before delivery")).toBeVisible();
  await expect(page.getByRole("main").getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");

  // A staff member confirms it in another browser; the customer's page follows without a reload.
  const staffContext = await browser.newContext({ storageState: storageStateFor("staff") });
  const staff = await staffContext.newPage();
  await staff.goto(`/staff/orders/${number}`);
  await staff.getByRole("button", { name: "Confirm order" }).click();
  await expect(staff.getByText(/Confirmed/).first()).toBeVisible();
  await staffContext.close();

  await expect(page.getByRole("main").getByTestId("order-status")).toHaveText("Confirmed", { timeout: 15_000 });
  await expect(page.getByRole("listitem").filter({ hasText: "Confirmed" }).first()).toHaveAttribute("data-state", "current");
});

test("a customer cancels a placed order and the workshop time is released", async ({ page }) => {
  const { number } = await orderBicycle(page);
  await page.goto(`/orders/${number}`);
  await page.getByRole("button", { name: "Cancel order" }).click();
  await page.getByRole("main").getByLabel("Reason (optional)").fill("Ordered twice by mistake");
  await page.getByRole("button", { name: "Yes, cancel this order" }).click();
  // The page re-renders with the new status; the reason is kept on the order.
  await expect(page.getByRole("main").getByTestId("order-status")).toHaveText("Cancelled");
  await expect(page.getByRole("main").getByText("Reason: Ordered twice by mistake")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("main").getByTestId("order-status")).toHaveText("Cancelled");
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
});

test("another customer's order number is a 404, for the page and its live stream", async ({ page, browser }) => {
  // Read one of the other demo customer's order numbers from their own account.
  const devContext = await browser.newContext();
  const dev = await devContext.newPage();
  await dev.goto("/login?callbackUrl=%2Forders");
  await dev.getByLabel("Email").fill("dev@example.com");
  await dev.getByLabel("Password").fill("customer-demo-2026");
  await dev.getByRole("button", { name: "Sign in" }).click();
  const theirs = (await dev.getByRole("link", { name: /^AT-\d{4}-\d{6}$/ }).first().textContent()) ?? "";
  await devContext.close();
  expect(theirs).toMatch(/^AT-/);

  const response = await page.goto(`/orders/${theirs}`);
  expect(response?.status()).toBe(404);
  expect((await page.request.get(`/api/orders/${theirs}/events`)).status()).toBe(404);
  expect((await page.goto(`/orders/${theirs}/again`))?.status()).toBe(404);
});

test("order again carries the configuration to the current version and says what differs", async ({ page }) => {
  const { number, total } = await orderBicycle(page);
  await page.goto(`/orders/${number}`);
  await page.getByRole("link", { name: "Order again" }).click();
  await expect(page.getByRole("heading", { name: "What differs from your order" })).toBeVisible();
  await expect(page.getByTestId("reorder-differences")).toContainText(`Same price as before: ${total}`);
  await expect(page.getByTestId("reorder-differences")).toContainText("the same configuration is still available");
  await page.getByRole("link", { name: "Review and order" }).click();
  await expect(page).toHaveURL(/\/products\/tempo-bicycle\/order\?c=.+&q=1/);
  await expect(page.getByRole("main").getByTestId("order-total")).toHaveText(total);
});

import { expect, test } from "@playwright/test";
import { storageStateFor } from "./accounts";

// Runs only against PostgreSQL, with two app instances on one database (see playwright.config.ts).
const port = Number(process.env.E2E_PORT ?? 3100);
const instanceA = `http://localhost:${port}`;
const instanceB = `http://localhost:${port + 1}`;

test("a customer watching an order on instance A sees a transition made on instance B, live", async ({ browser }) => {
  const customer = await browser.newContext({ storageState: storageStateFor("customer") });
  const page = await customer.newPage();
  await page.goto(`${instanceA}/orders`);
  // One of Clara's seeded orders that is still placed.
  const row = page.getByRole("row").filter({ hasText: "Placed" }).first();
  const number = (await row.getByRole("link").textContent()) ?? "";
  expect(number).toMatch(/^AT-\d{4}-\d{6}$/);
  await page.goto(`${instanceA}/orders/${number}`);
  await expect(page.getByRole("main").getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");

  const staff = await browser.newContext({ storageState: storageStateFor("staff") });
  const staffPage = await staff.newPage();
  await staffPage.goto(`${instanceB}/staff/orders/${number}`);
  await staffPage.getByRole("button", { name: "Confirm order" }).click();
  await expect(staffPage.getByRole("main").getByText("Confirmed").first()).toBeVisible();

  await expect(page.getByRole("main").getByTestId("order-status")).toHaveText("Confirmed", { timeout: 15_000 });
  await staff.close();
  await customer.close();
});

test("failed sign-ins are counted across both instances", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `multi-${Date.now()}@example.com`;
  for (let attempt = 0; attempt < 8; attempt++) {
    await page.goto(`${attempt % 2 === 0 ? instanceA : instanceB}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "No account uses this email address" })).toBeVisible();
  }
  for (const instance of [instanceA, instanceB]) {
    await page.goto(`${instance}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /Too many sign-in attempts\. Try again in \d+ minutes?\./ })).toBeVisible();
  }
  await context.close();
});

import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { storageStateFor } from "./accounts";
import { newCustomerOverHttp, useSession } from "./support/new-customer";

// Saved designs (save two from the configurator, compare, order from one) and the address book (kept only
// with the customer's consent, offered at checkout, filled in on Order again), as the signed-in customer.

test.use({ storageState: storageStateFor("customer") });
// Long flows (two saves, two orders) on a shared, loaded machine.
test.setTimeout(120_000);

const run = Date.now().toString(36).slice(-5);
const shots = process.env.SAVED_SCREENSHOTS; // a folder, e.g. /tmp: screenshots at 375 and 1280 px

async function screenshots(page: Page, name: string) {
  if (!shots) return;
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/saved-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function saveDesign(page: Page, name: string) {
  await page.getByTestId("save-design").click();
  await expect(page.getByRole("heading", { name: "Save your Tempo bicycle" })).toBeVisible();
  await page.getByLabel("Name of this design").fill(name);
  await page.getByRole("button", { name: "Save design" }).click();
  await expect(page.getByRole("heading", { name: "Saved designs" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Saved “${name}”` })).toBeVisible();
}

test("a customer saves two designs, compares them with the difference highlighted and prices shown, and orders one", async ({ page }) => {
  const red = `Red commuter ${run}`;
  const green = `Green commuter ${run}`;
  await page.goto("/products/tempo-bicycle");
  await page.getByRole("radio", { name: "Signal red" }).check();
  await saveDesign(page, red);
  await page.goto("/products/tempo-bicycle");
  await page.getByRole("radio", { name: "Racing green" }).check();
  await page.getByTestId("save-design").scrollIntoViewIfNeeded();
  await screenshots(page, "configurator");
  await saveDesign(page, green);

  const cards = page.getByTestId("design-card");
  await expect(cards.filter({ hasText: red }).getByTestId("design-price")).toHaveText(/\d/);
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel(`Compare ${red}`).check();
  await page.getByLabel(`Compare ${green}`).check();
  await page.getByRole("button", { name: "Compare selected" }).click();
  await expect(page.getByRole("heading", { name: "Compare designs" })).toBeVisible();
  const table = page.getByTestId("compare-table");
  await expect(table.getByRole("columnheader", { name: red })).toBeVisible();
  const colour = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Colour|Frame colour|Paint/ }) });
  await expect(colour).toContainText("Signal red");
  await expect(colour).toContainText("Racing green");
  await expect(colour).toHaveAttribute("data-differs", "true");
  await expect(colour.getByText("differs")).toBeVisible();
  const price = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Price today" }) });
  await expect(price.getByRole("cell")).toHaveText([/€\s?[\d,.]+|EUR/, /€\s?[\d,.]+|EUR/]);
  await expect(table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Estimated delivery" }) }).getByRole("cell").first()).toHaveText(/\d{4}/);
  // The same wheels on both: not marked.
  await expect(table.locator("tr[data-differs]")).not.toHaveCount(await table.locator("tbody tr").count());
  await expectNoSeriousAxeViolations(page);
  await screenshots(page, "compare");

  await page.getByRole("link", { name: `Order this design: ${red}` }).click();
  await expect(page.getByRole("heading", { name: /Review and order: Tempo bicycle/ })).toBeVisible();
  await expect(page.getByRole("main").getByText("Signal red").first()).toBeVisible();

  await page.goto("/account/designs");
  await screenshots(page, "designs");
});

test("another customer's design id, or a made-up one, is a 404", async ({ page }) => {
  expect((await page.goto("/account/designs/cl0000000000000000000000"))?.status()).toBe(404);
  expect((await page.goto("/account/designs/compare?id=cl0000000000000000000000&id=cl0000000000000000000001"))?.status()).toBe(404);
});

async function checkout(page: Page, street: string, consent: { phone: string } | null): Promise<string> {
  await page.goto("/products/tempo-bicycle/order");
  const main = page.getByRole("main");
  await main.getByLabel("Street and number").fill(street);
  await main.getByLabel("Postal code").fill("1012 AB");
  await main.getByLabel("City").fill("Amsterdam");
  await main.getByLabel("Country", { exact: true }).selectOption("NL");
  const box = main.getByLabel("Save this address to my address book");
  await expect(box).not.toBeChecked();
  if (consent) {
    await box.check();
    await main.getByLabel("Phone for deliveries (optional)").fill(consent.phone);
  }
  await page.getByRole("button", { name: /^Place order/ }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  return (await page.getByTestId("order-number").textContent()) ?? "";
}

test("an address is saved only with consent, is offered at checkout and is filled in on Order again", async ({ page, context, baseURL }) => {
  // A customer of its own: it places two orders, and the seeded customer's open workshop hours are capped
  // (support/new-customer.ts); in a shard with the other files that order as her, they ran out.
  const buyer = await newCustomerOverHttp(baseURL!, 204, "Addresses");
  await context.clearCookies();
  await useSession(context, baseURL!, buyer.jar);
  const unsaved = `7 Private Lane ${run}`;
  const saved = `12 Keizersgracht ${run}`;
  await checkout(page, unsaved, null);
  await page.goto("/account/addresses");
  await expect(page.getByRole("heading", { name: "Address book" })).toBeVisible();
  await expect(page.getByText(unsaved)).toHaveCount(0);

  const number = await checkout(page, saved, { phone: "+31 20 123 4567" });
  await page.goto("/account/addresses");
  const card = page.getByTestId("saved-address").filter({ hasText: saved });
  await expect(card).toContainText("Netherlands");
  await expect(card).toContainText("+31 20 123 4567");
  await expect(page.getByText(unsaved)).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await screenshots(page, "addresses");

  // Order again: the checkout opens with the saved address filled in.
  await page.goto(`/orders/${number}/again`);
  await page.getByRole("link", { name: "Review and order" }).click();
  const main = page.getByRole("main");
  await expect(main.getByLabel("Street and number")).toHaveValue(saved);
  await expect(main.getByLabel("City")).toHaveValue("Amsterdam");
  await expect(main.getByLabel("Country", { exact: true })).toHaveValue("NL");

  // A fresh checkout offers it: choosing it fills the fields.
  await page.goto("/products/tempo-bicycle/order");
  await expect(main.getByLabel("Street and number")).toHaveValue("");
  await main.getByLabel("Save this address to my address book").check();
  const option = page.getByLabel("Use a saved address").locator("option", { hasText: saved });
  await page.getByLabel("Use a saved address").selectOption({ label: (await option.textContent()) ?? "" });
  await expect(main.getByLabel("Street and number")).toHaveValue(saved);
  await expect(main.getByLabel("Postal code")).toHaveValue("1012 AB");
  await expect(main.getByLabel("Country", { exact: true })).toHaveValue("NL");
  await expect(main.getByLabel("Phone for deliveries (optional)")).toHaveValue("+31 20 123 4567");
  await screenshots(page, "checkout");

  // Edit and delete in the address book.
  await page.goto("/account/addresses");
  await card.getByRole("button", { name: /^Edit/ }).click();
  await page.getByLabel("Apartment, floor (optional)").first().fill("2nd floor");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(card).toContainText("2nd floor");
  await card.getByRole("button", { name: /^Delete/ }).click();
  await expect(page.getByText(saved)).toHaveCount(0);
});

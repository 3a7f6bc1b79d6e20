import { expect as baseExpect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { storageStateFor } from "./accounts";
import { openEditor } from "./support/editor";

// Cloning, publishing and rolling back each re-render the whole product page: slower than the default 10 s on a busy machine.
const expect = baseExpect.configure({ timeout: 30_000 });

// An admin clones a product, publishes two versions, compares them, rolls back, saves a test case from the
// preview and sees it fail at publish until the new results are accepted.

test.use({ storageState: storageStateFor("admin") });

const SCREENS = "test-results/versions-screens";

async function publish(page: Page, note: string) {
  const main = page.getByRole("main");
  const ack = main.getByLabel("I have read the warnings; publish anyway");
  if (await ack.isVisible()) await ack.check();
  await main.getByLabel("Release note (optional)").fill(note);
  await page.getByRole("button", { name: "Publish draft" }).click();
}

async function screenshots(page: Page, name: string, locate?: () => Promise<void>) {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    if (locate) await locate();
    await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: !locate });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("compare two versions, roll back, and a saved test case that fails at publish", async ({ page }) => {
  test.setTimeout(300_000);
  const main = page.getByRole("main");
  const slug = `sofa-copy-${Date.now().toString(36)}`;

  // Clone a seeded product: the copy starts as a draft of its current version.
  await page.goto("/admin/products");
  await page.getByRole("link", { name: "Linden sofa" }).click();
  await main.getByLabel("Name of the copy").fill("Sofa copy");
  await main.getByLabel("Slug of the copy").fill(slug);
  await page.getByRole("button", { name: "Clone product" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sofa copy" })).toBeVisible();
  const productUrl = page.url();
  await openEditor(page);
  await publish(page, "First");
  await expect(main.getByText("Version 1 is published and live in the catalog.")).toBeVisible();

  // An unsaved edit holds publishing back; saved, it publishes as v2.
  const basePrice = main.getByLabel("Base price (EUR)");
  const v1Price = await basePrice.inputValue();
  await basePrice.fill("1999");
  await expect(main.getByText("Save your changes first")).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish draft" })).toBeDisabled();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(main.getByText("Draft v2 saved.")).toBeVisible();
  await expect(main.getByText("Save your changes first")).toHaveCount(0);
  await publish(page, "Dearer");
  await expect(main.getByText("Version 2 is published and live in the catalog.")).toBeVisible();

  // The compare page shows the base price change between v1 and v2.
  await page.getByRole("link", { name: "Compare v1 with v2" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare versions of Sofa copy" })).toBeVisible();
  const fields = page.getByRole("region", { name: /Base and prices/ });
  await expect(fields).toContainText("Base price");
  await expect(fields).toContainText("€1,999.00");
  await expect(page.getByRole("region", { name: /^Options/ })).toContainText("no changes");
  await expectNoSeriousAxeViolations(page, { exclude: "header" });
  await screenshots(page, "compare");

  // Roll back: a draft from v1, with v1's base price in the editor.
  await page.goto(productUrl);
  await page.getByRole("button", { name: "Start a draft from v1" }).click();
  await expect(main.getByText("Draft v3 now holds version 1.")).toBeVisible();
  await openEditor(page);
  await expect(basePrice).toHaveValue(v1Price);

  // Save the default configuration of the draft as a test case, from the preview.
  await page.getByRole("link", { name: "Preview draft" }).click();
  await expect(page.getByRole("note").filter({ hasText: "Preview" })).toBeVisible();
  // The configuration on screen is the one saved (two sofas); the form loads when asked for, and the focus
  // goes to its name field.
  await main.getByLabel("Quantity").fill("2");
  await main.getByRole("button", { name: "New test case…" }).click();
  await expect(main.getByLabel("Test case name")).toBeFocused();
  await main.getByLabel("Test case name").fill("Default sofa");
  await page.getByRole("button", { name: "Save as test case" }).click();
  await expect(main.getByText('Test case "Default sofa" saved with the current result as its expectation.')).toBeVisible();
  await page.goto(productUrl);
  const cases = page.getByRole("list", { name: "Test cases" });
  await expect(cases.getByTestId("test-case")).toHaveCount(1);
  await expect(cases).toContainText("quantity 2");
  await expect(cases).toContainText("Passes on the draft");

  // A price change in the draft: publishing stops and shows expected against got for the case.
  await openEditor(page);
  await basePrice.fill("2500");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(main.getByText("Draft v3 saved.")).toBeVisible();
  await publish(page, "Price rise");
  await expect(main.getByText("1 of 1 saved test case(s) give different results on this draft.", { exact: false })).toBeVisible();
  const run = main.getByTestId("test-case-run");
  await expect(run).toContainText("Default sofa");
  await expect(run.locator("del").first()).toBeVisible();
  await expect(cases).toContainText("Differs on the draft");
  await expectNoSeriousAxeViolations(page, { exclude: "header" });
  await screenshots(page, "test-cases", async () => {
    await page.getByRole("heading", { name: "Test cases" }).scrollIntoViewIfNeeded();
  });

  // Accepting the new results publishes v3 and updates the case's expectation.
  await main.getByLabel(/Accept the new results/).check();
  await page.getByRole("button", { name: "Publish draft" }).click();
  await expect(main.getByText(/Version 3 is published and live in the catalog\. 0 of 1 test case\(s\) passed; 1 now expect the new results\./)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list", { name: "Test cases" })).toContainText("Passes on the draft");
  await expect(page.getByRole("list", { name: "Test cases" })).not.toContainText("Differs");
});

test("unpublish takes a product out of the catalog and republish brings it back; archive hides it from the list", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const main = page.getByRole("main");
  const slug = `unpublish-${Date.now().toString(36)}`;
  await page.goto("/admin/products");
  await page.getByRole("link", { name: "Linden sofa" }).click();
  await main.getByLabel("Name of the copy").fill("Short-lived sofa");
  await main.getByLabel("Slug of the copy").fill(slug);
  await page.getByRole("button", { name: "Clone product" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Short-lived sofa" })).toBeVisible();
  await publish(page, "Live");
  await expect(main.getByText("Version 1 is published and live in the catalog.")).toBeVisible();

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const shop = await visitor.newPage();
  expect((await shop.goto(`/products/${slug}`))?.status()).toBe(200);

  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(main.getByText("Short-lived sofa is no longer in the catalog.", { exact: false })).toBeVisible();
  expect((await shop.goto(`/products/${slug}`))?.status()).toBe(404);

  await page.getByRole("button", { name: "Republish" }).click();
  await expect(main.getByText("Short-lived sofa v1 is back in the catalog.")).toBeVisible();
  expect((await shop.goto(`/products/${slug}`))?.status()).toBe(200);

  await page.getByRole("button", { name: "Archive" }).click();
  await expect(main.getByText("Short-lived sofa is archived and no longer in the catalog.")).toBeVisible();
  expect((await shop.goto(`/products/${slug}`))?.status()).toBe(404);
  await page.goto("/admin/products");
  await expect(main.getByRole("link", { name: "Short-lived sofa" })).toHaveCount(0);
  await page.getByRole("link", { name: "Archived" }).click();
  await main.getByRole("link", { name: "Short-lived sofa" }).click();
  await page.getByRole("button", { name: "Unarchive" }).click();
  await expect(main.getByText("Short-lived sofa is unarchived. Republish it to put it back in the catalog.")).toBeVisible();
  await visitor.close();
});

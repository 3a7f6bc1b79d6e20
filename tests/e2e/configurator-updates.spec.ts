import { expect, test } from "@playwright/test";

// What a customer sees on the Vela configurator: the page opens with the server's first view and loads the
// configuration engine on the first interaction. The very first click (made before the engine is there) is
// shown and its total updated once the engine arrives; after that every click updates the total. The time
// these take (click to updated total, first click with the engine's load, JavaScript bytes) is measured by
// `npm run bench` (bench/lib/browser.ts, bench/lib/js-bytes.ts), not asserted here.

const CLICKS = 20;

test("an option click updates the total, the first one before the engine is loaded too", async ({ page }) => {
  await page.goto("/products/vela-roadster");
  await expect(page.getByTestId("delivery-date")).toHaveText(/^\w+day,? \d{1,2} \w+ \d{4}$/);
  const configurator = page.locator("[data-engine]");
  await expect(configurator).toHaveAttribute("data-engine", "idle");
  const total = page.getByTestId("total");
  const winter = page.locator("#opt-packages-winter");
  const withoutWinter = await total.textContent();

  // The first click, before the engine is loaded: shown at once, queued, and applied when the engine arrives.
  await winter.click();
  await expect(total).not.toHaveText(withoutWinter ?? "");
  await expect(configurator).toHaveAttribute("data-engine", "ready");
  await expect(winter).toBeChecked();
  const withWinter = await total.textContent();

  // Each click toggles the Winter package and the total follows it, back and forth.
  for (let i = 0; i < CLICKS; i++) {
    const on = i % 2 === 1;
    await winter.click();
    await expect(total).toHaveText((on ? withWinter : withoutWinter) ?? "");
    if (on) await expect(winter).toBeChecked();
    else await expect(winter).not.toBeChecked();
  }

  // The catalog page still lists the products next to it.
  const catalog = await page.context().newPage();
  await catalog.goto("/");
  await expect(catalog.getByRole("list", { name: "Products" })).toBeVisible();
});

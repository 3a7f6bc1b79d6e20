import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";

// The storefront as a visitor uses it: catalog, configurator, rules with reasons and fixes, ranges,
// share links and the Order button. Prices come from the seeded demo products (prisma/demo-products.ts).

const euros = (text: string | null) => Math.round(Number((text ?? "").replace(/[^\d.-]/g, "")) * 100);
const total = (page: Page) => page.getByTestId("total");
const orderButton = (page: Page) => page.getByRole("button", { name: "Order", exact: true });
const orderLink = (page: Page) => page.getByRole("link", { name: "Order", exact: true });

test("the catalog shows each product with its from-price and typical delivery, and passes axe", async ({ page }) => {
  await page.goto("/");
  const products = page.getByRole("list", { name: "Products" }).getByRole("listitem");
  // The three seeded products (an admin test may have published more by now).
  for (const name of ["Linden sofa", "Tempo bicycle", "Vela GT roadster"]) {
    await expect(products.filter({ has: page.getByRole("heading", { name, exact: true }) })).toHaveCount(1);
  }
  const sofa = products.filter({ has: page.getByRole("heading", { name: "Linden sofa" }) });
  await expect(sofa.getByTestId("from-price")).toHaveText(/^€[\d,]+\.\d{2}$/);
  await expect(sofa.getByTestId("delivery-window")).toHaveText(/^\d+(–\d+)? weeks$/);
  await expectNoSeriousAxeViolations(page);
  await sofa.getByRole("link", { name: "Linden sofa" }).click();
  await expect(page).toHaveURL(/\/products\/linden-sofa/);
  await expect(page.getByRole("heading", { level: 1, name: "Linden sofa" })).toBeVisible();
});

test("the configurator's delivery date and its reasons are the planner's, from the work per centre of the configuration", async ({ page, request }) => {
  await page.goto("/products/linden-sofa");
  const shown = page.getByTestId("delivery-date");
  await expect(shown).toHaveText(/^\w+day,? \d{1,2} \w+ \d{4}$/);
  // The sofa's standard configuration: 12 days of materials, then frame, upholstery and assembly (demo routing).
  const answer = await request.get("/api/delivery-context?leadDays=12&work=frame:8,upholstery:8,assembly:2.5");
  const { estimate } = (await answer.json()) as { estimate: { ok: true; promisedDate: string; reasons: { kind: string; centreName?: string; name?: string }[] } };
  const date = new Date(estimate.promisedDate);
  expect(await shown.textContent()).toContain(`${date.getUTCDate()} ${date.toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${date.getUTCFullYear()}`);
  // Why: a work centre booked up, a shop closure (materials are said by the lead-time lines below it).
  const why = estimate.reasons.filter((r) => r.kind !== "materials");
  const reasons = page.getByRole("list", { name: "Why this date" }).getByRole("listitem");
  await expect(reasons).toHaveCount(why.length);
  for (const [i, reason] of why.entries()) {
    await expect(reasons.nth(i)).toContainText(reason.kind === "booked" ? `${reason.centreName} is booked until` : `${reason.name}: closed`);
  }
});

test("choosing an option changes the price by exactly that option's price (plus the premium on it)", async ({ page }) => {
  await page.goto("/products/tempo-bicycle");
  await expect(page.getByTestId("delivery-date")).toHaveText(/^\w+day,? \d{1,2} \w+ \d{4}$/);
  const before = euros(await total(page).textContent());
  const fenders = page.getByRole("checkbox", { name: /Fenders/ });
  await fenders.check();
  // Fenders: €65.00; the Tempo's customization premium is 3%.
  await expect(page.getByTestId("breakdown").getByRole("row", { name: /Accessories: Fenders/ })).toContainText("€65.00");
  await expect.poll(async () => euros(await total(page).textContent())).toBe(before + 6_500 + 195);
  await fenders.uncheck();
  await expect.poll(async () => euros(await total(page).textContent())).toBe(before);
  await expectNoSeriousAxeViolations(page);
});

test("choosing an option that needs exactly one more adds it, says so, and Undo takes both back", async ({ page }) => {
  await page.goto("/products/vela-roadster");
  const sportSeats = page.getByRole("checkbox", { name: /Sport seats/ });
  const comfort = page.getByRole("checkbox", { name: /Comfort package/ });
  await expect(sportSeats).toBeEnabled();
  await expect(comfort).not.toBeChecked();
  await sportSeats.check();
  await expect(sportSeats).toBeChecked();
  await expect(comfort).toBeChecked();
  await expect(page.getByRole("main").getByText(/Comfort package added because .*Sport seats needs it/)).toBeVisible();
  const breakdown = page.getByTestId("breakdown");
  await expect(breakdown.getByRole("row", { name: /Packages: Comfort package/ })).toContainText("€2,900.00");
  await expect(breakdown.getByRole("row", { name: /Packages: Sport seats/ })).toContainText("€2,400.00");
  await expect(orderLink(page)).toBeVisible();
  // The delivery estimate names what drives it.
  await expect(page.getByTestId("lead-drivers")).toContainText("Sport seats adds 10 days of supply");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(sportSeats).not.toBeChecked();
  await expect(comfort).not.toBeChecked();
  await expectNoSeriousAxeViolations(page);
});

test("a forbidden option shows why and a fix that applies in one click", async ({ page }) => {
  await page.goto("/products/vela-roadster");
  // The Track package needs the performance powertrain, and the standard one is chosen: nothing is replaced silently.
  const track = page.getByRole("checkbox", { name: /Track package/ });
  await expect(track).toBeDisabled();
  await expect(track).toHaveAccessibleDescription(/The Track package needs the performance powertrain/);
  await page.getByRole("button", { name: /^Choose Performance, dual motor, 82 kWh to get Track package/ }).click();
  await expect(track).toBeChecked();
  await expect(page.getByRole("radio", { name: /Performance, dual motor, 82 kWh/ })).toBeChecked();
  await expect(page.getByTestId("breakdown").getByRole("row", { name: /Packages: Track package/ })).toContainText("€3,500.00");
  await expect(orderLink(page)).toBeVisible();
});

test("a number outside the allowed range is refused with the range, and the Order button waits", async ({ page }) => {
  await page.goto("/products/linden-sofa");
  const width = page.getByRole("spinbutton", { name: "Width" });
  await width.fill("300");
  await expect(page.getByTestId("number-error")).toHaveText("Width must be between 160 and 260 cm");
  await expect(width).toHaveAttribute("aria-invalid", "true");
  await expect(orderButton(page)).toBeDisabled();
  await expect(page.getByText("Cannot order yet: Width must be between 160 and 260 cm")).toBeVisible();
  await width.fill("240");
  await expect(page.getByTestId("number-error")).toHaveCount(0);
  await expect(orderLink(page)).toBeVisible();
  // Leather is made up to 220 cm: at 240 cm it is unavailable, with the reason.
  const leather = page.getByRole("radio", { name: /Aniline leather/ });
  await expect(leather).toBeDisabled();
  await expect(leather).toHaveAccessibleDescription(/220 cm/);
  // Chosen at 200 cm, leather narrows the range: the field says so and refuses 240.
  await width.fill("200");
  await leather.check();
  await expect(page.getByText(/Allowed now: 160–220 cm/)).toBeVisible();
  await width.fill("240");
  await expect(page.getByTestId("number-error")).toContainText("220");
  await expect(orderButton(page)).toBeDisabled();
  await width.fill("220");
  await expect(orderLink(page)).toHaveAttribute("href", /^\/products\/linden-sofa\/order\?c=v1\.[\w-]+&q=1$/);
});

test("a share link restores the same configuration and total; a broken one falls back with a message", async ({ page, context }) => {
  await page.goto("/products/linden-sofa");
  await page.getByRole("radio", { name: /Washed linen/ }).check();
  await page.getByRole("radio", { name: /Tapered walnut/ }).check();
  await page.getByRole("radio", { name: "Sage" }).check();
  await page.getByRole("spinbutton", { name: "Width" }).fill("240");
  await page.getByRole("spinbutton", { name: "Quantity" }).fill("2");
  const expected = await total(page).textContent();
  await expect(page).toHaveURL(/[?&]c=v1\.[\w-]+.*q=2/);
  const shared = page.url();

  const other = await context.newPage();
  await other.goto(shared);
  await expect(other.getByText("Configuration restored from the link.")).toBeVisible();
  await expect(total(other)).toHaveText(expected!);
  await expect(other.getByRole("radio", { name: /Washed linen/ })).toBeChecked();
  await expect(other.getByRole("radio", { name: "Sage" })).toBeChecked();
  await expect(other.getByRole("spinbutton", { name: "Width" })).toHaveValue("240");
  await expect(other.getByRole("spinbutton", { name: "Quantity" })).toHaveValue("2");

  await other.goto("/products/linden-sofa?c=v1.not*base64");
  const notice = other.getByRole("alert").filter({ hasText: "configuration link" });
  await expect(notice).toContainText("damaged");
  await expect(other.getByRole("radio", { name: /Wool boucle/ })).toBeChecked();
  await other.getByRole("button", { name: "Reset to defaults" }).click();
  await expect(notice).toHaveCount(0);
});

test("the configurator works with the keyboard alone and passes axe", async ({ page }) => {
  await page.goto("/products/tempo-bicycle");
  const red = page.getByRole("radio", { name: "Signal red" });
  await red.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Racing green" })).toBeChecked();
  await expect(page.getByTestId("product-preview").locator('[data-layer="frame"]')).toHaveAttribute("fill", "#1b5e3b");
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus-visible")).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);
});

test("an unknown product is a 404 page", async ({ page }) => {
  const response = await page.goto("/products/no-such-thing");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Product not found" })).toBeVisible();
});

test("on a phone the total follows at the bottom until the summary is reached, and axe passes", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/products/vela-roadster");
  const bar = page.getByTestId("mobile-total-bar");
  await expect(bar).toBeInViewport();
  await expect(bar).toContainText(/€[\d,]+\.\d{2}/);
  await expectNoSeriousAxeViolations(page);
  await bar.getByRole("link", { name: "Review and order" }).click();
  await expect(page.getByRole("heading", { name: "Your Vela GT roadster" })).toBeInViewport();
  await expect(bar).not.toBeInViewport();
});

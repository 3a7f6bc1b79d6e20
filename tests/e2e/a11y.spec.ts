import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { openEditor } from "./support/editor";
import { storageStateFor, type AccountRole } from "./accounts";

// Every page of the shop, the workshop and the admin area, each visited as the role that uses it, has no
// serious or critical axe violation: the whole page, the site header included.

/** Serious and critical violations, each prefixed with the page's path. */
async function seriousViolations(page: Page): Promise<string[]> {
  const path = page.url().replace(/^https?:\/\/[^/]+/, "");
  return (await axeViolations(page)).map((line) => `${path} ${line}`);
}

async function as(browser: Browser, role: AccountRole | null) {
  const context = await browser.newContext(role ? { storageState: storageStateFor(role) } : {});
  return { context, page: await context.newPage() };
}

/** Visits each path (waiting for its main heading) and collects every serious or critical violation. */
async function audit(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    found.push(...(await seriousViolations(page)));
  }
  return found;
}

const PRODUCTS = ["linden-sofa", "tempo-bicycle", "vela-roadster", "lumen-roller-blind"];

test.describe("no serious or critical axe violation on any page", () => {
  test.setTimeout(240_000);

  test("shop pages, signed out", async ({ browser }) => {
    const { context, page } = await as(browser, null);
    const found = await audit(page, ["/", ...PRODUCTS.map((slug) => `/products/${slug}`), "/login", "/signup", "/forgot-password"]);
    expect(found).toEqual([]);
    await context.close();
  });

  test("the configurator after choosing options (Vela), as a customer", async ({ browser }) => {
    const { context, page } = await as(browser, "customer");
    await page.goto("/products/vela-roadster");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Interact so that the engine has loaded and every live region and option state is rendered.
    const radios = page.getByRole("main").getByRole("radio");
    const count = await radios.count();
    for (let i = 0; i < Math.min(count, 6); i++) if (await radios.nth(i).isEnabled()) await radios.nth(i).check({ force: true }).catch(() => {});
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test("customer pages: checkout, my orders, an order", async ({ browser }) => {
    const { context, page } = await as(browser, "customer");
    await page.goto("/orders");
    const first = await page.getByRole("main").getByRole("link", { name: /^AT-\d{4}-\d{6}$/ }).first().textContent();
    const found = await audit(page, ["/orders", `/orders/${first?.trim()}`, "/products/linden-sofa/order"]);
    expect(found).toEqual([]);
    await context.close();
  });

  test("staff pages: board, build sheet, floor, capacity, materials, outbox", async ({ browser }) => {
    const { context, page } = await as(browser, "staff");
    await page.goto("/staff");
    const number = (await page.getByRole("main").getByTestId("order-card").first().getByRole("link").first().textContent())?.trim();
    await page.goto("/staff/floor");
    const centre = await page.getByRole("main").getByTestId("floor-centre").first().getAttribute("href");
    const found = await audit(page, ["/staff", `/staff/orders/${number}`, "/staff/floor", ...(centre?.startsWith("/staff/floor/") ? [centre] : []), "/staff/capacity", "/staff/materials", "/staff/outbox"]);
    expect(found).toEqual([]);
    await context.close();
  });

  test("admin pages", async ({ browser }) => {
    const { context, page } = await as(browser, "admin");
    await page.goto("/admin/products");
    const editor = await page.getByRole("main").getByRole("link", { name: "Linden sofa" }).first().getAttribute("href");
    expect(editor).toMatch(/^\/admin\/products\/[^/]+$/);
    const found = await audit(page, ["/admin", "/admin/products", "/admin/products/new", "/admin/users", "/admin/settings", "/admin/audit", editor!]);
    // The product page again with its definition editor open (it replaces the read-only overview).
    await openEditor(page);
    found.push(...(await seriousViolations(page)));
    expect(found).toEqual([]);
    await context.close();
  });
});

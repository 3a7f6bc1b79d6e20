import { expect, test, type Browser } from "@playwright/test";
import { accounts, storageStateFor, type AccountRole } from "./accounts";
import { checkoutFor, placedNumber } from "./support/checkout-action";
import { loopback, signInOverHttp } from "./support/http-client";

// Issue 22, items 7 and 8: the board shows that it scrolls and marks shipped overdue orders late; staff and
// admins land on their work after signing in; the customer's order pages say what holds for the order.

async function as(browser: Browser, role: AccountRole | null, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ ...(role ? { storageState: storageStateFor(role) } : {}), viewport });
  return { context, page: await context.newPage() };
}

test.describe("sign-in lands on the user's work", () => {
  for (const [role, path, heading] of [["staff", "/staff", "Production board"], ["admin", "/admin", /dashboard|admin/i], ["customer", "/", null]] as const) {
    test(`${role} without a callbackUrl lands on ${path}`, async ({ browser }) => {
      const { context, page } = await as(browser, null);
      await page.goto("/login");
      await page.getByLabel("Email").fill(accounts[role].email);
      await page.getByLabel("Password").fill(accounts[role].password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("signed-in-as")).toContainText(accounts[role].name);
      await expect(page).toHaveURL((url) => url.pathname === path);
      if (heading) await expect(page.getByRole("heading", { level: 1 }).first()).toHaveText(heading);
      await context.close();
    });
  }

  test("a safe callbackUrl still wins for staff", async ({ browser }) => {
    const { context, page } = await as(browser, null);
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/staff/capacity")}`);
    await page.getByLabel("Email").fill(accounts.staff.email);
    await page.getByLabel("Password").fill(accounts.staff.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/staff\/capacity$/);
    await context.close();
  });
});

test.describe("staff board", () => {
  test("at 1280 px it says that more columns are to the right, shows a shadow there, and scrolls to them", async ({ browser }) => {
    const { context, page } = await as(browser, "staff");
    await page.goto("/staff");
    const hint = page.getByTestId("board-scroll-hint");
    await expect(hint).toContainText(/Showing \d of 9 columns/);
    await expect(hint).toContainText("Scroll sideways for more columns");
    await expect(page.getByTestId("board-shadow-end")).toBeVisible();
    await expect(page.getByTestId("board-shadow-start")).toHaveCount(0);
    const cancelled = page.getByRole("main").getByTestId("column-CANCELLED");
    await expect(cancelled).not.toBeInViewport({ ratio: 0.5 });
    for (let i = 0; i < 9 && !(await cancelled.isVisible() && (await cancelled.evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth))); i++) {
      const later = page.getByRole("button", { name: "Later stages" });
      if (await later.isDisabled()) break;
      await later.click();
      await page.waitForTimeout(400);
    }
    await expect(cancelled).toBeInViewport({ ratio: 0.5 });
    await expect(page.getByTestId("board-shadow-end")).toHaveCount(0);
    await expect(page.getByTestId("board-shadow-start")).toBeVisible();
    await page.screenshot({ path: "/tmp/board-staff-1280.png" });
    await context.close();
  });

  test("a shipped order past its promised date carries the Late badge; the count says '1 matching order'", async ({ browser }) => {
    const { context, page } = await as(browser, "staff");
    await page.goto("/staff");
    const shipped = page.getByRole("main").getByTestId("column-SHIPPED").getByTestId("order-card");
    const late = shipped.filter({ has: page.getByText("Late", { exact: true }) });
    await expect(late.first()).toBeVisible();
    await expect(late.first()).toHaveAttribute("data-risk", "late");
    const number = (await late.first().getByRole("link").first().textContent())!.trim();
    await page.goto(`/staff?q=${encodeURIComponent(number)}`);
    await expect(page.getByRole("main").getByText(/^1 matching order ·/)).toBeVisible();
    await context.close();
  });

  test("at 375 px the board still offers the stage summary and scrolls", async ({ browser }) => {
    const { context, page } = await as(browser, "staff", { width: 375, height: 800 });
    await page.goto("/staff");
    await expect(page.getByRole("navigation", { name: "Stages" })).toBeVisible();
    await expect(page.getByTestId("board-scroll-hint")).toContainText(/Showing 1 of 9 columns/);
    await page.screenshot({ path: "/tmp/board-staff-375.png" });
    await context.close();
  });
});

test.describe("the customer's order pages", () => {
  test("a cancelled order says it is cancelled: no promise, no live line", async ({ browser }) => {
    const { context, page } = await as(browser, "customer");
    await page.goto("/orders");
    const row = page.getByRole("row").filter({ hasText: "Cancelled" }).first();
    await expect(row).toBeVisible();
    await row.getByRole("link").first().click();
    await expect(page.getByRole("main").getByTestId("order-status")).toHaveText("Cancelled");
    await expect(page.getByRole("main").getByTestId("cancelled-delivery")).toContainText("nothing will be made or delivered");
    await expect(page.getByRole("main").getByText(/Promised for/)).toHaveCount(0);
    await expect(page.getByRole("main").getByText(/^Live:|Connecting to live updates/)).toHaveCount(0);
    await expect(page.getByRole("main").getByText(/version \d/)).toHaveCount(0);
    await context.close();
  });

  test("an order in production says why it cannot be cancelled and whom to write to", async ({ browser }) => {
    const { context, page } = await as(browser, "customer");
    await page.goto("/orders");
    await page.getByRole("row").filter({ hasText: "In production" }).first().getByRole("link").first().click();
    const closed = page.getByRole("main").getByTestId("cancel-closed");
    await expect(closed).toContainText("Production has started");
    await expect(closed.getByRole("link", { name: /@/ })).toHaveAttribute("href", /^mailto:/);
    await context.close();
  });

  test("notes keep their line breaks and the country shows by name; my orders at 375 px shows Promised and the whole Total", async ({ browser }) => {
    const base = test.info().project.use.baseURL!;
    const clara = await signInOverHttp(base, accounts.customer.email, accounts.customer.password, { from: loopback(93) });
    const reply = await (await checkoutFor(base, clara.jar, loopback(93), "tempo-bicycle", 1)).submit({ notes: "Ring twice\nLeave at the back door", "address.country": "AT" });
    const number = placedNumber(reply.body);
    expect(number).toMatch(/^AT-\d{4}-\d{6}$/);
    const { context, page } = await as(browser, "customer");
    await page.goto(`/orders/${number}`);
    const notes = page.getByRole("main").getByTestId("order-notes");
    await expect(notes).toHaveCSS("white-space", "pre-line");
    const lines = await notes.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    expect(lines).toBeGreaterThanOrEqual(2);
    await expect(page.getByRole("main").locator("address")).toContainText("Austria");
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: "/tmp/board-order-375.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: "/tmp/board-order-1280.png", fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/orders");
    const item = page.getByTestId("order-list-narrow").getByRole("listitem").filter({ hasText: number! });
    await expect(item.getByText("Promised")).toBeVisible();
    const total = item.getByText(/€[\d,]+\.\d\d/);
    await expect(total).toBeVisible();
    const box = (await total.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: "/tmp/board-myorders-375.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: "/tmp/board-myorders-1280.png", fullPage: true });
    await context.close();
  });

  test("catalog at both widths (screenshots) says its delivery window", async ({ browser }) => {
    for (const width of [375, 1280]) {
      const { context, page } = await as(browser, null, { width, height: 900 });
      await page.goto("/");
      await expect(page.getByTestId("delivery-window").first()).toHaveText(/^(up to \d+ weeks?|\d+–\d+ weeks)$/);
      await page.screenshot({ path: `/tmp/board-catalog-${width}.png`, fullPage: true });
      await context.close();
    }
  });
});

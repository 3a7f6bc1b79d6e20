import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./accounts";

async function mainNav(page: Page) {
  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return page.getByRole("navigation", { name: "Main" });
}

test.describe("customer", () => {
  test.use({ storageState: storageStateFor("customer") });

  test("sees the catalog and their orders, not production or admin", async ({ page }) => {
    const nav = await mainNav(page);
    await expect(nav.getByRole("link", { name: "My orders" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Production" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
    await page.goto("/orders");
    await expect(page.getByRole("heading", { name: "My orders" })).toBeVisible();
    await expect(page.getByRole("cell", { name: /^AT-\d{4}-\d{6}$/ }).first()).toBeVisible();
  });

  test("cannot open /staff or /admin", async ({ page }) => {
    for (const path of ["/staff", "/admin"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Production" })).toHaveCount(0);
    }
  });
});

test.describe("staff", () => {
  test.use({ storageState: storageStateFor("staff") });

  test("sees production but not admin", async ({ page }) => {
    const nav = await mainNav(page);
    await expect(nav.getByRole("link", { name: "Production" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
    await nav.getByRole("link", { name: "Production" }).click();
    await expect(page.getByRole("heading", { name: "Production board", level: 1 })).toBeVisible();
    // Searched for: other files' orders can page the seeded customer's off the column's first page.
    await page.getByLabel("Search order number or customer").fill("Clara");
    await page.getByLabel("Search order number or customer").press("Enter");
    await expect(page.getByRole("main").getByTestId("column-PLACED")).toContainText("Clara Customer");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("sees every area", async ({ page }) => {
    const nav = await mainNav(page);
    for (const name of ["Catalog", "My orders", "Production", "Admin"]) {
      await expect(nav.getByRole("link", { name })).toBeVisible();
    }
    await nav.getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { name: "Admin" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Key figures" })).toContainText("Products");
  });
});

test.describe("visitor", () => {
  test("is sent to sign in from my orders and comes back after", async ({ page }) => {
    await page.goto("/orders");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Forders/);
    await page.getByLabel("Email").fill("dev@example.com");
    await page.getByLabel("Password").fill("customer-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.getByRole("heading", { name: "My orders" })).toBeVisible();
  });
});

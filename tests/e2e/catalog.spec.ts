import { expect, test } from "@playwright/test";

test("the home page lists the seeded products with their from-prices", async ({ page }) => {
  await page.goto("/");
  const products = page.getByRole("list", { name: "Products" }).getByRole("listitem");
  // The three seeded products (an admin test may have published more by now).
  for (const name of ["Linden sofa", "Tempo bicycle", "Vela GT roadster"]) {
    await expect(products.filter({ has: page.getByRole("heading", { name, exact: true }) })).toHaveCount(1);
  }
  for (const name of ["Linden sofa", "Tempo bicycle", "Vela GT roadster"]) {
    const card = products.filter({ has: page.getByRole("heading", { name }) });
    await expect(card.getByTestId("from-price")).toHaveText(/^€[\d,]+\.\d{2}$/);
  }
});

test("the health route reports a reachable database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "reachable" });
});

test("an unknown page shows a friendly not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

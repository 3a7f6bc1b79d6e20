import { expect, test } from "@playwright/test";
import { storageStateFor } from "./accounts";

test.use({ storageState: storageStateFor("customer") });

test("pages send the security headers and run without a single CSP violation or console error", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(error.message));

  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toContain("max-age=");

  for (const path of ["/", "/products/linden-sofa", "/products/vela-roadster/order", "/orders"]) {
    await page.goto(path);
    await page.waitForLoadState("load");
    await expect(page.getByRole("main")).toBeVisible();
  }
  expect(problems).toEqual([]);
});

test("the session cookie is http-only and not readable by scripts", async ({ page, context }) => {
  await page.goto("/");
  const session = (await context.cookies()).find((c) => c.name.includes("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

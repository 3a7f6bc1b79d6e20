import { expect, test } from "@playwright/test";
import { accounts } from "./accounts";

test.describe("signing up and in", () => {
  test("a visitor creates an account and is signed in as a customer", async ({ page }) => {
    const email = `new-${Date.now()}@example.com`;
    await page.goto("/signup");
    await page.getByLabel("Name").fill("Nora New");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("a-good-password-42");
    await page.getByLabel("Confirm password").fill("a-good-password-42");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText("Nora New");
    await expect(page.getByTestId("signed-in-as")).toContainText("customer");
    await expect(page.getByRole("link", { name: "My orders" })).toBeVisible();

    // Signing out and in again with the new password works.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-good-password-42");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText("Nora New");
  });

  test("sign-up explains a taken email, a weak password and a mismatch at the field", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Name").fill("Clara Again");
    await page.getByLabel("Email").fill(accounts.customer.email);
    await page.getByLabel("Password", { exact: true }).fill("short1");
    await page.getByLabel("Confirm password").fill("different");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 10 characters")).toBeVisible();
    await expect(page.getByText("The passwords do not match")).toBeVisible();
    // What was typed (except passwords) is kept.
    await expect(page.getByLabel("Email")).toHaveValue(accounts.customer.email);

    await page.getByLabel("Password", { exact: true }).fill("another-good-one-7");
    await page.getByLabel("Confirm password").fill("another-good-one-7");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("sign-in says whether the email is unknown or the password wrong", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("whatever-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "No account uses this email address" })).toBeVisible();

    await page.getByLabel("Email").fill(accounts.customer.email);
    await page.getByLabel("Password").fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong password" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });
});

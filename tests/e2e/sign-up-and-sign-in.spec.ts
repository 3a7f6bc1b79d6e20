import { expect, test } from "@playwright/test";
import { accounts } from "./accounts";
import { loopback, signInOverHttp } from "./support/http-client";
import { asClient, confirmationLink, readOutboxEmail } from "./support/sign-up-flow";

const CHECK_INBOX = "Check your inbox: we sent a link to confirm your email address.";

test.describe("signing up and in", () => {
  test("a visitor signs up, opens the emailed link, signs in and returns where they started", async ({ page, baseURL }) => {
    const email = `new-${Date.now()}@example.com`;
    await page.goto(`/signup?callbackUrl=${encodeURIComponent("/orders")}`);
    await page.getByLabel("Name").fill("Nora New");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("a-good-password-42");
    await page.getByLabel("Confirm password").fill("a-good-password-42");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(CHECK_INBOX)).toBeVisible();
    // Not signed in, and no account yet: signing in is refused until the link is opened.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
    const early = await signInOverHttp(baseURL!, email, "a-good-password-42", { from: loopback(16), headers: asClient(loopback(16)) });
    expect(early.error).toBe("Wrong email or password.");

    const link = await confirmationLink(baseURL!, email);
    expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
    await page.goto(link);
    await expect(page.getByText("Your email address is confirmed")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await page.getByLabel("Password").fill("a-good-password-42");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.getByTestId("signed-in-as")).toContainText("Nora New");
    await expect(page.getByTestId("signed-in-as")).toContainText("customer");
    await expect(page.getByRole("link", { name: "My orders" })).toBeVisible();

    // The link works once.
    await page.goto(link);
    await expect(page.getByText("This link was already used")).toBeVisible();

    // Signing out and in again with the new password works.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-good-password-42");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText("Nora New");
  });

  test("sign-up explains a weak password and a mismatch at the field, and never says an email is taken", async ({ page, baseURL }) => {
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

    await page.getByLabel("Password", { exact: true }).fill("password12");
    await page.getByLabel("Confirm password").fill("password12");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("This password is too easy to guess")).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");

    // A taken email gets the same answer as a new one; its owner gets an email saying someone tried.
    await page.getByLabel("Password", { exact: true }).fill("another-good-one-7");
    await page.getByLabel("Confirm password").fill("another-good-one-7");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(CHECK_INBOX)).toBeVisible();
    await expect(page.getByText(/already exists/)).toHaveCount(0);
    const notice = await readOutboxEmail(baseURL!, accounts.customer.email, /Someone tried to create an account/);
    expect(notice).toContain("Hello Clara Customer,");
  });

  test("sign-in gives one answer for an unknown email and a wrong password", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("whatever-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();

    await page.getByLabel("Email").fill(accounts.customer.email);
    await page.getByLabel("Password").fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  });
});

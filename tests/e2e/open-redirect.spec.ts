import { expect, test } from "@playwright/test";
import { accounts } from "./accounts";
import { CookieJar, httpRequest, loopback } from "./support/http-client";
import { asClient } from "./support/sign-up-flow";

// Finding 3 of issue 19: a callbackUrl that a browser reads as another site (tab, CR and LF are stripped,
// "\" is "/") must never be where signing in or up leads. Played over HTTP (what the server hands the
// browser) and in the browser itself (where a real sign-in lands).

const HOSTILE = [
  "/\t/evil.example/phish",
  "/\r/evil.example/phish",
  "/\n/evil.example/phish",
  "/\r\n/evil.example/phish",
  "\\\\evil.example/phish",
  "/\\evil.example/phish",
  "//evil.example/phish",
  "/.//evil.example/phish",
  "https://evil.example/phish",
];

/** The callbackUrl the page passes on in its "Create an account" / "Sign in" link. */
function passedOn(html: string, path: "/signup" | "/login"): string | null {
  const href = new RegExp(`href="${path}\\?callbackUrl=([^"]*)"`).exec(html)?.[1];
  return href === undefined ? null : decodeURIComponent(href.replace(/&amp;/g, "&"));
}

test("the sign-in and sign-up pages pass on only a path of this site", async ({ baseURL }) => {
  const from = loopback(20);
  for (const value of [...HOSTILE, "/%2F%2Fevil.example"]) {
    const query = `callbackUrl=${encodeURIComponent(value)}`;
    const login = await httpRequest(`${baseURL}/login?${query}`, { from, headers: asClient(from) });
    const signup = await httpRequest(`${baseURL}/signup?${query}`, { from, headers: asClient(from) });
    expect(login.status, value).toBe(200);
    expect(signup.status, value).toBe(200);
    for (const target of [passedOn(login.body, "/signup"), passedOn(signup.body, "/login")]) {
      expect(target, JSON.stringify(value)).not.toBeNull();
      expect(new URL(target!, baseURL).origin, JSON.stringify(value)).toBe(new URL(baseURL!).origin);
      expect(target!.startsWith("//"), JSON.stringify(value)).toBe(false);
    }
  }
  // A path of this site is kept.
  const kept = await httpRequest(`${baseURL}/login?callbackUrl=${encodeURIComponent("/orders?tab=open")}`, { from, headers: asClient(from) });
  expect(passedOn(kept.body, "/signup")).toBe("/orders?tab=open");
});

test("next-auth's own redirect after a sign-in stays on this origin", async ({ baseURL }) => {
  const from = loopback(21);
  for (const callbackUrl of ["https://evil.example/phish", "//evil.example/phish", "/\t/evil.example/phish", `${baseURL}/\t/evil.example/phish`]) {
    const jar = new CookieJar();
    const csrf = await httpRequest(`${baseURL}/api/auth/csrf`, { jar, from, headers: asClient(from) });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const body = new URLSearchParams({ email: "dev@example.com", password: accounts.customer.password, csrfToken, callbackUrl, json: "true" }).toString();
    const answer = await httpRequest(`${baseURL}/api/auth/callback/credentials`, {
      method: "POST", jar, from, body, headers: { "content-type": "application/x-www-form-urlencoded", ...asClient(from) },
    });
    const { url } = JSON.parse(answer.body) as { url: string };
    expect(jar.get("next-auth.session-token"), callbackUrl).toBeDefined();
    expect(new URL(url).origin, callbackUrl).toBe(new URL(baseURL!).origin);
    expect(new URL(url).pathname.startsWith("//"), callbackUrl).toBe(false);
  }
});

test.describe("a real sign-in in the browser lands on this site", () => {
  for (const value of HOSTILE) {
    test(`callbackUrl ${JSON.stringify(value)}`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(value)}`);
      await page.getByLabel("Email").fill("dev@example.com");
      await page.getByLabel("Password").fill(accounts.customer.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await expect(page.getByTestId("signed-in-as")).toContainText("Dev Customer");
    });
  }

  test("and a path of this site is where it returns to", async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/orders")}`);
    await page.getByLabel("Email").fill("dev@example.com");
    await page.getByLabel("Password").fill(accounts.customer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/orders$/);
  });
});

import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { storageStateFor } from "./accounts";
import { CookieJar, httpRequest, loopback, signInOverHttp } from "./support/http-client";
import { callAction, prepareAction, sendAction, sessionUserId, signUpOverHttp } from "./support/server-action";
import { createAccount, readOutboxEmail } from "./support/sign-up-flow";

// Forgotten passwords and invitations: a single-use link by email (read here from the outbox, as staff see it),
// a new password, sign-in. The links are absolute on the configured origin and work once.

const SAME_ANSWER = "If an account exists for this address, we sent it a link to reset the password.";
const TOKENS = "lib/users/token-actions.ts";

/** Full-page screenshots at phone and desktop widths, for review. */
async function screenshots(page: Page, name: string) {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
}

/** The link to `path` in the newest outbox email to `email` with `subject` (read as an admin: staff see it hidden). */
async function emailedLink(baseURL: string, email: string, subject: RegExp, path: "/reset-password" | "/invite"): Promise<string> {
  const text = await readOutboxEmail(baseURL, email, subject, "admin");
  const link = new RegExp(`https?://[^\\s<"]+${path}\\?token=[A-Za-z0-9_-]{43}`).exec(text)?.[0];
  if (!link) throw new Error(`no ${path} link in the email to ${email}`);
  return link;
}

test("a customer who forgot their password resets it by email, every old session ends, and the link works once", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const account = { name: "Fern Forgetful", email: `fern-${Date.now()}@example.com`, password: "first-password-tulip-31" };
  await createAccount(page, baseURL!, account);
  const from = loopback(172);
  const old = await signInOverHttp(baseURL!, account.email, account.password, { from });
  expect(old.ok, old.error ?? "").toBe(true);
  expect(await sessionUserId(baseURL!, old.jar, from)).not.toBeNull();

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectNoSeriousAxeViolations(page, { exclude: "header" });
  await screenshots(page, "forgot-password");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Send the reset link" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com")).toBeVisible();
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send the reset link" }).click();
  await expect(page.getByRole("status")).toContainText(SAME_ANSWER);

  const link = await emailedLink(baseURL!, account.email, /Reset your password/, "/reset-password");
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
  // Staff read the outbox too, but not the token: whoever holds the link can set the password.
  const asStaff = await readOutboxEmail(baseURL!, account.email, /Reset your password/);
  expect(asStaff).toContain("/reset-password?token=[hidden: only admins see password links]");
  expect(asStaff).not.toContain(new URL(link).searchParams.get("token"));
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(page.getByText(account.email)).toBeVisible();
  await expectNoSeriousAxeViolations(page, { exclude: "header" });
  await screenshots(page, "reset-password");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel("New password", { exact: true }).fill("password12");
  await page.getByLabel("Confirm new password").fill("password12");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("This password is too easy to guess")).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");

  const next = "second-password-heron-58";
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is set");
  await page.getByRole("link", { name: "Sign in" }).last().click();
  await expect(page.getByText("Your new password is saved. Sign in with it.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await page.getByLabel("Password").fill(next);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The sign-in answer refreshes the login page (the header shows the name) before the form moves on: wait for that move.
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await expect(page.getByTestId("signed-in-as")).toContainText(account.name);

  // The session from before the reset has ended; the old password no longer signs in.
  expect(await sessionUserId(baseURL!, old.jar, from)).toBeNull();
  expect((await signInOverHttp(baseURL!, account.email, account.password, { from })).error).toBe("Wrong email or password.");

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This reset link was already used");
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
});

test("the reset request answers in the same words for an unknown and a known address", async ({ page, baseURL }) => {
  await page.goto("/forgot-password");
  const nobody = `nobody-${Date.now()}@example.com`;
  await page.getByLabel("Email").fill(nobody);
  await page.getByRole("button", { name: "Send the reset link" }).click();
  await expect(page.getByRole("status")).toContainText(SAME_ANSWER);
  // Over HTTP, the action's answer carries the same words for a known and an unknown address.
  const from = loopback(173);
  const unknown = await callAction(baseURL!, new CookieJar(), TOKENS, "requestPasswordResetAction", "/forgot-password", { email: `ghost-${Date.now()}@example.com` }, from);
  const known = await callAction(baseURL!, new CookieJar(), TOKENS, "requestPasswordResetAction", "/forgot-password", { email: "dev@example.com" }, from);
  expect(unknown.status).toBe(200);
  expect(known.status).toBe(200);
  expect(unknown.body).toContain(SAME_ANSWER);
  expect(known.body).toContain(SAME_ANSWER);
});

test("an admin invites a user, who sets a password through the emailed link and signs in", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/users");
  const invitee = { name: "Ivo Invited", email: `ivo-${Date.now()}@example.com` };
  const form = page.getByRole("region", { name: "Invite a user" });
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Enter their name")).toBeVisible();
  await form.getByLabel("Name").fill(invitee.name);
  await form.getByLabel("Email").fill("staff@atelier.test");
  await form.getByLabel("Role").selectOption("STAFF");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("An account with this email address already exists.").first()).toBeVisible();
  await form.getByLabel("Email").fill(invitee.email);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByRole("status")).toContainText(`Invitation sent to ${invitee.email}`);
  await page.getByLabel("Name or email").fill(invitee.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("Invited, no password yet")).toBeVisible();
  await expectNoSeriousAxeViolations(page, { exclude: "header" });
  await screenshots(page, "admin-users-invite");

  // Re-sending spends the first link.
  const first = await emailedLink(baseURL!, invitee.email, /You are invited/, "/invite");
  await page.getByRole("button", { name: `Resend invitation to ${invitee.email}` }).click();
  await expect(page.getByText("the previous link no longer works")).toBeVisible();
  let second = first;
  await expect.poll(async () => (second = await emailedLink(baseURL!, invitee.email, /You are invited/, "/invite"))).not.toBe(first);
  await admin.close();

  const visitor = await browser.newContext();
  const invited = await visitor.newPage();
  await invited.goto(first);
  await expect(invited.getByRole("main").getByRole("alert")).toContainText("This invitation was already used (or a newer one was sent)");
  await invited.goto(second);
  await expect(invited.getByRole("heading", { name: "Welcome: choose your password" })).toBeVisible();
  await expectNoSeriousAxeViolations(invited, { exclude: "header" });
  await screenshots(invited, "invite");
  await invited.setViewportSize({ width: 1280, height: 800 });
  const password = "invited-password-maple-64";
  await invited.getByLabel("New password", { exact: true }).fill(password);
  await invited.getByLabel("Confirm new password").fill(password);
  await invited.getByRole("button", { name: "Set password" }).click();
  await expect(invited.getByRole("status")).toContainText("Your password is set");
  await invited.getByRole("link", { name: "Sign in" }).last().click();
  await expect(invited.getByLabel("Email")).toHaveValue(invitee.email);
  await invited.getByLabel("Password").fill(password);
  await invited.getByRole("button", { name: "Sign in" }).click();
  await invited.waitForURL((url) => !url.pathname.startsWith("/login"));
  await expect(invited.getByTestId("signed-in-as")).toContainText(invitee.name);
  await expect(invited.getByTestId("signed-in-as")).toContainText("staff");
  await visitor.close();
});

test("one reset link used six times at once over HTTP: exactly one sets the password", async ({ baseURL }) => {
  const email = `burst-${Date.now()}@example.com`;
  const from = loopback(174);
  expect((await signUpOverHttp(baseURL!, email, "burst-first-password-27", "Bo Burst", from)).status).toBeLessThan(400);
  const asked = await callAction(baseURL!, new CookieJar(), TOKENS, "requestPasswordResetAction", "/forgot-password", { email }, from);
  expect(asked.body).toContain(SAME_ANSWER);
  const token = new URL(await emailedLink(baseURL!, email, /Reset your password/, "/reset-password")).searchParams.get("token") ?? "";
  const passwords = Array.from({ length: 6 }, (_, i) => `burst-lantern-orchard-${i}9`);
  const calls = await Promise.all(
    passwords.map((password) => prepareAction(baseURL!, TOKENS, "setPasswordAction", "/reset-password", { token, purpose: "RESET", password, confirmPassword: password })),
  );
  const answers = await Promise.all(calls.map((call) => sendAction(baseURL!, call, new CookieJar(), loopback(175))));
  expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
  const won = answers.map((a) => a.body.includes("Your password is set"));
  expect(won.filter(Boolean)).toHaveLength(1);
  expect(answers.filter((a) => a.body.includes("This reset link was already used"))).toHaveLength(5);
  const winner = passwords[won.indexOf(true)] ?? "";
  expect((await signInOverHttp(baseURL!, email, winner, { from })).ok).toBe(true);
  for (const loser of passwords.filter((p) => p !== winner)) expect((await signInOverHttp(baseURL!, email, loser, { from: loopback(176) })).ok).toBe(false);
});

test("hostile token values in the links' addresses get a 4xx or the page's message, never a 500", async ({ baseURL }) => {
  const from = loopback(177);
  const cases = ["%00", "a%00b", "%E0%A4%A", "%ZZ", "x".repeat(5_000), "A".repeat(43), "%2e%2e%2f%2e%2e%2fetc", "<script>alert(1)</script>"];
  for (const path of ["/reset-password", "/invite"]) {
    for (const token of cases) {
      const answer = await httpRequest(`${baseURL}${path}?token=${token}`, { from });
      expect(answer.status, `${path}?token=${token.slice(0, 20)}`).toBeGreaterThanOrEqual(200);
      expect(answer.status, `${path}?token=${token.slice(0, 20)}`).toBeLessThan(500);
      expect(answer.body).not.toMatch(/data-dgst|Internal Server Error/);
      if (answer.status === 200) expect(answer.body).toMatch(/is not valid/);
    }
    // Past the server's header limit: refused before the app.
    const huge = await httpRequest(`${baseURL}${path}?token=${"y".repeat(40_000)}`, { from });
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
  }
});

import { expect, type Page } from "@playwright/test";
import { accounts } from "../accounts";
import { httpRequest, loopback, signInOverHttp } from "./http-client";

// Fresh accounts the way a visitor gets one: the sign-up form, then the link emailed to them, which a test
// reads in the outbox as staff (over HTTP, signed in from an address of the auth tests' own).

/** Headers that make the server see `address` as the client until clientIp reads the socket address. */
export const asClient = (address: string) => ({ "x-forwarded-for": address });

/**
 * The newest outbox email to `to` (its text as staff see it at /staff/outbox, or as an admin does: only admins
 * see the tokens of password links), polled until it is there.
 */
export async function readOutboxEmail(baseURL: string, to: string, subject: RegExp, reader: "staff" | "admin" = "staff"): Promise<string> {
  const from = loopback(reader === "staff" ? 59 : 58);
  const staff = await signInOverHttp(baseURL, accounts[reader].email, accounts[reader].password, { from, headers: asClient(from) });
  expect(staff.error).toBeNull();
  let found = "";
  await expect
    .poll(async () => {
      const page = await httpRequest(`${baseURL}/staff/outbox`, { jar: staff.jar, from, headers: asClient(from) });
      const item = page.body.split("<li").find((li) => li.includes(to) && subject.test(li.replace(/<!-- -->/g, "")));
      found = item ?? "";
      return Boolean(item);
    })
    .toBe(true);
  return found.replace(/<!-- -->/g, "").replace(/&amp;/g, "&");
}

/** The confirmation link emailed to `email`. */
export async function confirmationLink(baseURL: string, email: string): Promise<string> {
  const text = await readOutboxEmail(baseURL, email, /Confirm your email address/);
  const link = /https?:\/\/[^\s<"]+\/signup\/confirm\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no confirmation link in the email to ${email}`);
  return link;
}

/** Signs up in the browser and opens the emailed link: the account exists afterwards (not signed in). */
export async function createAccount(page: Page, baseURL: string, account: { name: string; email: string; password: string }): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Confirm password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your inbox: we sent a link to confirm your email address.")).toBeVisible();
  await page.goto(await confirmationLink(baseURL, account.email));
  await expect(page.getByText("Your email address is confirmed")).toBeVisible();
}

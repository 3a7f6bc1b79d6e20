import { randomUUID } from "node:crypto";
import { expect, type BrowserContext } from "@playwright/test";
import { loopback, signInOverHttp, type CookieJar } from "./http-client";
import { signUpOverHttp } from "./server-action";

const PASSWORD = "a-good-password-42";

/**
 * A customer of the test's own, signed up (emailed link opened) and signed in over HTTP from 127.0.0.n. Tests that
 * place orders use one: the seeded customer's open workshop hours are capped (160 h), and every file's orders
 * would otherwise add up on her account.
 */
export async function newCustomerOverHttp(baseURL: string, n: number, label: string): Promise<{ email: string; name: string; jar: CookieJar; from: string }> {
  const id = randomUUID().slice(0, 8);
  const email = `${label.toLowerCase()}-${id}@example.com`;
  const name = `${label} Buyer ${id}`;
  const confirmed = await signUpOverHttp(baseURL, email, PASSWORD, name, loopback(n));
  expect(confirmed.headers.location ?? "").toContain("confirmed=created");
  const signedIn = await signInOverHttp(baseURL, email, PASSWORD, { from: loopback(n) });
  expect(signedIn.ok, `sign-in of ${email}: ${signedIn.error}`).toBe(true);
  return { email, name, jar: signedIn.jar, from: loopback(n) };
}

/** Gives a browser context the session of a customer signed in over HTTP. */
export async function useSession(context: BrowserContext, baseURL: string, jar: CookieJar): Promise<void> {
  await context.addCookies([{ name: "next-auth.session-token", value: jar.get("next-auth.session-token")!, url: baseURL }]);
}

import { expect, test } from "@playwright/test";
import { accounts } from "./accounts";
import { CookieJar, httpRequest, loopback, signInOverHttp } from "./support/http-client";
import { asClient, createAccount } from "./support/sign-up-flow";

// Finding 1 and 5 of issue 19, played over HTTP against the running server: a burst of parallel guesses,
// an attacker locking out an account's owner or everyone behind an address. Each test connects from
// addresses of its own (loopback 10-59: the auth tests' range).

const FREE_PER_ACCOUNT_AND_ADDRESS = 5; // lib/security/sign-in-throttle.ts, SIGN_IN_THROTTLES.pair.free

type Answer = { error: string | null };

/** Posts credentials as the sign-in form does, with a CSRF token fetched before (so a burst is only the posts). */
async function credentialsPoster(baseURL: string, from: string) {
  const jar = new CookieJar();
  const csrf = await httpRequest(`${baseURL}/api/auth/csrf`, { jar, from, headers: asClient(from) });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  return async (email: string, password: string): Promise<Answer> => {
    const own = new CookieJar();
    own.set("next-auth.csrf-token", jar.get("next-auth.csrf-token") ?? "");
    const answer = await httpRequest(`${baseURL}/api/auth/callback/credentials`, {
      method: "POST",
      jar: own,
      from,
      headers: { "content-type": "application/x-www-form-urlencoded", ...asClient(from) },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseURL}/`, json: "true" }).toString(),
    });
    const url = (JSON.parse(answer.body) as { url?: string }).url ?? "";
    const error = new URL(url, baseURL).searchParams.get("error");
    const signedIn = own.get("next-auth.session-token") !== undefined;
    return { error: error ?? (signedIn ? null : `HTTP ${answer.status} without a session`) };
  };
}

const checked = (answers: Answer[]) => answers.filter((a) => a.error !== null && !a.error.startsWith("Too many"));
const refused = (answers: Answer[]) => answers.filter((a) => a.error?.startsWith("Too many attempts. Try again in"));

test("100 parallel guesses on a fresh account, the right password last: at most the allowance checked, the right one refused", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const account = { name: "Burst Target", email: `burst-${Date.now()}@example.com`, password: "burst-target-pass-2026" };
  await createAccount(page, baseURL!, account);

  const attacker = loopback(10);
  const post = await credentialsPoster(baseURL!, attacker);
  const guesses = Array.from({ length: 100 }, (_, i) => (i === 99 ? account.password : `wrong-guess-${i}-x`));
  const answers = await Promise.all(guesses.map((password) => post(account.email, password)));
  const rightOne = answers[99]!;
  console.log(`burst: ${checked(answers).length} checked, ${refused(answers).length} refused, right one: ${rightOne.error ?? "signed in"}`);

  expect(checked(answers).length).toBeLessThanOrEqual(FREE_PER_ACCOUNT_AND_ADDRESS);
  for (const answer of checked(answers)) expect(answer.error).toBe("Wrong email or password.");
  expect(refused(answers).length).toBe(100 - checked(answers).length);
  expect(rightOne.error).toMatch(/^Too many attempts\. Try again in \d+ (second|minute)s?\.$/);

  // The owner, from another address, is not held back by the attacker's failures.
  const owner = loopback(11);
  const signedIn = await signInOverHttp(baseURL!, account.email, account.password, { from: owner, headers: asClient(owner) });
  expect(signedIn.error).toBeNull();
  expect(signedIn.ok).toBe(true);
});

test("the admin cannot be locked out for everyone by an attacker's failures", async ({ baseURL }) => {
  const attacker = loopback(12);
  const post = await credentialsPoster(baseURL!, attacker);
  const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => post(accounts.admin.email, `not-the-admin-${i}`)));
  console.log(`admin attack: ${checked(answers).length} checked, ${refused(answers).length} refused`);
  expect(checked(answers).length).toBeLessThanOrEqual(FREE_PER_ACCOUNT_AND_ADDRESS);
  expect((await post(accounts.admin.email, accounts.admin.password)).error).toMatch(/^Too many attempts/);

  const admin = loopback(13);
  const signedIn = await signInOverHttp(baseURL!, accounts.admin.email, accounts.admin.password, { from: admin, headers: asClient(admin) });
  expect(signedIn.error).toBeNull();
  const page = await httpRequest(`${baseURL}/admin`, { jar: signedIn.jar, from: admin, headers: asClient(admin) });
  expect(page.status).toBe(200);
  expect(page.body).toContain("Key figures");
});

test("a password spray from one address slows the people behind it for seconds, never locks them out", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const shared = loopback(14);
  const post = await credentialsPoster(baseURL!, shared);
  // 40 accounts, one guess each (unknown addresses and real ones answer alike).
  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(`sprayed-${i}-${Date.now()}@example.com`, "Spring2026!")));
  console.log(`spray: ${checked(answers).length} checked, ${refused(answers).length} refused`);
  for (const answer of checked(answers)) expect(answer.error).toBe("Wrong email or password.");
  expect(checked(answers).length).toBeLessThan(40);

  // A customer behind the same address: told to wait a few seconds at most, then let in.
  const customer = { email: "dev@example.com", password: accounts.customer.password };
  let answer = await post(customer.email, customer.password);
  for (let tries = 0; answer.error !== null && tries < 5; tries++) {
    const wait = /^Too many attempts\. Try again in (\d+) seconds?\.$/.exec(answer.error ?? "");
    expect(wait, `answer: ${answer.error}`).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, Number(wait![1]) * 1000 + 100));
    answer = await post(customer.email, customer.password);
  }
  expect(answer.error).toBeNull();
});

test("a wrong password and an unknown email get the same answer", async ({ baseURL }) => {
  const from = loopback(15);
  const post = await credentialsPoster(baseURL!, from);
  const unknown = await post(`nobody-${Date.now()}@example.com`, "whatever-123");
  const wrong = await post(accounts.customer.email, "not-the-password-1");
  expect(unknown.error).toBe("Wrong email or password.");
  expect(wrong.error).toBe("Wrong email or password.");
});

import { expect, test } from "@playwright/test";
import { accounts } from "./accounts";
import { CookieJar, httpRequest, loopback } from "./support/http-client";
import { signedIn } from "./support/server-action";

// Staff and admin pages answer a visitor who may not see them with a real redirect, before any of the page is
// streamed (issue 19, finding 11): not a 200 whose body carries the redirect. The checkout too, for a visitor.

const port = Number(process.env.E2E_PORT ?? 3100);
const base = `http://localhost:${port}`;
const STAFF_PAGES = ["/staff", "/staff/outbox", "/staff/capacity", "/staff/orders/AT-2026-000001"];
const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/audit", "/admin/settings"];
const CUSTOMER_PAGES = ["/orders", "/orders/AT-2026-000001", "/products/linden-sofa/order"];

async function statuses(paths: string[], jar: CookieJar | undefined, from: string) {
  const answers: { path: string; status: number; location: string }[] = [];
  for (const path of paths) {
    const answer = await httpRequest(`${base}${path}`, { jar, from });
    answers.push({ path, status: answer.status, location: answer.headers.location ?? "" });
  }
  console.log(answers.map((a) => `${a.path} -> ${a.status} ${a.location}`).join("\n"));
  return answers;
}

test("an anonymous visitor gets a 307 to sign in, coming back to the page asked for", async () => {
  const answers = await statuses([...STAFF_PAGES, ...ADMIN_PAGES, ...CUSTOMER_PAGES], undefined, loopback(80));
  for (const answer of answers) {
    expect({ path: answer.path, status: answer.status }).toEqual({ path: answer.path, status: 307 });
    expect(answer.location).toBe(`/login?callbackUrl=${encodeURIComponent(answer.path)}`);
  }
});

test("a page view carrying a forged Next-Action header still gets its 307 to sign in, back to the exact page", async () => {
  // Server actions skip the proxy (its matcher misses the header); the edge drops the header from anything but a
  // POST, so a GET cannot pass as an action and miss its redirect.
  const from = loopback(84);
  for (const path of ["/staff/outbox?page=2", "/admin/users", "/products/linden-sofa/order", "/orders"]) {
    const answer = await httpRequest(`${base}${path}`, { from, headers: { "Next-Action": "0123456789abcdef0123456789abcdef01234567" } });
    expect({ path, status: answer.status, location: answer.headers.location }).toEqual({ path, status: 307, location: `/login?callbackUrl=${encodeURIComponent(path)}` });
  }
});

test("a session cookie that no longer works gets a 307 to sign in too", async () => {
  const jar = new CookieJar();
  jar.set("next-auth.session-token", "not-a-token");
  for (const answer of await statuses([...STAFF_PAGES, ...ADMIN_PAGES], jar, loopback(81))) {
    expect({ path: answer.path, status: answer.status }).toEqual({ path: answer.path, status: 307 });
    expect(answer.location).toMatch(/^\/login\?callbackUrl=%2F(staff|admin)/);
  }
});

test("a customer gets a 307 to the forbidden page from staff and admin pages", async () => {
  const from = loopback(82);
  const customer = await signedIn(base, accounts.customer.email, accounts.customer.password, from);
  for (const answer of await statuses([...STAFF_PAGES, ...ADMIN_PAGES], customer, from)) {
    expect({ path: answer.path, status: answer.status }).toEqual({ path: answer.path, status: 307 });
    expect(answer.location).toMatch(/^\/forbidden\?from=%2F(staff|admin)/);
  }
});

test("staff get a 307 to the forbidden page from admin pages, and their own pages open", async () => {
  const from = loopback(83);
  const staff = await signedIn(base, accounts.staff.email, accounts.staff.password, from);
  for (const answer of await statuses(ADMIN_PAGES, staff, from)) {
    expect({ path: answer.path, status: answer.status }).toEqual({ path: answer.path, status: 307 });
    expect(answer.location).toMatch(/^\/forbidden\?from=%2Fadmin/);
  }
  for (const answer of await statuses(["/staff", "/staff/outbox"], staff, from)) expect(answer.status).toBe(200);
});

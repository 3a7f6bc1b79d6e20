import { expect, test } from "@playwright/test";
import { accounts, storageStateFor } from "./accounts";
import { checkoutFor, placedNumber } from "./support/checkout-action";
import { openStream } from "./support/event-stream";
import { httpRequest, loopback, signInOverHttp } from "./support/http-client";
import { newCustomerOverHttp, useSession } from "./support/new-customer";
import { changeRoleOverHttp, sessionUserId, signedIn, signOutOverHttp } from "./support/server-action";

// Runs only against PostgreSQL, with two app instances on one database (see playwright.config.ts).
const port = Number(process.env.E2E_PORT ?? 3100);
const instanceA = `http://localhost:${port}`;
const instanceB = `http://localhost:${port + 1}`;

test("a customer watching an order on instance A sees a transition made on instance B, live", async ({ browser }) => {
  // A customer of this test's own places an order on instance A (over HTTP, as the checkout page submits it: the test
  // needs no other file's orders, and the seeded customer's open workshop hours are capped and shared by every file).
  const buyer = await newCustomerOverHttp(instanceA, 72, "Instances");
  const number = placedNumber((await (await checkoutFor(instanceA, buyer.jar, buyer.from, "linden-sofa", 1)).submit()).body) ?? "";
  expect(number).toMatch(/^AT-\d{4}-\d{6}$/);
  const customer = await browser.newContext();
  await useSession(customer, instanceA, buyer.jar);
  const page = await customer.newPage();
  await page.goto(`${instanceA}/orders/${number}`);
  await expect(page.getByRole("main").getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");

  const staff = await browser.newContext({ storageState: storageStateFor("staff") });
  const staffPage = await staff.newPage();
  await staffPage.goto(`${instanceB}/staff/orders/${number}`);
  await staffPage.getByRole("button", { name: "Confirm order" }).click();
  await expect(staffPage.getByRole("main").getByText("Confirmed").first()).toBeVisible();

  await expect(page.getByRole("main").getByTestId("order-status")).toHaveText("Confirmed", { timeout: 15_000 });
  await staff.close();
  await customer.close();
});

test("failed sign-ins are counted across both instances", async () => {
  // A parallel burst split over both instances: the throttle's counters live in the database, so the two
  // together check no more than one instance would (SIGN_IN_THROTTLES.pair.free).
  const from = loopback(30);
  const email = `multi-${Date.now()}@example.com`;
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      signInOverHttp(i % 2 === 0 ? instanceA : instanceB, email, "not-the-password-1", { from, headers: { "x-forwarded-for": from } }),
    ),
  );
  const checked = answers.filter((a) => a.error === "Wrong email or password.");
  const refused = answers.filter((a) => a.error?.startsWith("Too many attempts. Try again in"));
  expect(checked.length).toBeGreaterThan(0);
  expect(checked.length).toBeLessThanOrEqual(5);
  expect(refused.length).toBe(20 - checked.length);
});

test("ending a user's sessions on instance A closes their live stream on instance B, and their token is dead on B", async () => {
  const from = loopback(64);
  const dev = { email: "dev@example.com", password: accounts.customer.password };
  const admin = await signedIn(instanceA, accounts.admin.email, accounts.admin.password, from);
  const devId = await sessionUserId(instanceA, await signedIn(instanceA, dev.email, dev.password, from), from);
  expect(devId).toBeTruthy();
  expect((await changeRoleOverHttp(instanceA, admin, devId!, "STAFF", from)).body).toContain("is now staff");
  try {
    // Demotion on A closes the staff stream held on B.
    const staffSession = await signedIn(instanceB, dev.email, dev.password, from);
    const staffStream = await openStream(`${instanceB}/api/staff/events`, staffSession, from);
    expect(staffStream.status).toBe(200);
    await expect.poll(() => staffStream.received()).toContain(": connected");
    expect((await changeRoleOverHttp(instanceA, admin, devId!, "CUSTOMER", from)).body).toContain("is now customer");
    await expect.poll(() => staffStream.ended(), { timeout: 10_000 }).toBe(true);
    staffStream.close();

    // Signing out on A closes the order stream held on B and kills the token there.
    const session = await signedIn(instanceB, dev.email, dev.password, from);
    const number = /AT-\d{4}-\d{6}/.exec((await httpRequest(`${instanceB}/orders`, { jar: session, from })).body)?.[0];
    const orderStream = await openStream(`${instanceB}/api/orders/${number}/events`, session, from);
    expect(orderStream.status).toBe(200);
    await expect.poll(() => orderStream.received()).toContain(": connected");
    const old = session.get("next-auth.session-token")!;
    await signOutOverHttp(instanceA, session, from);
    await expect.poll(() => orderStream.ended(), { timeout: 10_000 }).toBe(true);
    orderStream.close();
    session.set("next-auth.session-token", old);
    expect((await httpRequest(`${instanceB}/orders`, { jar: session, from })).status).toBe(307);
  } finally {
    await changeRoleOverHttp(instanceA, admin, devId!, "CUSTOMER", from);
  }
});

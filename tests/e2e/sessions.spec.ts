import { expect, test } from "@playwright/test";
import { accounts } from "./accounts";
import { openStream, type OpenStream } from "./support/event-stream";
import { CookieJar, httpRequest, loopback } from "./support/http-client";
import { changeRoleOverHttp, sessionUserId, setActiveOverHttp, signedIn, signOutOverHttp } from "./support/server-action";

// Sessions end when they should (issue 19, finding 7) and live streams are capped (finding 12), seen from
// outside: old session cookies replayed after sign-out, deactivation and reactivation, a staff member's open
// stream after demotion, and an 11th stream. The account used is the seeded dev@example.com (no other spec
// keeps a session of it); the admin signs in afresh (the admin's own sessions are never ended here).

const port = Number(process.env.E2E_PORT ?? 3100);
const base = `http://localhost:${port}`;
const dev = { email: "dev@example.com", password: accounts.customer.password };

/** A new jar holding only the session cookie `jar` held: the old token, replayed as is. */
function copyOf(jar: CookieJar): CookieJar {
  const copy = new CookieJar();
  const token = jar.get("next-auth.session-token");
  if (!token) throw new Error("no session cookie");
  copy.set("next-auth.session-token", token);
  return copy;
}

async function ordersStatus(jar: CookieJar, from: string) {
  const answer = await httpRequest(`${base}/orders`, { jar, from });
  return { status: answer.status, location: answer.headers.location ?? "" };
}

test("signing out ends every session of the account: old cookies are sent to sign in", async () => {
  const from = loopback(60);
  const phone = await signedIn(base, dev.email, dev.password, from);
  const laptop = await signedIn(base, dev.email, dev.password, from);
  const oldPhone = copyOf(phone);
  expect((await ordersStatus(oldPhone, from)).status).toBe(200);

  const out = await signOutOverHttp(base, phone, from);
  expect(out.status).toBe(200);
  const afterPhone = await ordersStatus(oldPhone, from);
  const afterLaptop = await ordersStatus(laptop, from);
  console.log(`after sign-out: /orders with the old cookie -> ${afterPhone.status} ${afterPhone.location}; the other session -> ${afterLaptop.status}`);
  expect(afterPhone.status).toBe(307);
  expect(afterPhone.location).toContain("/login?callbackUrl=%2Forders");
  expect(afterLaptop.status).toBe(307);
  expect(await sessionUserId(base, oldPhone, from)).toBeNull();

  // Signing in again works.
  expect((await ordersStatus(await signedIn(base, dev.email, dev.password, from), from)).status).toBe(200);
});

test("deactivation ends the sessions, and reactivation does not bring the old ones back", async () => {
  const from = loopback(61);
  const admin = await signedIn(base, accounts.admin.email, accounts.admin.password, from);
  const session = await signedIn(base, dev.email, dev.password, from);
  const devId = await sessionUserId(base, session, from);
  expect(devId).toBeTruthy();
  expect((await ordersStatus(session, from)).status).toBe(200);

  expect((await setActiveOverHttp(base, admin, devId!, false, from)).body).toContain("is deactivated");
  expect((await ordersStatus(copyOf(session), from)).status).toBe(307);
  expect((await setActiveOverHttp(base, admin, devId!, true, from)).body).toContain("is active again");
  const revived = await ordersStatus(copyOf(session), from);
  console.log(`after deactivation and reactivation: /orders with the old cookie -> ${revived.status} ${revived.location}`);
  expect(revived.status).toBe(307);
  expect((await ordersStatus(await signedIn(base, dev.email, dev.password, from), from)).status).toBe(200);
});

test("a staff member's open live stream ends when they are demoted, and they cannot open another", async () => {
  const from = loopback(62);
  const admin = await signedIn(base, accounts.admin.email, accounts.admin.password, from);
  const devId = await sessionUserId(base, await signedIn(base, dev.email, dev.password, from), from);
  expect(devId).toBeTruthy();
  expect((await changeRoleOverHttp(base, admin, devId!, "STAFF", from)).body).toContain("is now staff");
  let stream: OpenStream | undefined;
  try {
    const staffSession = await signedIn(base, dev.email, dev.password, from);
    stream = await openStream(`${base}/api/staff/events`, staffSession, from);
    expect(stream.status).toBe(200);
    await expect.poll(() => stream!.received()).toContain(": connected");

    expect((await changeRoleOverHttp(base, admin, devId!, "CUSTOMER", from)).body).toContain("is now customer");
    await expect.poll(() => stream!.ended(), { message: "the demoted staff member's stream is still open", timeout: 10_000 }).toBe(true);
    const again = await openStream(`${base}/api/staff/events`, staffSession, from);
    console.log(`after demotion: open stream ended = ${stream.ended()}; a new stream with the old cookie -> ${again.status}`);
    expect(again.status).toBe(401);
    again.close();
  } finally {
    stream?.close();
    await changeRoleOverHttp(base, admin, devId!, "CUSTOMER", from);
  }
});

test("one account cannot hold more than 10 live streams: the 11th gets a 429 with a message", async () => {
  const from = loopback(63);
  const session = await signedIn(base, dev.email, dev.password, from);
  const orders = await httpRequest(`${base}/orders`, { jar: session, from });
  const number = /AT-\d{4}-\d{6}/.exec(orders.body)?.[0];
  expect(number, "dev@example.com has a seeded order").toBeTruthy();
  const url = `${base}/api/orders/${number}/events`;
  const streams: OpenStream[] = [];
  try {
    for (let i = 0; i < 10; i++) streams.push(await openStream(url, session, from));
    expect(streams.map((s) => s.status)).toEqual(Array(10).fill(200));
    const eleventh = await openStream(url, session, from);
    streams.push(eleventh);
    await expect.poll(() => eleventh.ended()).toBe(true);
    console.log(`11th stream -> ${eleventh.status} ${eleventh.body()}`);
    expect(eleventh.status).toBe(429);
    expect(JSON.parse(eleventh.body())).toEqual({ error: expect.stringMatching(/at most 10 live connections/i) });

    // Closing one frees its place.
    streams[0]!.close();
    await expect
      .poll(async () => {
        const next = await openStream(url, session, from);
        streams.push(next);
        if (next.status !== 200) next.close();
        return next.status;
      }, { timeout: 10_000 })
      .toBe(200);
  } finally {
    for (const stream of streams) stream.close();
  }
});

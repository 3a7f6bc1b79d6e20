import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findThread, findUnreadForStaff, openThread } from "@/lib/messages/queries";
import { sendOrderMessage, type MessageAuthor } from "@/lib/messages/send";
import { findBoard } from "@/lib/production/board";
import { seedDatabase } from "@/prisma/seed-database";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// Messages on an order (issue 22, item 12), on PGlite and (with TEST_DATABASE_URL) PostgreSQL.

let t: TestDatabase;
let clara: MessageAuthor;
let dev: MessageAuthor;
let staff: MessageAuthor;
let claraOrder: { id: string; number: string };
let devOrder: { id: string; number: string };
const ORIGIN = "https://atelier.example.org";
let savedUrl: string | undefined;

async function author(email: string): Promise<MessageAuthor> {
  const user = await t.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, name: true } });
  return user;
}

async function openOrderOf(customerId: string) {
  return t.prisma.order.findFirstOrThrow({ where: { customerId, status: { notIn: ["CANCELLED", "DELIVERED"] } }, orderBy: { number: "asc" }, select: { id: true, number: true } });
}

beforeAll(async () => {
  savedUrl = process.env.NEXTAUTH_URL;
  process.env.NEXTAUTH_URL = ORIGIN;
  t = await createTestDatabase();
  await seedDatabase(t.prisma);
  clara = await author("clara@example.com");
  dev = await author("dev@example.com");
  staff = await author("staff@atelier.test");
  claraOrder = await openOrderOf(clara.id);
  devOrder = await openOrderOf(dev.id);
  await t.prisma.emailOutbox.deleteMany({});
});
afterAll(async () => {
  if (savedUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = savedUrl;
  await t?.drop();
});

describe(`order messages (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("the customer writes on their order: kept as typed (line breaks, markup as text), emailed to the shop with both parts", async () => {
    const body = "Hello,\r\ncan the legs be <b>darker</b>?\n\nThanks & regards";
    const sent = await sendOrderMessage(t.prisma, { orderNumber: claraOrder.number, body, author: clara, shopEmail: "workshop@atelier.test" });
    expect(sent.ok).toBe(true);
    const thread = await findThread(t.prisma, claraOrder.id);
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ side: "CUSTOMER", authorName: clara.name, body: "Hello,\ncan the legs be <b>darker</b>?\n\nThanks & regards", readAt: null });
    const emails = await t.prisma.emailOutbox.findMany({ where: { orderId: claraOrder.id } });
    expect(emails).toHaveLength(1);
    const email = emails[0]!;
    expect(email.to).toBe("workshop@atelier.test");
    expect(email.text).toContain("> can the legs be <b>darker</b>?");
    expect(email.text).toContain(`${ORIGIN}/staff/orders/${claraOrder.number}`);
    expect(email.html).toContain("can the legs be &lt;b&gt;darker&lt;/b&gt;?<br><br>Thanks &amp; regards");
    expect(email.html).toContain(`href="${ORIGIN}/staff/orders/${claraOrder.number}"`);
    expect(email.html).toContain("Total");
  });

  it("without a shop address, each active staff member and admin gets the customer's message", async () => {
    await t.prisma.emailOutbox.deleteMany({});
    const sent = await sendOrderMessage(t.prisma, { orderNumber: claraOrder.number, body: "One more question", author: clara });
    expect(sent.ok).toBe(true);
    const recipients = (await t.prisma.emailOutbox.findMany({ select: { to: true } })).map((e) => e.to).sort();
    const expected = (await t.prisma.user.findMany({ where: { role: { in: ["STAFF", "ADMIN"] }, active: true }, select: { email: true } })).map((u) => u.email).sort();
    expect(recipients).toEqual(expected);
    expect(recipients).toContain("staff@atelier.test");
  });

  it("another customer's order does not exist for them: nothing is written, nothing is emailed", async () => {
    const before = { messages: await t.prisma.orderMessage.count(), emails: await t.prisma.emailOutbox.count() };
    const refused = await sendOrderMessage(t.prisma, { orderNumber: claraOrder.number, body: "Not mine", author: dev });
    expect(refused).toEqual({ ok: false, code: "not_found", message: "No such order." });
    const malformed = await sendOrderMessage(t.prisma, { orderNumber: "AT-x", body: "hi", author: dev });
    expect(malformed).toMatchObject({ ok: false, code: "not_found" });
    expect({ messages: await t.prisma.orderMessage.count(), emails: await t.prisma.emailOutbox.count() }).toEqual(before);
  });

  it("refuses an empty or too long message with the message to show at the field", async () => {
    expect(await sendOrderMessage(t.prisma, { orderNumber: devOrder.number, body: "  \n ", author: dev })).toMatchObject({ ok: false, code: "invalid", errors: { body: ["Write a message first."] } });
    expect(await sendOrderMessage(t.prisma, { orderNumber: devOrder.number, body: "x".repeat(2001), author: dev })).toMatchObject({ ok: false, code: "invalid" });
    // The database refuses it too, whatever the code does.
    await expect(t.rawQuery(`INSERT INTO order_messages (id, order_id, author_id, side, body) VALUES ('m-long', $1, $2, 'CUSTOMER', repeat('x', 2001))`, [devOrder.id, dev.id])).rejects.toThrow(/order_messages_body_length/);
  });

  it("staff see unread counts on the board and in the waiting list; reading the thread clears them", async () => {
    const board = await findBoard(t.prisma, { page: {} });
    const card = board.columns.flatMap((c) => c.cards).find((c) => c.number === claraOrder.number);
    expect(card?.unreadMessages).toBe(2);
    expect(await findUnreadForStaff(t.prisma)).toContainEqual({ number: claraOrder.number, count: 2 });
    // The customer looking at their own thread does not mark their own messages read.
    await openThread(t.prisma, claraOrder.id, "CUSTOMER");
    expect((await findUnreadForStaff(t.prisma)).find((u) => u.number === claraOrder.number)?.count).toBe(2);
    const thread = await openThread(t.prisma, claraOrder.id, "STAFF");
    expect(thread.every((m) => m.readAt !== null)).toBe(true);
    expect(await findUnreadForStaff(t.prisma)).not.toContainEqual(expect.objectContaining({ number: claraOrder.number }));
    const after = (await findBoard(t.prisma, { page: {} })).columns.flatMap((c) => c.cards).find((c) => c.number === claraOrder.number);
    expect(after?.unreadMessages).toBe(0);
  });

  it("a staff reply goes to the customer by email with an absolute link to their order, and is announced live", async () => {
    await t.prisma.emailOutbox.deleteMany({});
    const notices: string[] = [];
    let stop: () => Promise<void>;
    if (t.pglite) {
      const unlisten = await t.pglite.listen("atelier_order_events", (payload) => notices.push(payload));
      stop = unlisten;
    } else {
      const client = new pg.Client({ connectionString: t.url! });
      await client.connect();
      client.on("notification", (m) => notices.push(m.payload ?? ""));
      await client.query("LISTEN atelier_order_events");
      stop = () => client.end();
    }
    const sent = await sendOrderMessage(t.prisma, { orderNumber: claraOrder.number, body: "Yes, in smoked oak.\nNo extra cost.", author: staff });
    expect(sent.ok).toBe(true);
    const [email] = await t.prisma.emailOutbox.findMany();
    expect(email?.to).toBe("clara@example.com");
    expect(email?.subject).toBe(`Order ${claraOrder.number}: a message from the workshop`);
    expect(email?.text).toContain(`${ORIGIN}/orders/${claraOrder.number}`);
    expect(email?.html).toContain(`href="${ORIGIN}/orders/${claraOrder.number}"`);
    expect(email?.html).toContain("Yes, in smoked oak.<br>No extra cost.");
    for (let i = 0; i < 50 && !notices.length; i++) await new Promise((r) => setTimeout(r, 20));
    await stop();
    expect(notices.map((n) => JSON.parse(n) as { orderId: string; to: string })).toContainEqual(expect.objectContaining({ orderId: claraOrder.id, to: "MESSAGE" }));
    // Newest last; the customer has not read the reply yet, until their page shows it.
    const thread = await findThread(t.prisma, claraOrder.id);
    expect(thread.map((m) => m.side)).toEqual(["CUSTOMER", "CUSTOMER", "STAFF"]);
    expect(thread.at(-1)?.readAt).toBeNull();
    await openThread(t.prisma, claraOrder.id, "CUSTOMER");
    expect((await findThread(t.prisma, claraOrder.id)).at(-1)?.readAt).not.toBeNull();
  });

  it("a customer sending too many messages is refused with when to try again, and nothing is written", async () => {
    const limit = { name: "order-message-test", limit: 2, windowMs: 60_000 };
    for (let i = 0; i < 2; i++) expect((await sendOrderMessage(t.prisma, { orderNumber: devOrder.number, body: `Message ${i}`, author: dev, limit })).ok).toBe(true);
    const before = await t.prisma.orderMessage.count();
    const refused = await sendOrderMessage(t.prisma, { orderNumber: devOrder.number, body: "One too many", author: dev, limit });
    expect(refused).toMatchObject({ ok: false, code: "limited", message: "Too many messages in a short time. Try again in 1 minute." });
    expect(await t.prisma.orderMessage.count()).toBe(before);
    // Counted per person: staff are not held back by the customer's limit.
    expect((await sendOrderMessage(t.prisma, { orderNumber: devOrder.number, body: "Reply", author: staff, limit })).ok).toBe(true);
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, normalize, type Definition, type Selection } from "@/lib/configurator";
import { checkConsistency } from "@/lib/db/ops/check";
import { formatOrderNumber } from "@/lib/orders/number";
import { ORDER_RATE_LIMIT, placeOrder, type PlaceOrderInput } from "@/lib/orders/place-order";
import { operationsOf } from "@/lib/orders/operations";
import { transitionOrder } from "@/lib/orders/transition";
import { seedDatabase } from "@/prisma/seed-database";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
let customer: PlaceOrderInput["customer"];
let other: PlaceOrderInput["customer"];
let definition: Definition;
let versionId: string;
let defaults: Selection;

const address = { name: "Clara C", line1: "1 Rue Neuve", line2: "", city: "Lyon", postalCode: "69001", country: "FR" };

/** Orders from here on are for the product's current version, with its default selection. */
async function useCurrentVersion() {
  const product = await t.prisma.product.findUniqueOrThrow({ where: { slug: "tempo-bicycle" }, include: { currentVersion: true } });
  definition = product.currentVersion!.definition as unknown as Definition;
  versionId = product.currentVersion!.id;
  const n = normalize(definition, {});
  if (!n.ok) throw new Error("defaults invalid");
  defaults = n.selection;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.prisma, { orders: false });
  customer = await t.prisma.user.findUniqueOrThrow({ where: { email: "clara@example.com" }, select: { id: true, name: true, email: true } });
  other = await t.prisma.user.findUniqueOrThrow({ where: { email: "dev@example.com" }, select: { id: true, name: true, email: true } });
  await useCurrentVersion();
});
afterAll(() => t.drop());

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

function input(overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  const quantity = overrides.quantity ?? 1;
  const selection = (overrides.selection ?? defaults) as Selection;
  return {
    customer,
    slug: "tempo-bicycle",
    selection,
    quantity,
    idempotencyKey: randomUUID(),
    shippingAddress: address,
    notes: "Ring twice",
    expected: { versionId, totalCents: evaluate(definition, selection, { quantity }).totalCents },
    ...overrides,
  };
}

async function counts() {
  const [orders, options, events, bookings, emails] = await Promise.all([
    t.prisma.order.count(), t.prisma.orderOption.count(), t.prisma.orderEvent.count(), t.prisma.capacityBooking.count(), t.prisma.emailOutbox.count(),
  ]);
  return { orders, options, events, bookings, emails };
}

describe(`placing an order (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("writes the order with its snapshot, option rows, PLACED event, capacity booking and confirmation email", async () => {
    const result = await placeOrder(t.prisma, input({ quantity: 2 }));
    expect(result).toMatchObject({ ok: true, existing: false });
    if (!result.ok) return;
    const order = await t.prisma.order.findUniqueOrThrow({
      where: { number: result.number },
      include: { options: true, events: true, bookings: true, emails: true },
    });
    const expected = evaluate(definition, defaults, { quantity: 2 });
    expect(order.totalCents).toBe(expected.totalCents);
    expect(order.quantity).toBe(2);
    expect(order.status).toBe("PLACED");
    expect(order.events.map((e) => e.toStatus)).toEqual(["PLACED"]);
    expect(order.options.length).toBeGreaterThanOrEqual(definition.groups.filter((g) => g.required).length);
    expect(order.bookings.reduce((s, b) => s + b.hours, 0)).toBeCloseTo(expected.productionHours, 6);
    // Each operation is planned from its first booked day to its last, at its work centre.
    const operations = await t.prisma.orderOperation.findMany({ where: { orderId: order.id }, include: { bookings: true }, orderBy: { seq: "asc" } });
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      const days = op.bookings.map((b) => b.day.getTime()).sort((a, b) => a - b);
      expect(op.bookings.every((b) => b.workCentreId === op.workCentreId)).toBe(true);
      expect([op.plannedStart?.getTime(), op.plannedEnd?.getTime()]).toEqual([days[0], days.at(-1)]);
    }
    expect(order.emails[0]?.subject).toBe(`Your order ${order.number} is placed`);
    expect(order.emails[0]?.to).toBe("clara@example.com");
    const snapshot = order.snapshot as { breakdown: { lines: { amountCents: number }[] }; product: { name: string }; promisedDate: string };
    expect(snapshot.breakdown.lines.reduce((s, l) => s + l.amountCents, 0)).toBe(order.totalCents);
    expect(snapshot.product.name).toBe("Tempo bicycle");
    expect(snapshot.promisedDate).toBe(order.promisedDate.toISOString().slice(0, 10));
  });

  it("rejects a tampered price and writes nothing", async () => {
    const before = await counts();
    const tampered = input();
    tampered.expected = { ...tampered.expected, totalCents: 100 };
    const result = await placeOrder(t.prisma, tampered);
    expect(result).toMatchObject({ ok: false, code: "changed" });
    expect(await counts()).toEqual(before);
  });

  it("rejects an invalid or unknown selection with the engine's messages and writes nothing", async () => {
    const before = await counts();
    const carbonCity = { ...defaults, frame: "city-steel", wheels: "carbon-45" };
    const invalid = await placeOrder(t.prisma, input({ selection: carbonCity, expected: { versionId, totalCents: 1 } }));
    expect(invalid).toMatchObject({ ok: false, code: "invalid" });
    if (!invalid.ok && invalid.code === "invalid") expect(invalid.problems.length).toBeGreaterThan(0);
    const unknown = await placeOrder(t.prisma, input({ selection: { ...defaults, frame: "titanium-dream" }, expected: { versionId, totalCents: 1 } }));
    expect(unknown).toMatchObject({ ok: false, code: "invalid" });
    expect(await counts()).toEqual(before);
  });

  it("turns 50 simultaneous submissions with one idempotency key into exactly one order", async () => {
    const before = await counts();
    const same = input();
    const results = await Promise.all(Array.from({ length: 50 }, () => placeOrder(t.prisma, same)));
    const numbers = new Set(results.map((r) => (r.ok ? r.number : `error:${r.code}`)));
    expect(numbers.size).toBe(1);
    expect([...numbers][0]).toMatch(/^AT-\d{4}-\d{6}$/);
    expect(results.filter((r) => r.ok && !r.existing)).toHaveLength(1);
    const after = await counts();
    expect(after.orders - before.orders).toBe(1);
    expect(after.emails - before.emails).toBe(1);
    // Another customer replaying someone else's key gets a refusal, not their order.
    expect(await placeOrder(t.prisma, { ...same, customer: other })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("leaves the database consistent (the invariants of npm run db:check)", async () => {
    expect(await checkConsistency(t.prisma)).toEqual([]);
  });

  it("50 simultaneous orders competing for the last free hours never overbook a day of any work centre", async () => {
    // Every centre works 8 h on weekdays, from an empty workshop.
    await t.prisma.$executeRawUnsafe(`UPDATE work_centres SET weekday_hours = ARRAY[8, 8, 8, 8, 8, 0, 0]::float8[]`);
    await t.prisma.$executeRawUnsafe(`DELETE FROM capacity_bookings`);
    await t.prisma.$executeRawUnsafe(`DELETE FROM capacity_days`);
    await t.prisma.settings.update({ where: { id: 1 }, data: { calendarVersion: { increment: 1 } } });
    const results = await Promise.all(Array.from({ length: 50 }, () => placeOrder(t.prisma, input())));
    expect(results.every((r) => r.ok)).toBe(true);
    const days = await t.prisma.capacityDay.findMany({ include: { bookings: true } });
    for (const day of days) {
      expect(day.capacityHours).toBe(8);
      expect(day.bookedHours).toBeLessThanOrEqual(8 + 1e-6);
      expect(day.bookings.reduce((s, b) => s + b.hours, 0)).toBeCloseTo(day.bookedHours, 6);
    }
    expect(days.reduce((s, d) => s + d.bookedHours, 0)).toBeCloseTo(evaluate(definition, defaults).productionHours * 50, 4);
  });

  it("draws the number once per order (a replay draws none) and writes it into the confirmation email", async () => {
    const sequence = (number: string) => Number(number.split("-")[2]);
    const first = input();
    const placed = await placeOrder(t.prisma, first);
    const replay = await placeOrder(t.prisma, first);
    const next = await placeOrder(t.prisma, input());
    if (!placed.ok || !next.ok) throw new Error("order failed");
    expect(replay).toEqual({ ok: true, number: placed.number, existing: true });
    expect(sequence(next.number)).toBe(sequence(placed.number) + 1);
    expect(placed.number).toBe(formatOrderNumber(new Date().getUTCFullYear(), sequence(placed.number)));
    const email = await t.prisma.emailOutbox.findFirstOrThrow({ where: { order: { number: placed.number } } });
    expect(email.subject).toBe(`Your order ${placed.number} is placed`);
    expect(email.text).toContain(placed.number);
    expect(email.html).toContain(placed.number);
    expect(`${email.subject} ${email.text} ${email.html}`).not.toContain("@@order-number");
  });

  it("plans on the settings as they are now", async () => {
    await placeOrder(t.prisma, input());
    await t.prisma.settings.update({ where: { id: 1 }, data: { shippingDays: 12, currency: "GBP" } });
    try {
      const result = await placeOrder(t.prisma, input());
      if (!result.ok) throw new Error("order failed");
      const order = await t.prisma.order.findUniqueOrThrow({ where: { number: result.number }, include: { bookings: true } });
      const lastDay = order.bookings.map((b) => b.day.toISOString().slice(0, 10)).sort().at(-1)!;
      expect(order.currency).toBe("GBP");
      expect((order.snapshot as { currency: string }).currency).toBe("GBP");
      // The end of the last operation + 12 days, moved to a day the shop works (every centre is Monday to Friday here).
      const promised = new Date(`${addDays(new Date(`${lastDay}T00:00:00Z`), 12)}T00:00:00Z`);
      while ([0, 6].includes(promised.getUTCDay())) promised.setUTCDate(promised.getUTCDate() + 1);
      expect(order.promisedDate.toISOString().slice(0, 10)).toBe(promised.toISOString().slice(0, 10));
    } finally {
      await t.prisma.settings.update({ where: { id: 1 }, data: { shippingDays: 5, currency: "EUR" } });
    }
  });

  it("books hours freed by a cancellation", async () => {
    // Each centre works exactly what one order needs there per weekday, so each operation fills one day.
    const perCentre = new Map<string, number>();
    for (const op of operationsOf(evaluate(definition, defaults))) perCentre.set(op.workCentre, (perCentre.get(op.workCentre) ?? 0) + op.hours);
    for (const [centre, h] of perCentre) await t.prisma.workCentre.update({ where: { id: centre }, data: { weekdayHours: [h, h, h, h, h, 0, 0] } });
    await t.prisma.settings.update({ where: { id: 1 }, data: { calendarVersion: { increment: 1 } } });
    const later = { now: new Date("2031-03-03T10:00:00Z") };
    const daysOf = async (number: string) =>
      (await t.prisma.capacityBooking.findMany({ where: { order: { number } }, select: { workCentreId: true, day: true, hours: true }, orderBy: [{ day: "asc" }, { workCentreId: "asc" }] }))
        .map((b) => `${b.workCentreId} ${b.day.toISOString().slice(0, 10)} ${b.hours}`);
    const placed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await placeOrder(t.prisma, input(later));
      if (!result.ok) throw new Error("order failed");
      placed.push(result.number);
    }
    const booked = await Promise.all(placed.map(daysOf));
    expect(booked[0]).not.toEqual(booked[1]);
    const cancelled = await transitionOrder(t.prisma, {
      orderNumber: placed[1]!, to: "CANCELLED", expectedStatus: "PLACED", actor: { id: customer.id, role: "CUSTOMER" }, reason: "Changed my mind",
    });
    expect(cancelled.ok).toBe(true);
    expect(await daysOf(placed[1]!)).toEqual([]);
    const again = await placeOrder(t.prisma, input(later));
    if (!again.ok) throw new Error("order failed");
    expect(await daysOf(again.number)).toEqual(booked[1]);
    await t.prisma.$executeRawUnsafe(`UPDATE work_centres SET weekday_hours = ARRAY[8, 8, 8, 8, 8, 0, 0]::float8[]`);
    await t.prisma.settings.update({ where: { id: 1 }, data: { calendarVersion: { increment: 1 } } });
  });

  it("writes each of the orders placed at the same moment whole, and one that fails leaves the others whole", async () => {
    const before = await counts();
    const ghost = { id: "no-such-customer", name: "Nobody", email: "nobody@example.com" };
    const inputs = Array.from({ length: 12 }, (_, i) => input(i === 5 ? { customer: ghost } : {}));
    const results = await Promise.allSettled(inputs.map((order) => placeOrder(t.prisma, order)));
    expect(results[5]!.status).toBe("rejected");
    const placed = results.filter((r) => r.status === "fulfilled" && r.value.ok);
    expect(placed).toHaveLength(11);
    const after = await counts();
    expect(after.orders - before.orders).toBe(11);
    expect(after.events - before.events).toBe(11);
    expect(after.emails - before.emails).toBe(11);
    expect(await t.prisma.order.count({ where: { customerId: ghost.id } })).toBe(0);
    for (const result of placed) {
      if (result.status !== "fulfilled" || !result.value.ok) continue;
      const order = await t.prisma.order.findUniqueOrThrow({ where: { number: result.value.number }, include: { options: true, events: true, bookings: true, emails: true } });
      expect(order.options.length).toBeGreaterThan(0);
      expect(order.events).toHaveLength(1);
      expect(order.bookings.reduce((sum, b) => sum + b.hours, 0)).toBeCloseTo(order.productionHours, 6);
      expect(order.emails[0]?.subject).toBe(`Your order ${order.number} is placed`);
    }
  });

  it("keeps an order exactly as placed after the product is edited and republished", async () => {
    const result = await placeOrder(t.prisma, input());
    if (!result.ok) throw new Error("order failed");
    const before = await t.prisma.order.findUniqueOrThrow({ where: { number: result.number }, include: { options: true } });
    const product = await t.prisma.product.findUniqueOrThrow({ where: { slug: "tempo-bicycle" } });
    const edited = { ...definition, basePriceCents: definition.basePriceCents + 50_000 };
    const v2 = await t.prisma.productVersion.create({ data: { productId: product.id, version: 2, status: "PUBLISHED", definition: edited, publishedAt: new Date() } });
    await t.prisma.product.update({ where: { id: product.id }, data: { currentVersionId: v2.id } });
    const after = await t.prisma.order.findUniqueOrThrow({ where: { number: result.number }, include: { options: true } });
    expect(after).toEqual(before);
    expect(after.productVersionId).toBe(versionId);
    // And a customer still holding the old page must confirm the new price.
    const stale = await placeOrder(t.prisma, input());
    expect(stale).toMatchObject({ ok: false, code: "changed" });
    // Once they have, the order is priced from the new version.
    const confirmed = await placeOrder(t.prisma, input({ expected: { versionId: v2.id, totalCents: evaluate(edited, defaults).totalCents } }));
    if (!confirmed.ok) throw new Error("order failed");
    const placed = await t.prisma.order.findUniqueOrThrow({ where: { number: confirmed.number } });
    expect(placed.productVersionId).toBe(v2.id);
    expect(placed.totalCents).toBe(evaluate(edited, defaults).totalCents);
  });

  it("refuses a customer's order beyond their rate limit, says when to try again, and writes nothing", async () => {
    await useCurrentVersion();
    const limit = { count: 3, windowMs: 10 * 60_000 };
    const u = await t.prisma.user.create({ data: { email: "burst@example.com", name: "Burst", role: "CUSTOMER", passwordHash: "x" }, select: { id: true, name: true, email: true } });
    const start = new Date();
    const placed = [];
    for (let i = 0; i < 3; i++) placed.push(await placeOrder(t.prisma, input({ customer: u, limit, now: new Date(start.getTime() + i * 60_000) })));
    expect(placed.map((r) => r.ok)).toEqual([true, true, true]);
    const before = await counts();
    // Four minutes after the first: it leaves the window in six.
    const refused = await placeOrder(t.prisma, input({ customer: u, limit, now: new Date(start.getTime() + 4 * 60_000) }));
    expect(refused).toMatchObject({ ok: false, code: "limited", message: "Too many orders in a short time. Try again in 6 minutes.", retryAfterMs: 6 * 60_000 });
    expect(await counts()).toEqual(before);
    // A resubmission of an order already placed is answered with it, not refused.
    const first = placed[0]!;
    const again = await placeOrder(t.prisma, input({ customer: u, limit, idempotencyKey: (await t.prisma.order.findFirstOrThrow({ where: { number: first.ok ? first.number : "" } })).idempotencyKey }));
    expect(again).toEqual({ ok: true, number: first.ok ? first.number : "", existing: true });
    // Another customer is not limited by this one's orders; and once the first order leaves the window, one more fits.
    expect((await placeOrder(t.prisma, input({ customer: other, limit }))).ok).toBe(true);
    expect((await placeOrder(t.prisma, input({ customer: u, limit, now: new Date(start.getTime() + 10 * 60_000 + 1000) }))).ok).toBe(true);
    expect((await placeOrder(t.prisma, input({ customer: u, limit, now: new Date(start.getTime() + 10 * 60_000 + 2000) }))).ok).toBe(false);
    expect(ORDER_RATE_LIMIT).toEqual({ count: 20, windowMs: 10 * 60_000 });
  });

  it("applies the rate limit exactly to orders submitted at the same moment", async () => {
    await useCurrentVersion();
    const limit = { count: 3, windowMs: 10 * 60_000 };
    const u = await t.prisma.user.create({ data: { email: "burst2@example.com", name: "Burst", role: "CUSTOMER", passwordHash: "x" }, select: { id: true, name: true, email: true } });
    const results = await Promise.all(Array.from({ length: 8 }, () => placeOrder(t.prisma, input({ customer: u, limit }))));
    const placed = results.filter((r) => r.ok).length;
    // Counted under the customer's own lock, in the order's transaction: exactly the limit, on both databases.
    expect(placed).toBe(3);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "limited")).toBe(true);
    expect(await t.prisma.order.count({ where: { customerId: u.id } })).toBe(placed);
  });
});

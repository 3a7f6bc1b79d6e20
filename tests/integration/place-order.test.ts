import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, normalize, type Definition, type Selection } from "@/lib/configurator";
import { checkConsistency } from "@/lib/db/check";
import { placeOrder, type PlaceOrderInput } from "@/lib/orders/place-order";
import { seedDatabase } from "@/prisma/seed-database";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
let customer: PlaceOrderInput["customer"];
let other: PlaceOrderInput["customer"];
let definition: Definition;
let versionId: string;
let defaults: Selection;

const address = { name: "Clara C", line1: "1 Rue Neuve", line2: "", city: "Lyon", postalCode: "69001", country: "FR" };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.prisma, { orders: false });
  customer = await t.prisma.user.findUniqueOrThrow({ where: { email: "clara@example.com" }, select: { id: true, name: true, email: true } });
  other = await t.prisma.user.findUniqueOrThrow({ where: { email: "dev@example.com" }, select: { id: true, name: true, email: true } });
  const product = await t.prisma.product.findUniqueOrThrow({ where: { slug: "tempo-bicycle" }, include: { currentVersion: true } });
  definition = product.currentVersion!.definition as unknown as Definition;
  versionId = product.currentVersion!.id;
  const n = normalize(definition, {});
  if (!n.ok) throw new Error("defaults invalid");
  defaults = n.selection;
});
afterAll(() => t.drop());

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

  it("50 simultaneous orders competing for the last free hours never overbook a week", async () => {
    const hours = evaluate(definition, defaults).productionHours;
    // Leave room for exactly 3 orders in every week from now on.
    await t.prisma.settings.update({ where: { id: 1 }, data: { defaultWeeklyHours: hours * 3 } });
    await t.prisma.capacityWeek.updateMany({ data: { capacityHours: hours * 3 } }).catch(() => undefined);
    await t.prisma.$executeRawUnsafe(`DELETE FROM capacity_bookings`);
    await t.prisma.$executeRawUnsafe(`UPDATE capacity_weeks SET booked_hours = 0`);
    const results = await Promise.all(Array.from({ length: 50 }, () => placeOrder(t.prisma, input())));
    expect(results.every((r) => r.ok)).toBe(true);
    const weeks = await t.prisma.capacityWeek.findMany({ include: { bookings: true } });
    for (const week of weeks) {
      expect(week.bookedHours).toBeLessThanOrEqual(week.capacityHours + 1e-6);
      expect(week.bookings.reduce((s, b) => s + b.hours, 0)).toBeCloseTo(week.bookedHours, 6);
    }
    expect(weeks.reduce((s, w) => s + w.bookedHours, 0)).toBeCloseTo(hours * 50, 4);
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
  });
});

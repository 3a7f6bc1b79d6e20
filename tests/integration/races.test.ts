import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, normalize, type Definition, type Selection } from "@/lib/configurator";
import { checkConsistency } from "@/lib/db/ops/check";
import { operationsOf } from "@/lib/orders/operations";
import { placeOrder, type PlaceOrderInput } from "@/lib/orders/place-order";
import { transitionOrder } from "@/lib/orders/transition";
import { seedDatabase } from "@/prisma/seed-database";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// Issue 8, races: 200 concurrent submissions, on PGlite and (with TEST_DATABASE_URL) on PostgreSQL.
let t: TestDatabase;
let customer: PlaceOrderInput["customer"];
let staffIds: string[];
let definition: Definition;
let versionId: string;
let selection: Selection;
let totalCents: number;
let hours: number;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.prisma, { orders: false });
  customer = await t.prisma.user.findUniqueOrThrow({ where: { email: "clara@example.com" }, select: { id: true, name: true, email: true } });
  staffIds = (await t.prisma.user.findMany({ where: { role: { in: ["STAFF", "ADMIN"] } }, select: { id: true } })).map((u) => u.id);
  const product = await t.prisma.product.findUniqueOrThrow({ where: { slug: "linden-sofa" }, include: { currentVersion: true } });
  definition = product.currentVersion!.definition as unknown as Definition;
  versionId = product.currentVersion!.id;
  const n = normalize(definition, {});
  if (!n.ok) throw new Error("defaults invalid");
  selection = n.selection;
  const evaluation = evaluate(definition, selection);
  totalCents = evaluation.totalCents;
  hours = evaluation.productionHours;
}, 120_000);
afterAll(() => t.drop());

const order = (key = randomUUID()): PlaceOrderInput => ({
  customer, slug: "linden-sofa", selection, quantity: 1, idempotencyKey: key,
  shippingAddress: { name: "C", line1: "1 Street", line2: "", city: "Town", postalCode: "1000", country: "BE" },
  notes: "", expected: { versionId, totalCents },
});

describe(`races with 200 concurrent requests (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("200 submissions with one idempotency key make exactly one order", async () => {
    const same = order();
    const results = await Promise.all(Array.from({ length: 200 }, () => placeOrder(t.prisma, same)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.number : "")))).toHaveProperty("size", 1);
    expect(await t.prisma.order.count({ where: { idempotencyKey: same.idempotencyKey } })).toBe(1);
    expect(await t.prisma.emailOutbox.count()).toBe(1);
  }, 120_000);

  it("200 orders racing for the free hours of every work centre never overbook any day", async () => {
    // Each centre works, per weekday, four times what one order needs there.
    const perCentre = new Map<string, number>();
    for (const op of operationsOf(evaluate(definition, selection))) perCentre.set(op.workCentre, (perCentre.get(op.workCentre) ?? 0) + op.hours);
    for (const [centre, h] of perCentre) await t.prisma.workCentre.update({ where: { id: centre }, data: { weekdayHours: [h * 4, h * 4, h * 4, h * 4, h * 4, 0, 0] } });
    await t.prisma.settings.update({ where: { id: 1 }, data: { calendarVersion: { increment: 1 } } });
    const results = await Promise.all(Array.from({ length: 200 }, () => placeOrder(t.prisma, order())));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const days = await t.prisma.capacityDay.findMany({ include: { bookings: true }, orderBy: [{ workCentreId: "asc" }, { day: "asc" }] });
    for (const day of days) {
      expect(day.bookedHours).toBeLessThanOrEqual(day.capacityHours + 1e-6);
      expect(day.bookings.reduce((s, b) => s + b.hours, 0)).toBeCloseTo(day.bookedHours, 6);
    }
    expect(days.reduce((s, d) => s + d.bookedHours, 0)).toBeCloseTo(hours * 201, 3);
    // Earlier days fill first: at each centre, only its last booked day may have room for another order.
    for (const [centre, h] of perCentre) {
      const used = days.filter((d) => d.workCentreId === centre && d.bookedHours > 0 && d.day >= new Date(new Date().toISOString().slice(0, 10)));
      for (const day of used.slice(0, -1)) expect(day.capacityHours - day.bookedHours, `${centre} ${day.day.toISOString()}`).toBeLessThan(h);
    }
    // Orders refused in a batched write left nothing behind: one event and one email per order.
    const orders = await t.prisma.order.count();
    expect(orders).toBe(201);
    expect(await t.prisma.orderEvent.count()).toBe(orders);
    expect(await t.prisma.emailOutbox.count()).toBe(orders);
    const perOrder = await t.prisma.orderOption.count({ where: { orderId: (await t.prisma.order.findFirstOrThrow()).id } });
    expect(await t.prisma.orderOption.count()).toBe(orders * perOrder);
  }, 180_000);

  it("60 submissions of 20 forms (three each) at once make 20 orders, one per form", async () => {
    const forms = Array.from({ length: 20 }, () => order());
    const before = await t.prisma.order.count();
    const results = await Promise.all(forms.flatMap((form) => [form, form, form]).map((form) => placeOrder(t.prisma, form)));
    expect(results.every((r) => r.ok)).toBe(true);
    for (let i = 0; i < forms.length; i++) {
      const numbers = new Set(results.slice(i * 3, i * 3 + 3).map((r) => (r.ok ? r.number : "")));
      expect(numbers.size).toBe(1);
    }
    expect(results.filter((r) => r.ok && !r.existing)).toHaveLength(20);
    expect((await t.prisma.order.count()) - before).toBe(20);
  }, 120_000);

  it("two staff confirming the same order at once move it one stage, with one event", async () => {
    const placed = await t.prisma.order.findFirstOrThrow({ where: { status: "PLACED" }, select: { number: true, id: true } });
    const results = await Promise.all(
      staffIds.map((id) => transitionOrder(t.prisma, { orderNumber: placed.number, to: "CONFIRMED", expectedStatus: "PLACED", actor: { id, role: "STAFF" } })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(staffIds.length - 1).fill("conflict"));
    expect(await t.prisma.orderEvent.count({ where: { orderId: placed.id, toStatus: "CONFIRMED" } })).toBe(1);
  });

  it("leaves every invariant of npm run db:check intact", async () => {
    expect(await checkConsistency(t.prisma)).toEqual([]);
  });
});

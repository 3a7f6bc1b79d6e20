import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, normalize, type Definition } from "@/lib/configurator";
import { placeOrder } from "@/lib/orders/place-order";
import { findBoard } from "@/lib/production/board";
import { seedDatabase } from "@/prisma/seed-database";
import { BENCH_DAY_HOURS, fillOrders, finishPlacedOrders, OPEN_ORDERS, prepareBenchData } from "@/bench/lib/volume";
import { checkConsistency } from "@/lib/db/ops/check";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// The load benchmark's data (bench/lib/volume.ts): orders copied from the demo orders as the application would have
// left them (db:check finds nothing wrong), and between its size steps the orders a step placed are finished
// before the next step fills up, so work in progress stays bounded while history grows.
let t: TestDatabase;
const address = { name: "Bench", line1: "1 Road", line2: "", city: "Town", postalCode: "12345", country: "DE" };

async function placeAs(email: string) {
  const customer = await t.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true } });
  const product = await t.prisma.product.findUniqueOrThrow({ where: { slug: "linden-sofa" }, include: { currentVersion: true } });
  const definition = product.currentVersion!.definition as unknown as Definition;
  const normalized = normalize(definition, {});
  if (!normalized.ok) throw new Error("the sofa's defaults are not valid");
  const result = await placeOrder(t.prisma, {
    customer, slug: "linden-sofa", selection: normalized.selection, quantity: 1, idempotencyKey: randomUUID(), shippingAddress: address, notes: "",
    expected: { versionId: product.currentVersion!.id, totalCents: evaluate(definition, normalized.selection).totalCents },
  });
  if (!result.ok) throw new Error(result.message);
  return t.prisma.order.findUniqueOrThrow({ where: { number: result.number }, select: { id: true } });
}

const bookedHours = async () => Number((await t.rawQuery("SELECT coalesce(sum(booked_hours), 0) AS h FROM capacity_days") as { h: string }[])[0]!.h);
const bookingHours = async () => Number((await t.rawQuery("SELECT coalesce(sum(hours), 0) AS h FROM capacity_bookings") as { h: string }[])[0]!.h);
const placedCount = async () => (await findBoard(t.prisma, { page: {} })).columns.find((c) => c.status === "PLACED")?.count ?? 0;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.prisma);
  await prepareBenchData(t.prisma);
  await fillOrders(t.prisma, (await t.prisma.order.count()) + OPEN_ORDERS + 20);
}, 120_000);
afterAll(() => t.drop());

describe("the benchmark's orders", () => {
  it("are consistent: db:check finds nothing wrong after filling", async () => {
    expect(await checkConsistency(t.prisma)).toEqual([]);
    // Every copy has its option rows and operations, and its production job once it went into production.
    const [copies] = (await t.rawQuery(`SELECT count(*)::int AS orders,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM order_options x WHERE x.order_id = o.id))::int AS without_options,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM order_operations x WHERE x.order_id = o.id))::int AS without_operations,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM production_jobs j WHERE j.order_id = o.id))::int AS produced,
        count(*) FILTER (WHERE o.status IN ('PLACED', 'CONFIRMED', 'IN_PRODUCTION'))::int AS booking
      FROM orders o WHERE o.id LIKE 'bench-o%'`)) as { orders: number; without_options: number; without_operations: number; produced: number; booking: number }[];
    expect(copies).toMatchObject({ orders: OPEN_ORDERS + 20, without_options: 0, without_operations: 0 });
    expect(copies!.produced).toBeGreaterThan(OPEN_ORDERS / 2);
    expect(copies!.booking).toBeGreaterThan(OPEN_ORDERS / 3);
  });

  it("book open orders on working days of their work centres only, and give every centre plenty of hours on those", async () => {
    const misplaced = await t.rawQuery(`SELECT b.day::text AS day, b.work_centre_id FROM capacity_bookings b
      WHERE b.order_id LIKE 'bench-o%' AND (extract(isodow FROM b.day) > 5
        OR EXISTS (SELECT 1 FROM shop_closures x WHERE b.day BETWEEN x.first_day AND x.last_day)
        OR EXISTS (SELECT 1 FROM calendar_exceptions e WHERE e.work_centre_id = b.work_centre_id AND e.day = b.day AND e.hours = 0))`);
    expect(misplaced).toEqual([]);
    expect(await t.prisma.capacityBooking.count({ where: { orderId: { startsWith: "bench-o" } } })).toBeGreaterThan(OPEN_ORDERS / 3);
    const centres = await t.prisma.workCentre.findMany({ where: { active: true } });
    expect(centres.length).toBeGreaterThan(0);
    for (const centre of centres) expect(centre.weekdayHours.slice(0, 5)).toEqual([BENCH_DAY_HOURS, BENCH_DAY_HOURS, BENCH_DAY_HOURS, BENCH_DAY_HOURS, BENCH_DAY_HOURS]);
    // The days the demo orders booked follow their centre's new hours (unless an exception sets them).
    const [{ short }] = (await t.rawQuery(`SELECT count(*)::int AS short FROM capacity_days d WHERE d.capacity_hours > 0 AND d.capacity_hours < ${BENCH_DAY_HOURS}
      AND NOT EXISTS (SELECT 1 FROM calendar_exceptions e WHERE e.work_centre_id = d.work_centre_id AND e.day = d.day)`)) as [{ short: number }];
    expect(short).toBe(0);
  });
});

describe("the benchmark's orders between size steps", () => {
  it("finishes the orders its customers placed, releases their hours and leaves every other order as it was", async () => {
    const placedBefore = await placedCount();
    const others = await t.prisma.order.findMany({ select: { id: true, status: true, updatedAt: true }, orderBy: { id: "asc" } });
    const placed = [await placeAs("customer1@bench.test"), await placeAs("customer2@bench.test")];
    const demoCustomers = await placeAs("clara@example.com");
    expect(await placedCount()).toBe(placedBefore + 3);
    expect(await t.prisma.capacityBooking.count({ where: { orderId: { in: placed.map((o) => o.id) } } })).toBeGreaterThan(0);

    expect(await finishPlacedOrders(t.prisma)).toBe(2);

    for (const { id } of placed) {
      const order = await t.prisma.order.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { createdAt: "asc" } } } });
      expect(order.status).toBe("DELIVERED");
      expect(order.events.map((e) => e.toStatus)).toEqual(["PLACED", "IN_PRODUCTION", "DELIVERED"]);
      expect(order.createdAt.getTime()).toBeLessThan(order.updatedAt.getTime());
      expect(Date.now() - order.updatedAt.getTime()).toBeGreaterThan(30 * 86_400_000);
    }
    expect(await t.prisma.capacityBooking.count({ where: { orderId: { in: placed.map((o) => o.id) } } })).toBe(0);
    expect(await bookedHours()).toBeCloseTo(await bookingHours(), 6);
    expect(await t.prisma.orderOperation.count({ where: { orderId: { in: placed.map((o) => o.id) }, status: { not: "DONE" } } })).toBe(0);
    expect(await checkConsistency(t.prisma)).toEqual([]);
    // The demo customer's order is not the benchmark's: it stays in the Placed column with its booking.
    expect((await t.prisma.order.findUniqueOrThrow({ where: { id: demoCustomers.id } })).status).toBe("PLACED");
    expect(await t.prisma.capacityBooking.count({ where: { orderId: demoCustomers.id } })).toBeGreaterThan(0);
    expect(await placedCount()).toBe(placedBefore + 1);
    const after = await t.prisma.order.findMany({ where: { id: { in: others.map((o) => o.id) } }, select: { id: true, status: true, updatedAt: true }, orderBy: { id: "asc" } });
    expect(after).toEqual(others);
    expect(await finishPlacedOrders(t.prisma)).toBe(0);
  });
});

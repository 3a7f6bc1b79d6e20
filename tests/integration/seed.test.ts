import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkConsistency } from "@/lib/db/ops/check";
import { seedDatabase } from "@/prisma/seed-database";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.prisma);
});
afterAll(() => t.drop());

describe("seed", () => {
  it("is idempotent: a second run creates nothing", async () => {
    const before = await Promise.all([t.prisma.user.count(), t.prisma.product.count(), t.prisma.order.count(), t.prisma.productVersion.count()]);
    const report = await seedDatabase(t.prisma);
    expect(report).toEqual({ users: 0, products: 0, orders: 0 });
    const after = await Promise.all([t.prisma.user.count(), t.prisma.product.count(), t.prisma.order.count(), t.prisma.productVersion.count()]);
    expect(after).toEqual(before);
  });

  it("leaves demo orders consistent: status = last event, bookings = booked hours, snapshot sums to total", async () => {
    const orders = await t.prisma.order.findMany({
      include: { events: { orderBy: { createdAt: "desc" }, take: 1 }, options: true, bookings: true },
    });
    const statuses = new Set(orders.map((o) => o.status));
    for (const s of ["AWAITING_APPROVAL", "PLACED", "CONFIRMED", "IN_PRODUCTION", "SHIPPED", "DELIVERED", "CANCELLED"]) expect(statuses.has(s as never)).toBe(true);
    for (const order of orders) {
      expect(order.events[0]?.toStatus).toBe(order.status);
      expect(order.options.length).toBeGreaterThan(0);
      const snapshot = order.snapshot as { breakdown: { lines: { amountCents: number }[]; totalCents: number } };
      expect(snapshot.breakdown.lines.reduce((s, l) => s + l.amountCents, 0)).toBe(order.totalCents);
      const booked = order.bookings.reduce((s, b) => s + b.hours, 0);
      // Cancelled orders hold nothing; a large order awaiting approval books nothing until approved; an order
      // through production keeps at most what its finishing day used (the later days were given back).
      if (order.status === "CANCELLED" || order.status === "AWAITING_APPROVAL") expect(booked).toBe(0);
      else if (FINISHED.has(order.status)) expect(booked).toBeLessThanOrEqual(order.productionHours + 1e-6);
      else expect(booked).toBeCloseTo(order.productionHours, 6);
      expect(order.holdUntil !== null).toBe(order.status === "AWAITING_APPROVAL");
    }
    const days = await t.prisma.capacityDay.findMany({ include: { bookings: true } });
    for (const day of days) {
      expect(day.bookedHours).toBeCloseTo(day.bookings.reduce((s, b) => s + b.hours, 0), 6);
      expect(day.bookedHours).toBeLessThanOrEqual(day.capacityHours);
    }
  });

  it("sets up the demo workshop: four work centres, the winter closure, and routings that use them", async () => {
    const centres = await t.prisma.workCentre.findMany({ orderBy: { sortOrder: "asc" } });
    expect(centres.map((c) => c.name)).toEqual(["Frame shop", "Upholstery", "Paint shop", "Assembly"]);
    const closure = await t.prisma.shopClosure.findFirstOrThrow();
    expect([closure.name, closure.firstDay.toISOString().slice(5, 10), closure.lastDay.toISOString().slice(5, 10)]).toEqual(["Winter closure", "12-24", "01-01"]);
    const used = await t.prisma.orderOperation.groupBy({ by: ["workCentreId"], _count: true });
    expect(used.map((u) => u.workCentreId).sort()).toEqual(["assembly", "frame", "paint", "upholstery"]);
    // Nothing is booked on a closed day.
    expect(await t.prisma.capacityBooking.count({ where: { day: { gte: closure.firstDay, lte: closure.lastDay } } })).toBe(0);
  });
});

const FINISHED = new Set(["QUALITY_CHECK", "READY_TO_SHIP", "SHIPPED", "DELIVERED"]);

describe("consistency check (npm run db:check)", () => {
  it("finds nothing wrong in the seeded database", async () => {
    expect(await checkConsistency(t.prisma)).toEqual([]);
  });

  it("reports a status that disagrees with the events, a day whose booked hours are not its bookings, and a broken snapshot", async () => {
    const order = await t.prisma.order.findFirstOrThrow({ where: { status: "PLACED" } });
    await t.prisma.$executeRawUnsafe(`UPDATE orders SET status = 'CONFIRMED', total_cents = total_cents + 1 WHERE id = $1`, order.id);
    const day = await t.prisma.capacityDay.findFirstOrThrow({ where: { bookedHours: { gt: 0.5 } } });
    await t.prisma.$executeRawUnsafe(`UPDATE capacity_days SET booked_hours = booked_hours - 0.5 WHERE work_centre_id = $1 AND day = $2`, day.workCentreId, day.day);
    const details = (await checkConsistency(t.prisma)).map((f) => f.detail).join("\n");
    expect(details).toContain(`order ${order.number} is CONFIRMED but its events say PLACED … PLACED`);
    expect(details).toContain(`order ${order.number}: total ${order.totalCents + 1}`);
    expect(details).toContain(`${day.workCentreId} on ${day.day.toISOString().slice(0, 10)}: booked ${day.bookedHours - 0.5} h`);
  });

  it("reports an order delivered early that still holds hours after the day its production finished", async () => {
    const delivered = await t.prisma.order.findFirstOrThrow({ where: { status: "DELIVERED" }, include: { productionJob: true, operations: true } });
    const operation = delivered.operations[0]!;
    const later = new Date(new Date(delivered.productionJob!.completedAt!.toISOString().slice(0, 10)).getTime() + 21 * 86_400_000);
    await t.prisma.capacityDay.upsert({ where: { workCentreId_day: { workCentreId: operation.workCentreId, day: later } }, create: { workCentreId: operation.workCentreId, day: later, capacityHours: 16 }, update: {} });
    await t.prisma.$executeRawUnsafe(`INSERT INTO capacity_bookings (id, order_id, operation_id, work_centre_id, day, hours) VALUES ('late-booking', $1, $2, $3, $4, 1.5)`, delivered.id, operation.id, operation.workCentreId, later);
    await t.prisma.$executeRawUnsafe(`UPDATE capacity_days SET booked_hours = booked_hours + 1.5 WHERE work_centre_id = $1 AND day = $2`, operation.workCentreId, later);
    const details = (await checkConsistency(t.prisma)).map((f) => f.detail).join("\n");
    expect(details).toContain(`order ${delivered.number} (DELIVERED): ${operation.label} finished on`);
    expect(details).toContain(`still holds 1.5 h on ${later.toISOString().slice(0, 10)}`);
  });
});

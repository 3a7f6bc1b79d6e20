import { weekKey, weekStart } from "@/lib/delivery/weeks";
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
      // through production keeps at most what its finishing week used (the later weeks were given back).
      if (order.status === "CANCELLED" || order.status === "AWAITING_APPROVAL") expect(booked).toBe(0);
      else if (FINISHED.has(order.status)) expect(booked).toBeLessThanOrEqual(order.productionHours + 1e-6);
      else expect(booked).toBeCloseTo(order.productionHours, 6);
      expect(order.holdUntil !== null).toBe(order.status === "AWAITING_APPROVAL");
    }
    const weeks = await t.prisma.capacityWeek.findMany({ include: { bookings: true } });
    for (const week of weeks) {
      expect(week.bookedHours).toBeCloseTo(week.bookings.reduce((s, b) => s + b.hours, 0), 6);
      expect(week.bookedHours).toBeLessThanOrEqual(week.capacityHours);
    }
  });
});

const FINISHED = new Set(["QUALITY_CHECK", "READY_TO_SHIP", "SHIPPED", "DELIVERED"]);

describe("consistency check (npm run db:check)", () => {
  it("finds nothing wrong in the seeded database", async () => {
    expect(await checkConsistency(t.prisma)).toEqual([]);
  });

  it("reports a status that disagrees with the events, an overbooked week and a broken snapshot", async () => {
    const order = await t.prisma.order.findFirstOrThrow({ where: { status: "PLACED" } });
    await t.prisma.$executeRawUnsafe(`UPDATE orders SET status = 'CONFIRMED', total_cents = total_cents + 1 WHERE id = $1`, order.id);
    const week = await t.prisma.capacityWeek.findFirstOrThrow({ where: { bookedHours: { gt: 0 } } });
    await t.prisma.$executeRawUnsafe(`UPDATE capacity_weeks SET booked_hours = booked_hours - 0.5 WHERE week = $1`, week.week);
    const details = (await checkConsistency(t.prisma)).map((f) => f.detail).join("\n");
    expect(details).toContain(`order ${order.number} is CONFIRMED but its events say PLACED … PLACED`);
    expect(details).toContain(`order ${order.number}: total ${order.totalCents + 1}`);
    expect(details).toContain(`week ${week.week}: booked`);
  });

  it("reports an order delivered early that still holds hours after the week its production finished", async () => {
    const delivered = await t.prisma.order.findFirstOrThrow({ where: { status: "DELIVERED" }, include: { productionJob: true } });
    const later = weekKey(new Date(delivered.productionJob!.completedAt!.getTime() + 21 * 86_400_000));
    await t.prisma.capacityWeek.upsert({ where: { week: later }, create: { week: later, weekStart: weekStart(later), capacityHours: 40 }, update: {} });
    await t.prisma.$executeRawUnsafe(`INSERT INTO capacity_bookings (id, order_id, week, hours) VALUES ('late-booking', $1, $2, 1.5)`, delivered.id, later);
    await t.prisma.$executeRawUnsafe(`UPDATE capacity_weeks SET booked_hours = booked_hours + 1.5 WHERE week = $1`, later);
    const details = (await checkConsistency(t.prisma)).map((f) => f.detail).join("\n");
    expect(details).toContain(`order ${delivered.number} (DELIVERED) finished production on`);
    expect(details).toContain(`still holds 1.5 h in ${later}`);
  });
});

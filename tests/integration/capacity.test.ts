import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weekKey, weekStart } from "@/lib/delivery/weeks";
import { runTransaction } from "@/lib/db/transaction";
import { releaseCapacity } from "@/lib/delivery/capacity";
import { placeTestOrder } from "./helpers/orders";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
let customer: { id: string; name: string; email: string };

// Today is a Monday far ahead, so the planner starts in a known, empty week.
const today = new Date("2031-01-06T09:00:00Z");
const week = weekKey(today);

beforeAll(async () => {
  t = await createTestDatabase();
  await t.prisma.settings.create({ data: { id: 1, defaultWeeklyHours: 50, shippingDays: 3 } });
  customer = await t.prisma.user.create({ data: { email: "c@example.com", name: "C", passwordHash: "x" }, select: { id: true, name: true, email: true } });
});
afterAll(() => t.drop());

/** One order through placeOrder (its capacity booked in the order's transaction, as the checkout does). */
async function placeTaking(hours: number) {
  const order = await placeTestOrder(t, { customer, hours, now: today });
  return { orderId: order.id, bookings: order.bookings.map((b) => ({ week: b.week, hours: b.hours })), promisedDate: order.promisedDate };
}

describe(`capacity booking (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("200 concurrent one-hour bookings take exactly the 50 free hours of the first week and spill into the next", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => placeTaking(1)));
    const first = await t.prisma.capacityWeek.findUniqueOrThrow({ where: { week }, include: { bookings: true } });
    expect(first.capacityHours).toBe(50);
    expect(first.bookedHours).toBe(50);
    expect(first.bookings).toHaveLength(50);
    const weeks = await t.prisma.capacityWeek.findMany({ include: { bookings: true }, orderBy: { weekStart: "asc" } });
    expect(weeks.map((w) => w.bookedHours)).toEqual([50, 50, 50, 50]);
    for (const w of weeks) expect(w.bookings.reduce((s, b) => s + b.hours, 0)).toBe(w.bookedHours);
    // The promise follows the week each order landed in: Sunday of that week + 3 shipping days.
    const inFirst = results.filter((r) => r.bookings[0]?.week === week);
    expect(inFirst).toHaveLength(50);
    for (const r of inFirst) expect(r.promisedDate.toISOString().slice(0, 10)).toBe("2031-01-15");
  });

  it("a job bigger than a week's free hours spans several weeks, skipping a holiday week", async () => {
    const holiday = weekKey(new Date("2031-02-10T00:00:00Z"));
    await t.prisma.capacityWeek.create({ data: { week: holiday, weekStart: weekStart(holiday), capacityHours: 0, isOverride: true } });
    const plan = await placeTaking(120);
    // Weeks 1-4 (Jan) are full; the job takes W06 (50), skips W07 (holiday), W08 (50), W09 (20).
    expect(plan.bookings).toEqual([
      { week: "2031-W06", hours: 50 },
      { week: "2031-W08", hours: 50 },
      { week: "2031-W09", hours: 20 },
    ]);
    expect(plan.promisedDate.toISOString().slice(0, 10)).toBe("2031-03-05");
  });

  it("cancelling releases the hours so the next order can take them", async () => {
    const firstWeekBooking = await t.prisma.capacityBooking.findFirstOrThrow({ where: { week } });
    const released = await runTransaction(t.prisma, (tx) => releaseCapacity(tx, firstWeekBooking.orderId));
    expect(released).toBe(1);
    expect((await t.prisma.capacityWeek.findUniqueOrThrow({ where: { week } })).bookedHours).toBe(49);
    const plan = await placeTaking(1);
    expect(plan.bookings).toEqual([{ week, hours: 1 }]);
    expect((await t.prisma.capacityWeek.findUniqueOrThrow({ where: { week } })).bookedHours).toBe(50);
  });
});

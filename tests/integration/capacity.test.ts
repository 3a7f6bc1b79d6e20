import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTransaction } from "@/lib/db/transaction";
import { releaseCapacity } from "@/lib/delivery/capacity";
import { getDeliveryContext } from "@/lib/delivery/context";
import { estimateDelivery } from "@/lib/delivery/estimate";
import { checkConsistency } from "@/lib/db/ops/check";
import { placeTestOrder } from "./helpers/orders";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { bookedDays, orderBookings, setWorkshop } from "./helpers/workshop";

let t: TestDatabase;
let customer: { id: string; name: string; email: string };

// Today is a Monday far ahead, so the planner starts on a known, empty day. The Workshop works 10 h Monday to Friday.
const today = new Date("2031-01-06T09:00:00Z");
const iso = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestDatabase();
  await setWorkshop(t, [10, 10, 10, 10, 10, 0, 0], 3);
  customer = await t.prisma.user.create({ data: { email: "c@example.com", name: "C", passwordHash: "x" }, select: { id: true, name: true, email: true } });
});
afterAll(() => t.drop());

/** One order through placeOrder (its hours booked in the order's transaction, as the checkout does). */
async function placeTaking(hours: number, now = today) {
  const order = await placeTestOrder(t, { customer, hours, now });
  return { orderId: order.id, bookings: await orderBookings(t, order.id), promisedDate: iso(order.promisedDate) };
}

describe(`capacity booking per work centre and day (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("200 concurrent orders racing for the last hours of the Workshop: no day is overbooked and every hour lands somewhere", async () => {
    // The first week is nearly full: 47.5 of its 50 hours are taken, 2.5 are left (on Friday).
    const first = await placeTaking(47.5);
    expect(first.bookings).toEqual([["2031-01-06", 10], ["2031-01-07", 10], ["2031-01-08", 10], ["2031-01-09", 10], ["2031-01-10", 7.5]]);
    const results = await Promise.all(Array.from({ length: 200 }, () => placeTaking(0.5)));
    const days = await bookedDays(t);
    // The 2.5 free hours of Friday went to exactly five orders; the other 195 orders filled the next days in turn.
    expect(days["2031-01-10"]).toBe(10);
    expect(results.filter((r) => r.bookings[0]![0] === "2031-01-10")).toHaveLength(5);
    for (const hours of Object.values(days)) expect(hours).toBeLessThanOrEqual(10);
    expect(Object.values(days).reduce((s, h) => s + h, 0)).toBe(47.5 + 100);
    expect(Object.keys(days).filter((d) => [0, 6].includes(new Date(d).getUTCDay()))).toEqual([]); // no weekend work
    // Each promise follows the day its order's work ends: + 3 shipping days, moved to a working day.
    for (const r of results) {
      const end = r.bookings[r.bookings.length - 1]![0];
      const promised = new Date(`${end}T00:00:00Z`);
      promised.setUTCDate(promised.getUTCDate() + 3);
      while ([0, 6].includes(promised.getUTCDay())) promised.setUTCDate(promised.getUTCDate() + 1);
      expect(r.promisedDate).toBe(iso(promised));
    }
    // The capacity invariants of `npm run db:check` hold (the fixture's products have no options, hence no option rows).
    expect((await checkConsistency(t.prisma)).filter((f) => !f.invariant.startsWith("each order has its option rows"))).toEqual([]);
  });

  it("a job bigger than a day's free hours spans working days, skipping a closed day and a shop closure", async () => {
    await t.prisma.calendarException.create({ data: { workCentreId: "workshop", day: new Date("2031-03-03"), hours: 0, note: "Stocktaking" } });
    await t.prisma.shopClosure.create({ data: { name: "Spring break", firstDay: new Date("2031-03-05"), lastDay: new Date("2031-03-07") } });
    await t.prisma.settings.update({ where: { id: 1 }, data: { calendarVersion: { increment: 1 } } });
    const plan = await placeTaking(25, new Date("2031-03-03T08:00:00Z"));
    expect(plan.bookings).toEqual([["2031-03-04", 10], ["2031-03-10", 10], ["2031-03-11", 5]]);
    expect(plan.promisedDate).toBe("2031-03-14");
  });

  it("a change to the calendar moves the next estimate at once", async () => {
    const now = new Date("2031-06-02T08:00:00Z"); // a Monday with nothing booked
    const work = [{ workCentre: "workshop", hours: 30 }];
    const before = estimateDelivery(await getDeliveryContext(t.prisma, now), 0, work);
    expect(before).toMatchObject({ ok: true });
    await t.prisma.shopClosure.create({ data: { name: "Summer closure", firstDay: new Date("2031-06-02"), lastDay: new Date("2031-06-13") } });
    await t.prisma.settings.update({ where: { id: 1 }, data: { calendarVersion: { increment: 1 } } });
    const after = estimateDelivery(await getDeliveryContext(t.prisma, now), 0, work);
    if (!before.ok || !after.ok) throw new Error("expected plans");
    expect(iso(before.promisedDate)).toBe("2031-06-09");
    expect(iso(after.promisedDate)).toBe("2031-06-23");
    expect(after.reasons).toContainEqual({ kind: "closed", name: "Summer closure", first: "2031-06-02", last: "2031-06-13" });
    // And an order placed now is promised what the estimate said.
    expect((await placeTaking(30, now)).promisedDate).toBe("2031-06-23");
  });

  it("cancelling releases the hours so the next order can take them", async () => {
    const booking = await t.prisma.capacityBooking.findFirstOrThrow({ where: { day: new Date("2031-01-10"), hours: 0.5 } });
    const released = await runTransaction(t.prisma, (tx) => releaseCapacity(tx, booking.orderId));
    expect(released).toBe(0.5);
    expect((await bookedDays(t))["2031-01-10"]).toBe(9.5);
    const plan = await placeTaking(0.5);
    expect(plan.bookings).toEqual([["2031-01-10", 0.5]]);
    expect((await bookedDays(t))["2031-01-10"]).toBe(10);
  });
});

import type { TestDatabase } from "./test-db";

// The workshop of a test database: the migration's one "Workshop" centre (Monday to Friday), with the hours a
// test wants, as the order fixture's products are made there.

/** Sets the Workshop's hours per weekday (Monday first) and the shop's shipping days, as a calendar edit would. */
export async function setWorkshop(t: TestDatabase, weekdayHours: number[], shippingDays = 5): Promise<void> {
  await t.prisma.workCentre.update({ where: { id: "workshop" }, data: { weekdayHours } });
  await t.prisma.settings.upsert({
    where: { id: 1 },
    update: { shippingDays, calendarVersion: { increment: 1 } },
    create: { id: 1, shippingDays, calendarVersion: 1 },
  });
}

/** Booked hours per ISO day of one work centre, in day order. */
export async function bookedDays(t: TestDatabase, centre = "workshop"): Promise<Record<string, number>> {
  const days = await t.prisma.capacityDay.findMany({ where: { workCentreId: centre, bookedHours: { gt: 0 } }, orderBy: { day: "asc" } });
  return Object.fromEntries(days.map((d) => [d.day.toISOString().slice(0, 10), d.bookedHours]));
}

/** The bookings of an order as [ISO day, hours], in day order. */
export async function orderBookings(t: TestDatabase, orderId: string): Promise<[string, number][]> {
  const rows = await t.prisma.capacityBooking.findMany({ where: { orderId }, orderBy: { day: "asc" }, select: { day: true, hours: true } });
  return rows.map((b) => [b.day.toISOString().slice(0, 10), b.hours]);
}

import { nextWeeks, weekEnd, weekStart } from "@/lib/delivery/weeks";
import type { Prisma } from "@/lib/db/client";
import { getSettings } from "@/lib/settings/queries";
import type { OrderStatus } from "@/lib/orders/status";

export type CapacityWeekView = {
  week: string;
  start: Date;
  end: Date;
  capacityHours: number;
  bookedHours: number;
  isOverride: boolean;
  orders: { number: string; status: OrderStatus; productName: string; customerName: string; hours: number }[];
};

/** The next `count` ISO weeks from today: capacity (default or override), booked hours and the orders booked in each. */
export async function findCapacityWeeks(db: Prisma, today = new Date(), count = 12): Promise<CapacityWeekView[]> {
  const keys = nextWeeks(today, count);
  const [settings, rows, bookings] = await Promise.all([
    getSettings(db),
    db.capacityWeek.findMany({ where: { week: { in: keys } }, select: { week: true, capacityHours: true, bookedHours: true, isOverride: true } }),
    db.capacityBooking.findMany({
      where: { week: { in: keys } },
      select: { week: true, hours: true, order: { select: { number: true, status: true, promisedDate: true, product: { select: { name: true } }, customer: { select: { name: true } } } } },
      orderBy: [{ order: { promisedDate: "asc" } }],
    }),
  ]);
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return keys.map((week) => {
    const row = byWeek.get(week);
    return {
      week,
      start: weekStart(week),
      end: weekEnd(week),
      capacityHours: row?.capacityHours ?? settings.defaultWeeklyHours,
      bookedHours: row?.bookedHours ?? 0,
      isOverride: row?.isOverride ?? false,
      orders: bookings
        .filter((b) => b.week === week)
        .map((b) => ({ number: b.order.number, status: b.order.status, productName: b.order.product.name, customerName: b.order.customer.name, hours: b.hours })),
    };
  });
}

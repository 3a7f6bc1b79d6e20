import type { Prisma } from "@/lib/db/client";
import type { OrderStatus } from "@/lib/orders/status";
import { getSettings } from "@/lib/settings/queries";
import { nextWeeks, weekEnd, weekStart } from "./weeks";

/** An order's hours booked into one week. */
export type CapacityWeekOrder = { number: string; status: OrderStatus; productName: string; customerName: string; hours: number };

/** One ISO week as the capacity pages show it: capacity (default or override), hours booked and, when asked for, the orders booked. */
export type CapacityWeekView = {
  week: string;
  start: Date;
  end: Date;
  capacityHours: number;
  bookedHours: number;
  isOverride: boolean;
  /** The orders booked in the week, by promised date; empty unless read `withOrders`. */
  orders: CapacityWeekOrder[];
};

export type CapacityWeeksOptions = {
  /** How many weeks from today's (12). */
  count?: number;
  /** Read the orders booked in each week (true; the staff capacity page), or only the load (false). */
  withOrders?: boolean;
  /** The shop's default weekly hours when the caller has the settings already; read otherwise. */
  defaultWeeklyHours?: number;
};

/** The next `count` ISO weeks from `today`: capacity (weeks without a row follow the default), booked hours and the orders booked in each. */
export async function findCapacityWeeks(db: Prisma, today = new Date(), options: CapacityWeeksOptions = {}): Promise<CapacityWeekView[]> {
  const { count = 12, withOrders = true } = options;
  const keys = nextWeeks(today, count);
  const [defaultWeeklyHours, rows, bookings] = await Promise.all([
    options.defaultWeeklyHours ?? getSettings(db).then((s) => s.defaultWeeklyHours),
    db.capacityWeek.findMany({ where: { week: { in: keys } }, select: { week: true, capacityHours: true, bookedHours: true, isOverride: true } }),
    withOrders
      ? db.capacityBooking.findMany({
          where: { week: { in: keys } },
          select: { week: true, hours: true, order: { select: { number: true, status: true, promisedDate: true, product: { select: { name: true } }, customer: { select: { name: true } } } } },
          orderBy: [{ order: { promisedDate: "asc" } }],
        })
      : [],
  ]);
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return keys.map((week) => {
    const row = byWeek.get(week);
    return {
      ...weekOf(week, row?.capacityHours ?? defaultWeeklyHours, row?.bookedHours ?? 0, row?.isOverride ?? false),
      orders: bookings
        .filter((b) => b.week === week)
        .map((b) => ({ number: b.order.number, status: b.order.status, productName: b.order.product.name, customerName: b.order.customer.name, hours: b.hours })),
    };
  });
}

/** Overrides set for weeks starting after `after`, beyond the visible window (so none is forgotten); without their orders. */
export async function findLaterOverrides(db: Prisma, after: Date): Promise<CapacityWeekView[]> {
  const rows = await db.capacityWeek.findMany({ where: { isOverride: true, weekStart: { gt: after } }, orderBy: { weekStart: "asc" }, take: 50 });
  return rows.map((r) => ({ ...weekOf(r.week, r.capacityHours, r.bookedHours, true), orders: [] }));
}

function weekOf(week: string, capacityHours: number, bookedHours: number, isOverride: boolean) {
  return { week, start: weekStart(week), end: weekEnd(week), capacityHours, bookedHours, isOverride };
}

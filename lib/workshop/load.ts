import { capacityGrid, dateOfDay, dayOfDate, weekdayIndex } from "@/lib/delivery/calendar";
import { isWeekKey, weekKey, weekStart } from "@/lib/delivery/weeks";
import type { Tx } from "@/lib/db/types";
import type { OrderStatus } from "@/lib/orders/status";
import { readWorkshopCalendar } from "./queries";

// The load view: per work centre and ISO week, the hours booked against the hours available (capacity_days
// where a day holds bookings, the calendar elsewhere), the bottleneck, and the orders booked in a centre-week.

/** Monday (day number) of the ISO week holding day `n`. */
export const mondayOf = (n: number) => n - weekdayIndex(n);

/** The ISO week key ("2026-W52") of day number `n`. */
export function isoWeekKey(n: number): string {
  return weekKey(dateOfDay(n));
}

/** Monday (day number) of an ISO week key, or null when it is not one. */
export function mondayOfWeek(key: string): number | null {
  return isWeekKey(key) ? dayOfDate(weekStart(key)) : null;
}

export type CentreWeek = { week: string; available: number; booked: number; ratio: number };
export type CentreLoad = { id: string; name: string; active: boolean; available: number; booked: number; ratio: number; weeks: CentreWeek[] };
export type WeekInfo = { week: string; start: Date; end: Date; /** The centre with the highest booked/available share that week (null: nothing booked). */ fullest: string | null };
export type WorkshopLoad = { weeks: WeekInfo[]; centres: CentreLoad[]; /** The centre with the highest share booked over the window (null: nothing booked). */ bottleneck: string | null };

const round = (h: number) => Math.round(h * 10) / 10;
/** Booked share of the available hours (a day with hours booked but none available counts as full). */
const ratioOf = (booked: number, available: number) => (available > 0 ? booked / available : booked > 0 ? 1 : 0);

function fullestOf<T extends { booked: number; ratio: number }>(items: { id: string; load: T }[]): string | null {
  let best: { id: string; load: T } | null = null;
  for (const item of items) if (item.load.booked > 0 && (!best || item.load.ratio > best.load.ratio)) best = item;
  return best?.id ?? null;
}

/** Booked vs available hours per work centre and ISO week, `weeks` weeks from the one holding `today`. */
export async function findWorkshopLoad(db: Tx, { today = new Date(), weeks = 12 }: { today?: Date; weeks?: number } = {}): Promise<WorkshopLoad> {
  const from = mondayOf(dayOfDate(today));
  const days = weeks * 7;
  const [calendar, centres, rows] = await Promise.all([
    readWorkshopCalendar(db, dateOfDay(from)),
    db.workCentre.findMany({ orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, active: true, weekdayHours: true } }),
    db.capacityDay.findMany({ where: { day: { gte: dateOfDay(from), lt: dateOfDay(from + days) } }, select: { workCentreId: true, day: true, capacityHours: true, bookedHours: true } }),
  ]);
  // Inactive centres are shown while they still hold bookings in the window.
  const holding = new Set(rows.filter((r) => r.bookedHours > 0).map((r) => r.workCentreId));
  const shown = centres.filter((c) => c.active || holding.has(c.id));
  const grid = capacityGrid({ ...calendar, centres: shown }, from, days);
  const booked = shown.map(() => new Float64Array(days));
  const index = new Map(shown.map((c, i) => [c.id, i]));
  for (const row of rows) {
    const i = index.get(row.workCentreId);
    const offset = dayOfDate(row.day) - from;
    if (i === undefined || offset < 0 || offset >= days) continue;
    grid.centres[i]!.capacity[offset] = row.capacityHours;
    booked[i]![offset] = row.bookedHours;
  }
  const loads: CentreLoad[] = shown.map((centre, i) => {
    const weekLoads: CentreWeek[] = [];
    for (let w = 0; w < weeks; w++) {
      let available = 0;
      let hours = 0;
      for (let d = w * 7; d < w * 7 + 7; d++) {
        available += grid.centres[i]!.capacity[d]!;
        hours += booked[i]![d]!;
      }
      weekLoads.push({ week: isoWeekKey(from + w * 7), available: round(available), booked: round(hours), ratio: ratioOf(hours, available) });
    }
    const available = weekLoads.reduce((a, w) => a + w.available, 0);
    const total = weekLoads.reduce((a, w) => a + w.booked, 0);
    return { id: centre.id, name: centre.name, active: centre.active, available: round(available), booked: round(total), ratio: ratioOf(total, available), weeks: weekLoads };
  });
  const weekInfo: WeekInfo[] = Array.from({ length: weeks }, (_, w) => ({
    week: isoWeekKey(from + w * 7),
    start: dateOfDay(from + w * 7),
    end: dateOfDay(from + w * 7 + 6),
    fullest: fullestOf(loads.map((c) => ({ id: c.id, load: c.weeks[w]! }))),
  }));
  return { weeks: weekInfo, centres: loads, bottleneck: fullestOf(loads.map((c) => ({ id: c.id, load: c }))) };
}

export type BookedOrder = { number: string; status: OrderStatus; productName: string; customerName: string; operations: string[]; hours: number };

/** The orders with hours booked at a work centre in an ISO week, most hours first (null: no such week). */
export async function findCentreWeekOrders(db: Tx, centreId: string, week: string): Promise<BookedOrder[] | null> {
  const monday = mondayOfWeek(week);
  if (monday === null) return null;
  const bookings = await db.capacityBooking.findMany({
    where: { workCentreId: centreId, day: { gte: dateOfDay(monday), lte: dateOfDay(monday + 6) } },
    select: {
      hours: true,
      operation: { select: { label: true } },
      order: { select: { number: true, status: true, product: { select: { name: true } }, customer: { select: { name: true } } } },
    },
  });
  const byOrder = new Map<string, BookedOrder>();
  for (const b of bookings) {
    const entry = byOrder.get(b.order.number) ?? { number: b.order.number, status: b.order.status, productName: b.order.product.name, customerName: b.order.customer.name, operations: [], hours: 0 };
    entry.hours += b.hours;
    if (!entry.operations.includes(b.operation.label)) entry.operations.push(b.operation.label);
    byOrder.set(b.order.number, entry);
  }
  return [...byOrder.values()].map((o) => ({ ...o, hours: round(o.hours) })).sort((a, b) => b.hours - a.hours || a.number.localeCompare(b.number));
}

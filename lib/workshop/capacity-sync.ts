import { dateOfDay, dayNumber, dayOfDate, hoursOnDay, isoDay, type WorkshopCalendar } from "@/lib/delivery/calendar";
import { isCapacityConflict } from "@/lib/delivery/capacity";
import { formatDate } from "@/lib/dates";
import type { Tx } from "@/lib/db/types";

// Keeps the capacity of booked days (capacity_days) in step with the calendar after an edit, and refuses an
// edit that would take a day below the hours already booked on it, naming the orders booked there.

/** A refusal inside a calendar change: the transaction rolls back and the form shows the message. */
export class WorkshopRefusal extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = "WorkshopRefusal";
  }
}

/** Which booked days an edit can change: some centres (or all) from one day to another (inclusive; open-ended without `to`). */
export type CapacityScope = { centres: string[] | "all"; from: number; to?: number };

const EPSILON = 1e-6;
export const hoursText = (h: number) => `${Math.round(h * 10) / 10} h`;

/** The whole calendar (inactive centres too, since their booked days keep their rows) that covers `from`..`to`. */
async function readCalendar(tx: Tx, from: number, to: number | undefined): Promise<WorkshopCalendar & { names: Map<string, string> }> {
  const since = dateOfDay(from);
  const until = to === undefined ? undefined : dateOfDay(to);
  const [centres, exceptions, closures] = await Promise.all([
    tx.workCentre.findMany({ select: { id: true, name: true, weekdayHours: true } }),
    tx.calendarException.findMany({ where: { day: { gte: since, ...(until ? { lte: until } : {}) } }, select: { workCentreId: true, day: true, hours: true } }),
    tx.shopClosure.findMany({ where: { lastDay: { gte: since }, ...(until ? { firstDay: { lte: until } } : {}) }, select: { name: true, firstDay: true, lastDay: true } }),
  ]);
  return {
    centres,
    exceptions: exceptions.map((e) => ({ centre: e.workCentreId, day: isoDay(dayOfDate(e.day)), hours: e.hours })),
    closures: closures.map((c) => ({ name: c.name, first: isoDay(dayOfDate(c.firstDay)), last: isoDay(dayOfDate(c.lastDay)) })),
    names: new Map(centres.map((c) => [c.id, c.name])),
  };
}

type Overbooked = { centre: string; day: string; booked: number };

/** "Upholstery on 24 Dec 2026 has 12 h booked (AT-2026-000031, AT-2026-000040): it cannot go below that." */
async function overbookingMessage(tx: Tx, names: Map<string, string>, days: Overbooked[]): Promise<string> {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day) || a.centre.localeCompare(b.centre));
  const first = sorted[0]!;
  const orders = await tx.capacityBooking.findMany({
    where: { workCentreId: first.centre, day: dateOfDay(dayNumber(first.day)) },
    select: { order: { select: { number: true } } },
    distinct: ["orderId"],
  });
  const numbers = [...new Set(orders.map((o) => o.order.number))].sort();
  const name = names.get(first.centre) ?? first.centre;
  const more = sorted.length - 1;
  return (
    `${name} on ${formatDate(dateOfDay(dayNumber(first.day)))} has ${hoursText(first.booked)} booked` +
    `${numbers.length ? ` (${numbers.join(", ")})` : ""}: it cannot go below that.` +
    (more > 0 ? ` ${more} more day${more === 1 ? " is" : "s are"} booked above the new hours too.` : "")
  );
}

/**
 * Sets the capacity of the booked days in `scope` (from `today` on: past days keep theirs) to what the
 * calendar now says, or refuses (WorkshopRefusal) when a day would drop below its booked hours. The caller
 * holds the booking lock, so nothing books in between; capacity_days_hours_check is still the backstop, and
 * its violation is turned into the same message. `check: false` skips the first check (tests of the backstop).
 */
export async function syncCapacityDays(tx: Tx, scope: CapacityScope, today: number, { check = true } = {}): Promise<number> {
  const from = Math.max(scope.from, today);
  if (scope.to !== undefined && scope.to < from) return 0;
  const rows = await tx.capacityDay.findMany({
    where: {
      day: { gte: dateOfDay(from), ...(scope.to !== undefined ? { lte: dateOfDay(scope.to) } : {}) },
      ...(scope.centres === "all" ? {} : { workCentreId: { in: scope.centres } }),
    },
    select: { workCentreId: true, day: true, capacityHours: true, bookedHours: true },
  });
  if (rows.length === 0) return 0;
  const calendar = await readCalendar(tx, from, scope.to);
  const changed = rows
    .map((r) => {
      const day = isoDay(dayOfDate(r.day));
      return { centre: r.workCentreId, day, booked: r.bookedHours, before: r.capacityHours, capacity: hoursOnDay(calendar, r.workCentreId, day) };
    })
    .filter((r) => Math.abs(r.capacity - r.before) > EPSILON);
  if (changed.length === 0) return 0;
  const over = changed.filter((r) => r.booked > r.capacity + EPSILON);
  if (check && over.length > 0) throw new WorkshopRefusal(await overbookingMessage(tx, calendar.names, over));
  const payload = JSON.stringify(changed.map((r) => ({ centre: r.centre, day: r.day, capacity: r.capacity })));
  await tx.$executeRawUnsafe(`SAVEPOINT workshop_capacity`);
  try {
    await tx.$executeRawUnsafe(
      `UPDATE "capacity_days" d SET "capacity_hours" = c."capacity", "updated_at" = now()
         FROM jsonb_to_recordset($1::jsonb) AS c("centre" text, "day" date, "capacity" float8)
        WHERE d."work_centre_id" = c."centre" AND d."day" = c."day"`,
      payload,
    );
  } catch (error) {
    if (!isCapacityConflict(error)) throw error;
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT workshop_capacity`);
    throw new WorkshopRefusal(await overbookingMessage(tx, calendar.names, over.length ? over : changed));
  }
  await tx.$executeRawUnsafe(`RELEASE SAVEPOINT workshop_capacity`);
  return changed.length;
}

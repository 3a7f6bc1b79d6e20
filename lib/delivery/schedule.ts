import { nextSpan, plural } from "../plural";
import { cleanFloat } from "../configurator/evaluate/rounding";
import { capacityGrid, dateOfDay, dayNumber, dayOfDate, firstOpenDay, isoDay, type CapacityGrid, type WorkshopCalendar } from "./calendar";

// Capable-to-promise over work centres and working days (DESIGN.md, "Delivery promise"):
// - materials are ready `leadDays` calendar days after today;
// - each operation, in routing order, is forward-scheduled day by day into its work centre's free hours
//   (capacity by the calendar minus hours already booked), from the day the materials are ready, or for a
//   later operation from the working day after the previous one ends (the piece moves on overnight);
//   an operation with no hours is skipped;
// - promised delivery = the end of the last operation + shippingDays calendar days, moved to the next day the
//   shop works when it falls on a closed one.
// The plan also says why the date is what it is (materials, a centre booked up, a closure), and which days it
// looked at with the hours it saw booked there: placement checks those under the booking lock.

export type OperationNeed = { key: string; label: string; workCentre: string; hours: number };

/** Hours already booked per centre and ISO day. */
export type BookedHours = Record<string, Record<string, number>>;

export type ScheduleInput = {
  today: Date;
  leadDays: number;
  operations: OperationNeed[];
  shippingDays: number;
  calendar: WorkshopCalendar;
  booked: BookedHours;
  /** How far ahead the plan may book (728 days: 104 weeks). */
  horizonDays?: number;
  /** List the days looked at (`seen`), for placement to check under the lock; the browser's estimate does not. */
  trace?: boolean;
};

export type DayBooking = { day: string; hours: number; capacity: number };

export type ScheduledOperation = OperationNeed & {
  centreName: string;
  /** The first and last day it is booked (ISO). */
  start: string;
  end: string;
  bookings: DayBooking[];
};

/** Why the promise is the date it is, most important first. */
export type PromiseReason =
  | { kind: "materials"; until: string; days: number }
  | { kind: "booked"; centre: string; centreName: string; until: string }
  | { kind: "closed"; name: string; first: string; last: string };

export type Schedule =
  | {
      ok: true;
      materialsReady: string;
      operations: ScheduledOperation[];
      productionEnd: string;
      promisedDate: string;
      reasons: PromiseReason[];
      /** Every working day the plan looked at per centre, with the hours it saw booked. */
      seen: { centre: string; day: string; booked: number }[];
    }
  | { ok: false; code: "invalid" | "unplannable" | "full"; message: string };

export const HORIZON_DAYS = 728;
const EPSILON = 0.000001;

/** Plans an order's operations into the workshop's free hours and returns the promised delivery date. */
export function scheduleOrder(input: ScheduleInput): Schedule {
  const { today, leadDays, shippingDays, operations, calendar } = input;
  const horizon = input.horizonDays ?? HORIZON_DAYS;
  if (!(today instanceof Date) || Number.isNaN(today.getTime())) return invalid("Today is not a valid date");
  if (!Number.isInteger(leadDays) || leadDays < 0) return invalid("Lead days must be a whole number of days, 0 or more");
  if (!Number.isInteger(shippingDays) || shippingDays < 0) return invalid("Shipping days must be a whole number of days, 0 or more");
  if (!Number.isInteger(horizon) || horizon < 1) return invalid("The horizon must be at least one day");
  for (const op of operations) if (!(Number.isFinite(op.hours) && op.hours >= 0)) return invalid("Production hours must be 0 or more");

  const first = dayOfDate(today);
  const materials = first + leadDays;
  // The grid reaches past the horizon by the shipping days and a margin, to find a working delivery day.
  const grid = capacityGrid(calendar, first, leadDays + horizon + shippingDays + 60);
  const centreIndex = new Map(grid.centres.map((c, i) => [c.id, i]));
  for (const op of operations) {
    if (op.hours > 0 && !centreIndex.has(op.workCentre)) {
      return { ok: false, code: "unplannable", message: `This product cannot be planned: its ${op.label} work centre is not in use. Contact us.` };
    }
  }
  const free = freeHours(grid, input.booked);
  const limit = materials + horizon; // exclusive

  const reasons: PromiseReason[] = [];
  if (leadDays > 0) reasons.push({ kind: "materials", until: isoDay(materials), days: leadDays });
  const seen: { centre: string; day: string; booked: number }[] = [];
  const scheduled: ScheduledOperation[] = [];
  let earliest = materials;
  let end = materials;
  for (const op of operations) {
    if (op.hours <= 0) continue;
    const ci = centreIndex.get(op.workCentre)!;
    const centre = grid.centres[ci]!;
    const freeRow = free[ci]!;
    let remaining = op.hours;
    let lastFull = -1;
    let firstWorking = -1;
    const bookings: DayBooking[] = [];
    let day = earliest;
    for (; day < limit && remaining > EPSILON; day++) {
      const offset = day - grid.from;
      const capacity = centre.capacity[offset]!;
      if (capacity <= 0) continue;
      if (firstWorking < 0) firstWorking = day;
      const available = freeRow[offset]!;
      if (input.trace) seen.push({ centre: centre.id, day: isoDay(day), booked: input.booked[centre.id]?.[isoDay(day)] ?? 0 });
      if (available <= EPSILON) {
        if (bookings.length === 0) lastFull = day;
        continue;
      }
      const used = cleanFloat(Math.min(available, remaining));
      bookings.push({ day: isoDay(day), hours: used, capacity });
      remaining = cleanFloat(remaining - used);
    }
    if (remaining > EPSILON) return { ok: false, code: "full", message: fullyBookedMessage(centre, freeRow, grid.from, op.hours, materials, limit) };
    end = day - 1;
    if (lastFull >= 0 && lastFull >= firstWorking) reasons.push({ kind: "booked", centre: centre.id, centreName: centre.name, until: isoDay(lastFull) });
    scheduled.push({ ...op, centreName: centre.name, start: bookings[0]!.day, end: isoDay(end), bookings });
    earliest = end + 1;
  }

  const promised = firstOpenDay(grid, end + shippingDays);
  for (const closure of calendar.closures) {
    if (dayNumber(closure.first) <= promised && dayNumber(closure.last) >= materials) {
      reasons.push({ kind: "closed", name: closure.name, first: closure.first, last: closure.last });
    }
  }
  return { ok: true, materialsReady: isoDay(materials), operations: scheduled, productionEnd: isoDay(end), promisedDate: isoDay(promised), reasons, seen };
}

/** Free hours per centre per grid day: capacity minus what is booked (never below 0). */
function freeHours(grid: CapacityGrid, booked: BookedHours): Float64Array[] {
  return grid.centres.map((centre) => {
    const row = Float64Array.from(centre.capacity);
    const byDay = booked[centre.id];
    if (byDay) {
      for (const day in byDay) {
        const offset = fastDay(day) - grid.from;
        if (offset >= 0 && offset < grid.days) row[offset] = Math.max(0, cleanFloat(row[offset]! - byDay[day]!));
      }
    }
    return row;
  });
}

/** Day number of an ISO date from the database or the server (trusted: not validated). */
function fastDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

function invalid(message: string): Schedule {
  return { ok: false, code: "invalid", message };
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** What the customer reads when a centre cannot take an operation within the horizon. */
function fullyBookedMessage(centre: { name: string; capacity: Float64Array }, free: Float64Array, from: number, hours: number, first: number, limit: number): string {
  let total = 0;
  let lastFull = first;
  for (let day = first; day < limit; day++) {
    const offset = day - from;
    if (centre.capacity[offset]! <= 0) continue;
    total += free[offset]!;
    if (free[offset]! <= EPSILON) lastFull = day;
  }
  const weeks = Math.round((limit - first) / 7);
  const needs = `this order needs ${Math.round(hours * 10) / 10} there. Choose a smaller quantity or contact us.`;
  if (total <= EPSILON) return `Fully booked: ${centre.name} has no free hours in the ${nextSpan(weeks, "week")} and ${needs}`;
  return `Fully booked until ${longDate.format(dateOfDay(lastFull + 1))}: ${centre.name} has ${plural(Math.floor(total), "free hour")} in the ${nextSpan(weeks, "week")} and ${needs}`;
}

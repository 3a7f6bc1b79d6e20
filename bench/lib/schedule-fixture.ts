// The delivery plan of the engine benchmark (bench/engine.ts): a busy workshop of 5 work centres over the
// 104 weeks the planner may book, and an order of 4 operations over 4 of them. Deterministic (seeded PRNG),
// so every run plans the same order on the same load.
//
// - The centres work Monday to Friday (one also on Saturday mornings) with a few exceptions (a holiday, an
//   overtime Saturday, a maintenance day) and the shop closes from 24 December to 1 January every year.
// - For 100 weeks from today almost every working day is booked full; about one day in 36 has an hour or two
//   free. The last four weeks of the horizon are free. Each operation picks up the scattered free hours
//   of its centre, so the plan walks well past a year before the order is done: close to the planner's worst
//   case that still finds a date (a plan that finds none stops at the horizon too).
import type { WorkshopCalendar } from "../../lib/delivery/calendar";
import { dayOfDate, isoDay, weekdayIndex } from "../../lib/delivery/calendar";
import type { DeliveryContext } from "../../lib/delivery/estimate-json";
import type { BookedHours, OperationNeed, ScheduleInput } from "../../lib/delivery/schedule";
import { random } from "./engine-fixture";

export const SCHEDULE_TODAY = new Date(Date.UTC(2026, 11, 1));
export const SCHEDULE_LEAD_DAYS = 10;
export const SCHEDULE_SHIPPING_DAYS = 3;
/** Weeks from today in which almost every working day is booked full. */
export const BUSY_WEEKS = 100;

export const SCHEDULE_CALENDAR: WorkshopCalendar = {
  centres: [
    { id: "frame", name: "Frame shop", weekdayHours: [16, 16, 16, 16, 16, 0, 0] },
    { id: "upholstery", name: "Upholstery", weekdayHours: [24, 24, 24, 24, 24, 0, 0] },
    { id: "paint", name: "Paint shop", weekdayHours: [8, 8, 8, 8, 8, 0, 0] },
    { id: "assembly", name: "Assembly", weekdayHours: [16, 16, 16, 16, 16, 4, 0] },
    { id: "finishing", name: "Finishing", weekdayHours: [8, 8, 8, 8, 8, 0, 0] },
  ],
  exceptions: [
    { centre: "paint", day: "2026-12-10", hours: 0 }, // spray booth maintenance
    { centre: "upholstery", day: "2027-02-13", hours: 8 }, // an overtime Saturday
    { centre: "frame", day: "2027-04-02", hours: 0 }, // Good Friday
    { centre: "assembly", day: "2027-04-02", hours: 0 },
    { centre: "frame", day: "2027-05-03", hours: 0 }, // bank holiday
    { centre: "paint", day: "2027-09-15", hours: 4 },
  ],
  closures: [
    { name: "Winter closure", first: "2026-12-24", last: "2027-01-01" },
    { name: "Winter closure", first: "2027-12-24", last: "2028-01-01" },
    { name: "Winter closure", first: "2028-12-24", last: "2029-01-01" },
  ],
};

/** The order: 4 operations over 4 centres (the finishing centre is in the calendar and busy, but not in this routing). */
export const SCHEDULE_OPERATIONS: OperationNeed[] = [
  { key: "frame", label: "Frame", workCentre: "frame", hours: 4 },
  { key: "upholstery", label: "Upholstery", workCentre: "upholstery", hours: 6 },
  { key: "paint", label: "Paint", workCentre: "paint", hours: 2 },
  { key: "assembly", label: "Assembly", workCentre: "assembly", hours: 3 },
];

/** Hours booked per centre and day: full on most working days of BUSY_WEEKS, a few free hours now and then. */
export function busyBookings(calendar: WorkshopCalendar = SCHEDULE_CALENDAR, today: Date = SCHEDULE_TODAY): BookedHours {
  const rand = random(20_261_201);
  const first = dayOfDate(today);
  const closed = (iso: string) => calendar.closures.some((c) => c.first <= iso && iso <= c.last);
  const booked: BookedHours = {};
  for (const centre of calendar.centres) {
    const days: Record<string, number> = {};
    for (let day = first; day < first + BUSY_WEEKS * 7; day++) {
      const iso = isoDay(day);
      const exception = calendar.exceptions.find((e) => e.centre === centre.id && e.day === iso);
      const capacity = closed(iso) ? 0 : exception ? exception.hours : centre.weekdayHours[weekdayIndex(day)]!;
      if (capacity <= 0) continue;
      const free = rand() < 1 / 36 ? Math.min(capacity, 1 + Math.floor(rand() * 2)) : 0;
      if (capacity - free > 0) days[iso] = capacity - free;
    }
    booked[centre.id] = days;
  }
  return booked;
}

/** The planner's input for the benchmark's order (`trace`: list the days looked at, as placement does). */
export function scheduleInput(trace = false): ScheduleInput {
  return {
    today: SCHEDULE_TODAY,
    leadDays: SCHEDULE_LEAD_DAYS,
    operations: SCHEDULE_OPERATIONS,
    shippingDays: SCHEDULE_SHIPPING_DAYS,
    calendar: SCHEDULE_CALENDAR,
    booked: busyBookings(),
    trace,
  };
}

/** The same workshop as /api/delivery-context sends it to the browser (before JSON: the caller round-trips it). */
export function scheduleContext(): DeliveryContext {
  return { today: isoDay(dayOfDate(SCHEDULE_TODAY)), shippingDays: SCHEDULE_SHIPPING_DAYS, calendar: SCHEDULE_CALENDAR, booked: busyBookings() };
}

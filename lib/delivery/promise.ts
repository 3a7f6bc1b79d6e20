import { addDays, startOfDay } from "date-fns";
import { cleanFloat } from "../configurator/evaluate/rounding";
import { plain, utc } from "./utc-date";
import { nextWeeks, weekEnd } from "./weeks";

// Capable-to-promise: when can an order be delivered, given its material lead time, its production
// hours and how many hours each ISO week still has free.
// - Materials are ready `leadDays` calendar days after today (UTC day).
// - Production is booked into the first weeks, starting with the ISO week that contains that day,
//   that have free hours (capacity - booked), taking as many hours from each as it can.
// - Production ends at the end of the last booked week: its Sunday (dates are UTC calendar days at
//   00:00). The promised date is that Sunday + shippingDays calendar days.
// - With no production hours, production ends when the materials are ready.

export type DeliveryInput = {
  today: Date;
  leadDays: number;
  productionHours: number;
  shippingDays: number;
  defaultWeeklyHours: number;
  /** Capacity per week key when it differs from the default (e.g. 0 for a holiday week). */
  overrides?: Record<string, number>;
  /** Hours already booked per week key. */
  booked?: Record<string, number>;
  horizonWeeks?: number;
};

export type WeekLoad = { week: string; capacityHours: number; bookedHours: number; freeHours: number; usedHours: number };

export type DeliveryPlan =
  | {
      ok: true;
      materialsReady: Date;
      bookings: { week: string; hours: number }[];
      productionEnd: Date;
      promisedDate: Date;
      /** Every week looked at, from the first possible one to the last booked one. */
      weeks: WeekLoad[];
    }
  | { ok: false; message: string };

const nonNegative = (value: number) => Number.isFinite(value) && value >= 0;

/** Plans production into free weekly capacity and returns the promised delivery date. */
export function planDelivery(input: DeliveryInput): DeliveryPlan {
  const { today, leadDays, productionHours, shippingDays, defaultWeeklyHours } = input;
  const horizonWeeks = input.horizonWeeks ?? 104;
  if (!(today instanceof Date) || Number.isNaN(today.getTime())) return { ok: false, message: "Today is not a valid date" };
  if (!Number.isInteger(leadDays) || leadDays < 0) return { ok: false, message: "Lead days must be a whole number of days, 0 or more" };
  if (!Number.isInteger(shippingDays) || shippingDays < 0) return { ok: false, message: "Shipping days must be a whole number of days, 0 or more" };
  if (!nonNegative(productionHours)) return { ok: false, message: "Production hours must be 0 or more" };
  if (!nonNegative(defaultWeeklyHours)) return { ok: false, message: "Weekly capacity must be 0 or more" };
  if (!Number.isInteger(horizonWeeks) || horizonWeeks < 1) return { ok: false, message: "The horizon must be at least one week" };

  const materialsReady = plain(addDays(startOfDay(today, { in: utc }), leadDays, { in: utc }));
  if (productionHours === 0) {
    return { ok: true, materialsReady, bookings: [], productionEnd: materialsReady, promisedDate: plain(addDays(materialsReady, shippingDays, { in: utc })), weeks: [] };
  }

  let remaining = productionHours;
  const bookings: { week: string; hours: number }[] = [];
  const weeks: WeekLoad[] = [];
  for (const week of nextWeeks(materialsReady, horizonWeeks)) {
    const capacity = input.overrides?.[week] ?? defaultWeeklyHours;
    const booked = input.booked?.[week] ?? 0;
    const free = Math.max(0, cleanFloat(capacity - booked));
    const used = cleanFloat(Math.min(free, remaining));
    weeks.push({ week, capacityHours: capacity, bookedHours: booked, freeHours: free, usedHours: used });
    if (used > 0) {
      bookings.push({ week, hours: used });
      remaining = cleanFloat(remaining - used);
    }
    if (remaining <= 0) {
      const productionEnd = weekEnd(week);
      return { ok: true, materialsReady, bookings, productionEnd, promisedDate: plain(addDays(productionEnd, shippingDays, { in: utc })), weeks };
    }
  }
  return { ok: false, message: fullyBookedMessage(weeks, productionHours, shippingDays) };
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * What the customer reads when the horizon cannot take an order: the earliest date the workshop could still
 * deliver anything (after the last week with no free hours), and how many hours are free in all.
 */
function fullyBookedMessage(weeks: WeekLoad[], productionHours: number, shippingDays: number): string {
  const free = cleanFloat(weeks.reduce((sum, w) => sum + w.freeHours, 0));
  let lastFull = -1;
  weeks.forEach((w, i) => {
    if (w.freeHours <= 0) lastFull = i;
  });
  const until = lastFull >= 0 ? weekEnd(weeks[lastFull]!.week) : weeks.length ? weekEnd(weeks[weeks.length - 1]!.week) : new Date();
  const earliest = plain(addDays(until, shippingDays, { in: utc }));
  return `Fully booked until ${longDate.format(earliest)}: the workshop has ${Math.floor(free)} free hours in the next ${weeks.length} weeks and this order needs ${Math.round(productionHours * 10) / 10}. Choose a smaller quantity or contact us.`;
}

import { planDelivery } from "@/lib/configurator/promise";
import { weekKey, weekStart } from "@/lib/configurator/weeks";

// The capacity-aware delivery estimate, computed in the browser from a context the server sends once
// per page load (the configurator page itself is cached, so it cannot carry today's load).

/** What the browser needs to plan delivery like the server does at order time. */
export type DeliveryContext = {
  /** Today as an ISO date (UTC), e.g. "2026-11-25". */
  today: string;
  shippingDays: number;
  defaultWeeklyHours: number;
  /** Capacity per ISO week key when it differs from the default. */
  overrides: Record<string, number>;
  /** Hours already booked per ISO week key. */
  booked: Record<string, number>;
};

export type DeliveryEstimate =
  | { ok: true; promisedDate: Date; weekOf: Date; productionWeeks: number; waitingWeeks: number }
  | { ok: false; message: string };

const DAY = 86_400_000;

/** Plans a configuration's lead days and production hours into the shop's free capacity. */
export function estimateDelivery(context: DeliveryContext, leadDays: number, productionHours: number): DeliveryEstimate {
  const today = new Date(`${context.today}T00:00:00Z`);
  const plan = planDelivery({
    today,
    leadDays,
    productionHours,
    shippingDays: context.shippingDays,
    defaultWeeklyHours: context.defaultWeeklyHours,
    overrides: context.overrides,
    booked: context.booked,
  });
  if (!plan.ok) return plan;
  const firstPossible = plan.weeks[0]?.week;
  const firstBooked = plan.bookings[0]?.week;
  const waitingWeeks =
    firstPossible && firstBooked ? Math.round((weekStart(firstBooked).getTime() - weekStart(firstPossible).getTime()) / (7 * DAY)) : 0;
  return {
    ok: true,
    promisedDate: plan.promisedDate,
    weekOf: weekStart(weekKey(plan.promisedDate)),
    productionWeeks: plan.bookings.length,
    waitingWeeks,
  };
}

/** True when a value received from the network has the shape of a DeliveryContext. */
export function isDeliveryContext(value: unknown): value is DeliveryContext {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const isHours = (r: unknown) =>
    typeof r === "object" && r !== null && Object.values(r).every((h) => typeof h === "number" && Number.isFinite(h));
  return (
    typeof v.today === "string" &&
    /^\d{4}-\d{2}-\d{2}$/.test(v.today) &&
    typeof v.shippingDays === "number" &&
    typeof v.defaultWeeklyHours === "number" &&
    isHours(v.overrides) &&
    isHours(v.booked)
  );
}

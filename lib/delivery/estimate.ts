import { planDelivery } from "@/lib/delivery/promise";
import { weekKey, weekStart } from "@/lib/delivery/weeks";
import * as z from "zod/mini";
import type { DeliveryContext, DeliveryEstimate } from "./estimate-json";

export type { DeliveryContext, DeliveryEstimate } from "./estimate-json";

const hoursByWeek = z.record(z.string(), z.number());

/**
 * The delivery context /api/delivery-context sends (zod/mini: the browser checks it when the engine,
 * which this module belongs to, has loaded). Other fields of the response (its `estimate`) are allowed.
 */
export const deliveryContextSchema: z.ZodMiniType<DeliveryContext> = z.object({
  today: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  shippingDays: z.number(),
  defaultWeeklyHours: z.number(),
  overrides: hoursByWeek,
  booked: hoursByWeek,
});

/** True when a value received from the network has the shape of a DeliveryContext. */
export function isDeliveryContext(value: unknown): value is DeliveryContext {
  return deliveryContextSchema.safeParse(value).success;
}

// The capacity-aware delivery estimate. The configurator page is cached, so it cannot carry today's load:
// the browser fetches the context once per page load, with the server's estimate for the first view, and
// computes this itself (with the engine, loaded on the first interaction) for every later change.

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

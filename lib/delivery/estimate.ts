import * as z from "zod/mini";
import type { DeliveryContext, DeliveryEstimate, EstimateJson, WorkItem } from "./estimate-json";
import { scheduleOrder } from "./schedule";

export type { DeliveryContext, DeliveryEstimate, WorkItem } from "./estimate-json";

const hours = z.number().check(z.minimum(0));
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/**
 * The delivery context /api/delivery-context sends (zod/mini: the browser checks it when the engine,
 * which this module belongs to, has loaded). Other fields of the response (its `estimate`) are allowed.
 */
export const deliveryContextSchema: z.ZodMiniType<DeliveryContext> = z.object({
  today: isoDay,
  shippingDays: z.number(),
  calendar: z.object({
    centres: z.array(z.object({ id: z.string(), name: z.string(), weekdayHours: z.array(hours) })),
    exceptions: z.array(z.object({ centre: z.string(), day: isoDay, hours })),
    closures: z.array(z.object({ name: z.string(), first: isoDay, last: isoDay })),
  }),
  booked: z.record(z.string(), z.record(z.string(), hours)),
});

/** True when a value received from the network has the shape of a DeliveryContext. */
export function isDeliveryContext(value: unknown): value is DeliveryContext {
  return deliveryContextSchema.safeParse(value).success;
}

// The capacity-aware delivery estimate. The configurator page is cached, so it cannot carry today's load:
// the browser fetches the context once per page load, with the server's estimate for the first view, and
// computes this itself (with the engine, loaded on the first interaction) for every later change.

/** Plans a configuration's lead days and work into the workshop's free hours, as placement will. */
export function estimateDelivery(context: DeliveryContext, leadDays: number, work: readonly WorkItem[]): DeliveryEstimate {
  const plan = scheduleOrder({
    today: new Date(`${context.today}T00:00:00Z`),
    leadDays,
    operations: work.map((w, i) => ({ key: String(i), label: w.label ?? w.workCentre, workCentre: w.workCentre, hours: w.hours })),
    shippingDays: context.shippingDays,
    calendar: context.calendar,
    booked: context.booked,
  });
  if (!plan.ok) return { ok: false, message: plan.message };
  return { ok: true, promisedDate: new Date(`${plan.promisedDate}T00:00:00Z`), reasons: plan.reasons };
}

/** The estimate as JSON, for the lead days and work it was computed for (./estimate-json reads it back in the browser). */
export function toEstimateJson(estimate: DeliveryEstimate, leadDays: number, work: string): EstimateJson {
  return estimate.ok ? { leadDays, work, ok: true, promisedDate: estimate.promisedDate.toISOString(), reasons: estimate.reasons } : { leadDays, work, ...estimate };
}

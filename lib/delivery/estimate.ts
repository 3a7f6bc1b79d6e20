import * as z from "zod/mini";
import { formatDate } from "@/lib/dates";
import type { DeliveryContext, EstimateJson, ShownEstimate, WorkItem } from "./estimate-json";
import { scheduleOrder, type PromiseReason } from "./schedule";

export type { DeliveryContext, ShownEstimate, WorkItem } from "./estimate-json";

/** The planned delivery of a configuration: its date and why it is that day, or why it cannot be planned. */
export type DeliveryEstimate = { ok: true; promisedDate: Date; reasons: PromiseReason[] } | { ok: false; message: string };

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

const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const longDate = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const day = (iso: string) => shortDate.format(new Date(`${iso}T00:00:00Z`));

/** A reason as the customer reads it: "Upholstery is booked until 14 Jan", "Workshop: closed 24 Dec – 1 Jan". */
export function reasonText(reason: PromiseReason): string {
  switch (reason.kind) {
    case "materials":
      return `Materials arrive ${day(reason.until)}`;
    case "booked":
      return `${reason.centreName} is booked until ${day(reason.until)}`;
    case "closed":
      return reason.first === reason.last ? `${reason.name}: closed ${day(reason.first)}` : `${reason.name}: closed ${day(reason.first)} – ${day(reason.last)}`;
  }
}

type Promised = Extract<DeliveryEstimate, { ok: true }>;

/** A planned date as the configurator shows it: the day in full, the short "at the latest" date, and the workshop's reasons. */
function wordPromise(estimate: Promised): Extract<ShownEstimate, { ok: true }> {
  // The materials' wait is among the lead-time reasons the page lists already.
  const why = estimate.reasons.filter((r) => r.kind !== "materials").map(reasonText);
  return { ok: true, date: longDate.format(estimate.promisedDate), latest: formatDate(estimate.promisedDate), why };
}

/** The estimate as the configurator shows it (a refusal says why as it is). */
export function wordEstimate(estimate: DeliveryEstimate): ShownEstimate {
  return estimate.ok ? wordPromise(estimate) : estimate;
}

/** The estimate as JSON, worded and as data, for the lead days and work it was computed for (./estimate-json reads it back in the browser). */
export function toEstimateJson(estimate: DeliveryEstimate, leadDays: number, work: string): EstimateJson {
  if (!estimate.ok) return { leadDays, work, ...estimate };
  return { leadDays, work, ...wordPromise(estimate), promisedDate: estimate.promisedDate.toISOString(), reasons: estimate.reasons };
}

import type { FairUse } from "@/lib/settings/fair-use";

// The delivery context and estimate as they travel between the server and the browser. No engine code
// and no zod here: the configurator reads the estimate at page load, before the engine (./estimate, which
// checks the context with its schema) is loaded, and that page has no room for a schema library in its
// first load (zod/mini's smallest object schema is about 4.7 KB gzip; the page is 0.6 KB under budget).

/** What the browser needs to plan delivery like the server does at order time. */
export type DeliveryContext = {
  /** The fair-use rules the server enforces (the configurator and checkout say them before the customer orders). */
  fairUse?: FairUse;
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

/** An estimate computed by the server for the lead days and production hours it names, dates as ISO strings. */
export type EstimateJson = { leadDays: number; productionHours: number } & (
  | { ok: true; promisedDate: string; weekOf: string; productionWeeks: number; waitingWeeks: number }
  | { ok: false; message: string }
);

/** The estimate as JSON, for the lead days and production hours it was computed for. */
export function toEstimateJson(estimate: DeliveryEstimate, leadDays: number, productionHours: number): EstimateJson {
  return estimate.ok
    ? { leadDays, productionHours, ...estimate, promisedDate: estimate.promisedDate.toISOString(), weekOf: estimate.weekOf.toISOString() }
    : { leadDays, productionHours, ...estimate };
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isDate = (value: unknown): value is string => typeof value === "string" && !Number.isNaN(Date.parse(value));

/** An estimate received from the network, or null when it does not have the shape of one. */
export function readEstimateJson(value: unknown): { leadDays: number; productionHours: number; estimate: DeliveryEstimate } | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isCount(v.leadDays) || !isCount(v.productionHours)) return null;
  const { leadDays, productionHours } = v;
  if (v.ok === false && typeof v.message === "string") return { leadDays, productionHours, estimate: { ok: false, message: v.message } };
  if (v.ok !== true || !isDate(v.promisedDate) || !isDate(v.weekOf) || !isCount(v.productionWeeks) || !isCount(v.waitingWeeks)) return null;
  return {
    leadDays,
    productionHours,
    estimate: { ok: true, promisedDate: new Date(v.promisedDate), weekOf: new Date(v.weekOf), productionWeeks: v.productionWeeks, waitingWeeks: v.waitingWeeks },
  };
}

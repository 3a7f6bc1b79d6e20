import type { FairUse } from "@/lib/settings/fair-use";
import type { WorkshopCalendar } from "./calendar";
import type { BookedHours, PromiseReason } from "./schedule";

// The delivery context and estimate as they travel between the server and the browser. No engine code,
// no zod and no date formatting here: the configurator reads the estimate at page load, before the engine
// (./estimate, which checks the context with its schema and words estimates) is loaded, and that page has no
// room for them in its first load. The estimate arrives worded (ShownEstimate): the page only shows it.

/** What the browser needs to plan delivery like the server does at order time. */
export type DeliveryContext = {
  /** The fair-use rules the server enforces (the configurator and checkout say them before the customer orders). */
  fairUse?: FairUse;
  /** Today as an ISO date (UTC), e.g. "2026-11-25". */
  today: string;
  shippingDays: number;
  /** The active work centres, their exceptions and the shop's closures. */
  calendar: WorkshopCalendar;
  /** Hours already booked per work centre and ISO day. */
  booked: BookedHours;
};

/** Hours of work at one work centre, in routing order: what a configuration needs of the workshop. */
export type WorkItem = { workCentre: string; hours: number; label?: string };

/**
 * An estimate as the configurator shows it, worded by the server (the first view's) or by the engine (later
 * ones; ./estimate, wordEstimate): "Thursday 14 January 2027", "14 Jan 2027", and why, e.g. "Upholstery is
 * booked until 14 Jan" (the materials' wait is among the lead-time reasons already).
 */
export type ShownEstimate = { ok: true; date: string; latest: string; why: string[] } | { ok: false; message: string };

/**
 * An estimate computed by the server for the lead days and work it names (`work` as workSignature gives it):
 * worded for the page, with the date (ISO) and the reasons as data for other clients of /api/delivery-context.
 */
export type EstimateJson = { leadDays: number; work: string } & (
  | (Extract<ShownEstimate, { ok: true }> & { promisedDate: string; reasons: PromiseReason[] })
  | Extract<ShownEstimate, { ok: false }>
);

/** "frame:4.5,upholstery:10": a configuration's work, as the configurator sends it and compares it. */
export function workSignature(work: readonly WorkItem[]): string {
  return work.filter((w) => w.hours > 0).map((w) => `${w.workCentre}:${w.hours}`).join(",");
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isText = (value: unknown): value is string => typeof value === "string";

/** An estimate received from the network, or null when it does not have the shape of one. */
export function readEstimateJson(value: unknown): { leadDays: number; work: string; estimate: ShownEstimate } | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isCount(v.leadDays) || !isText(v.work)) return null;
  const { leadDays, work } = v;
  if (v.ok === false && isText(v.message)) return { leadDays, work, estimate: { ok: false, message: v.message } };
  if (v.ok !== true || !isText(v.date) || !isText(v.latest) || !Array.isArray(v.why) || !v.why.every(isText)) return null;
  return { leadDays, work, estimate: { ok: true, date: v.date, latest: v.latest, why: v.why } };
}

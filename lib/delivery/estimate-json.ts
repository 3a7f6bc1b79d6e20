import type { FairUse } from "@/lib/settings/fair-use";
import type { WorkshopCalendar } from "./calendar";
import type { BookedHours, PromiseReason } from "./schedule";

// The delivery context and estimate as they travel between the server and the browser. No engine code
// and no zod here: the configurator reads the estimate at page load, before the engine (./estimate, which
// checks the context with its schema) is loaded, and that page has no room for a schema library in its
// first load.

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

export type DeliveryEstimate = { ok: true; promisedDate: Date; reasons: PromiseReason[] } | { ok: false; message: string };

/** An estimate computed by the server for the lead days and work it names (`work` as workSignature gives it). */
export type EstimateJson = { leadDays: number; work: string } & (
  | { ok: true; promisedDate: string; reasons: PromiseReason[] }
  | { ok: false; message: string }
);

/** "frame:4.5,upholstery:10": a configuration's work, as the configurator sends it and compares it. */
export function workSignature(work: readonly WorkItem[]): string {
  return work.filter((w) => w.hours > 0).map((w) => `${w.workCentre}:${w.hours}`).join(",");
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isDate = (value: unknown): value is string => typeof value === "string" && !Number.isNaN(Date.parse(value));

/** An estimate received from the network, or null when it does not have the shape of one. */
export function readEstimateJson(value: unknown): { leadDays: number; work: string; estimate: DeliveryEstimate } | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isCount(v.leadDays) || typeof v.work !== "string") return null;
  const { leadDays, work } = v;
  if (v.ok === false && typeof v.message === "string") return { leadDays, work, estimate: { ok: false, message: v.message } };
  if (v.ok !== true || !isDate(v.promisedDate) || !Array.isArray(v.reasons)) return null;
  return { leadDays, work, estimate: { ok: true, promisedDate: new Date(v.promisedDate), reasons: v.reasons.filter(isReason) } };
}

function isReason(value: unknown): value is PromiseReason {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.kind === "materials") return typeof r.until === "string" && isCount(r.days);
  if (r.kind === "booked") return typeof r.centreName === "string" && typeof r.until === "string";
  if (r.kind === "closed") return typeof r.name === "string" && typeof r.first === "string" && typeof r.last === "string";
  return false;
}

const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const day = (iso: string) => shortDate.format(new Date(`${iso}T00:00:00Z`));

/** A reason as the customer reads it: "Upholstery is booked until 14 Jan", "Workshop closed 24 Dec – 1 Jan". */
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

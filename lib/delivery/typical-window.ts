import { evaluate, normalize, type Definition, type EvaluateResult } from "@/lib/configurator";
import { cheapestConfiguration } from "../catalog/from-price";
import type { WorkshopCalendar } from "./calendar";
import { scheduleOrder } from "./schedule";
import { workOf } from "./work";

export type WeekWindow = { min: number; max: number };

const DAY = 86_400_000;
const REFERENCE_DAY = new Date("2026-01-05T00:00:00Z"); // a Monday: week-aligned, so the window does not depend on the day it is computed

type ShopLoad = { shippingDays: number; centres: WorkshopCalendar["centres"] };

function weeksToDeliver(result: EvaluateResult, shop: ShopLoad): number | null {
  const plan = scheduleOrder({
    today: REFERENCE_DAY,
    leadDays: result.leadDays,
    operations: workOf(result).map((w, i) => ({ key: String(i), label: w.label ?? w.workCentre, workCentre: w.workCentre, hours: w.hours })),
    shippingDays: shop.shippingDays,
    calendar: { centres: shop.centres, exceptions: [], closures: [] },
    booked: {},
  });
  if (!plan.ok) return null;
  return Math.max(1, Math.ceil((Date.parse(`${plan.promisedDate}T00:00:00Z`) - REFERENCE_DAY.getTime()) / (7 * DAY)));
}

/**
 * The typical delivery window shown in the catalog, in weeks, with an empty workshop working its usual weekdays:
 * from the quicker of the default and the cheapest configuration to the slower of the two plus one week for the
 * usual load.
 */
export function typicalDeliveryWeeks(definition: Definition, shop: ShopLoad): WeekWindow | null {
  const candidates = [];
  const defaults = normalize(definition, {});
  if (defaults.ok) candidates.push(defaults.selection);
  const cheapest = cheapestConfiguration(definition);
  if (cheapest) candidates.push(cheapest.selection);
  const weeks = candidates
    .map((selection) => evaluate(definition, selection))
    .filter((result) => result.valid)
    .map((result) => weeksToDeliver(result, shop))
    .filter((w): w is number => w !== null);
  if (weeks.length === 0) return null;
  return { min: Math.min(...weeks), max: Math.max(...weeks) + 1 };
}

/** "3–5 weeks" */
export function formatWeekWindow(window: WeekWindow): string {
  return window.min === window.max ? `${window.min} weeks` : `${window.min}–${window.max} weeks`;
}

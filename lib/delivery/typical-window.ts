import { plural } from "../plural";
import { evaluate, normalize, type Definition, type EvaluateResult } from "@/lib/configurator";
import { cheapestConfiguration } from "../catalog/from-price";
import type { WorkshopCalendar } from "./calendar";
import { estimateDelivery, type DeliveryContext } from "./estimate";
import { workOf } from "./work";

export type WeekWindow = { min: number; max: number };

const DAY = 86_400_000;
// The seven days of one reference week (from a Monday): the window holds whatever weekday the customer orders
// on, and it does not depend on the day it is computed.
const REFERENCE_WEEK = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2026, 0, 5 + i)));

type ShopLoad = { shippingDays: number; centres: WorkshopCalendar["centres"] };

/**
 * Weeks from ordering to delivery for one configuration, planned by the configurator's own estimate
 * (estimateDelivery: the same lead days, routing and calendar the live date uses) into an empty workshop.
 */
function weeksToDeliver(result: EvaluateResult, shop: ShopLoad, today: Date): number | null {
  const context: DeliveryContext = { today: today.toISOString().slice(0, 10), shippingDays: shop.shippingDays, calendar: { centres: shop.centres, exceptions: [], closures: [] }, booked: {} };
  const estimate = estimateDelivery(context, result.leadDays, workOf(result));
  if (!estimate.ok) return null;
  return Math.max(1, Math.ceil((estimate.promisedDate.getTime() - today.getTime()) / (7 * DAY)));
}

/**
 * The typical delivery window shown in the catalog, in weeks, with an empty workshop working its usual weekdays:
 * from the quicker of the default and the cheapest configuration to the slower of the two, each as the
 * configurator's live estimate plans it (no padding: the catalog and the configurator must agree; a busy
 * workshop shows a later date in the configurator, which says why).
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
    .flatMap((result) => REFERENCE_WEEK.map((today) => weeksToDeliver(result, shop, today)))
    .filter((w): w is number => w !== null);
  if (weeks.length === 0) return null;
  return { min: Math.min(...weeks), max: Math.max(...weeks) };
}

/** "2 weeks", "1 week", "3–5 weeks": up to that many weeks from ordering. */
export function formatWeekWindow(window: WeekWindow): string {
  return window.min === window.max ? `up to ${plural(window.min, "week")}` : `${window.min}–${window.max} weeks`;
}

import { evaluate, normalize, type Definition } from "@/lib/configurator";
import { planDelivery } from "@/lib/delivery/promise";
import { cheapestConfiguration } from "../catalog/from-price";

export type WeekWindow = { min: number; max: number };

const DAY = 86_400_000;
const REFERENCE_DAY = new Date("2026-01-05T00:00:00Z"); // a Monday: week-aligned, so the window does not depend on the day it is computed

function weeksToDeliver(definition: Definition, leadDays: number, productionHours: number, shop: ShopLoad): number | null {
  const plan = planDelivery({ today: REFERENCE_DAY, leadDays, productionHours, shippingDays: shop.shippingDays, defaultWeeklyHours: shop.defaultWeeklyHours });
  return plan.ok ? Math.max(1, Math.ceil((plan.promisedDate.getTime() - REFERENCE_DAY.getTime()) / (7 * DAY))) : null;
}

type ShopLoad = { shippingDays: number; defaultWeeklyHours: number };

/**
 * The typical delivery window shown in the catalog, in weeks, with an empty workshop: from the quicker of
 * the default and the cheapest configuration to the slower of the two plus one week for the usual load.
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
    .map((result) => weeksToDeliver(definition, result.leadDays, result.productionHours, shop))
    .filter((w): w is number => w !== null);
  if (weeks.length === 0) return null;
  return { min: Math.min(...weeks), max: Math.max(...weeks) + 1 };
}

/** "3–5 weeks" */
export function formatWeekWindow(window: WeekWindow): string {
  return window.min === window.max ? `${window.min} weeks` : `${window.min}–${window.max} weeks`;
}

// Fair use of the workshop (issue 19): what one order and one customer may take. Plain data and functions
// only (no zod, no database): the configurator and the checkout read the same figures in the browser as
// the server enforces (lib/orders/place-order.ts, prisma/sql/place_order.sql).

export type FairUse = {
  /** The most units in one order. */
  maxQuantity: number;
  /**
   * Production hours one customer's open orders (not delivered, not cancelled) may book at once. An order
   * awaiting approval books nothing and is not capped: staff decide on it.
   */
  customerOpenHoursCap: number;
  /** Orders above these production hours or this value (cents) wait for staff approval. */
  approvalHoursThreshold: number;
  approvalValueThreshold: number;
  /** Days an order waits for approval before it is cancelled. */
  approvalHoldDays: number;
};

/**
 * The defaults, chosen from the demo products so that ordinary orders are unaffected: a sofa is 18.5 h and
 * about EUR 2,200, a bicycle 8.5 h, a roadster 60 h and about EUR 50,000. 20 units, two roadsters (120 h) or
 * six sofas go through at once; one customer's open orders book at most 160 h (two weeks of the default 80 h).
 */
export const DEFAULT_FAIR_USE: FairUse = {
  maxQuantity: 20,
  customerOpenHoursCap: 160,
  approvalHoursThreshold: 120,
  approvalValueThreshold: 15_000_000,
  approvalHoldDays: 3,
};

// The configurator's quantity field words the same limit: its message lives with the quantity's reading.
export { quantityLimitMessage } from "@/lib/configurator/quantity";

/** Whether an order of these hours and value waits for staff approval. */
export function needsApproval(fairUse: FairUse, productionHours: number, totalCents: number): boolean {
  return productionHours > fairUse.approvalHoursThreshold || totalCents > fairUse.approvalValueThreshold;
}

const hours = (n: number) => `${Math.round(n * 10) / 10}`;

/** Why an order waits for approval, said before the customer orders (configurator, checkout). */
export function approvalNotice(fairUse: FairUse, productionHours: number, totalCents: number, formatMoney: (cents: number) => string): string | null {
  if (productionHours > fairUse.approvalHoursThreshold) {
    return `Large order: the workshop reviews orders over ${hours(fairUse.approvalHoursThreshold)} h before scheduling them; the date is confirmed on approval (within ${fairUse.approvalHoldDays} days).`;
  }
  if (totalCents > fairUse.approvalValueThreshold) {
    return `Large order: the workshop reviews orders over ${formatMoney(fairUse.approvalValueThreshold)} before scheduling them; the date is confirmed on approval (within ${fairUse.approvalHoldDays} days).`;
  }
  return null;
}

/** The refusal when a customer's open orders and this one would hold more hours than the cap. */
export function openHoursMessage(cap: number, openHours: number, orderHours: number): string {
  return `Your open orders already book ${hours(openHours)} of ${hours(cap)} workshop hours; this order needs ${hours(orderHours)}. Order again when some are delivered, or contact us.`;
}

/** A fair-use value received from the network, or null when it does not have the shape of one. */
export function readFairUse(value: unknown): FairUse | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(DEFAULT_FAIR_USE) as (keyof FairUse)[];
  if (!keys.every((k) => typeof v[k] === "number" && Number.isFinite(v[k]))) return null;
  return Object.fromEntries(keys.map((k) => [k, v[k]])) as FairUse;
}

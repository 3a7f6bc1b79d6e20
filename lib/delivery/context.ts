import type { Tx } from "@/lib/db/types";
import { DEFAULT_SETTINGS, getSettings, type ShopSettings } from "@/lib/settings/queries";
import { capacityFromRows, capacityWindowStart, loadCapacity, type CapacityRow, type CapacityState } from "./capacity";
import type { DeliveryContext } from "./estimate";

/** Today's shop load and delivery settings, for the configurator to estimate dates in the browser. */
export async function getDeliveryContext(db: Tx, now = new Date()): Promise<DeliveryContext> {
  const [settings, capacity] = await Promise.all([getSettings(db), loadCapacity(db, now)]);
  return {
    today: now.toISOString().slice(0, 10),
    shippingDays: settings.shippingDays,
    defaultWeeklyHours: settings.defaultWeeklyHours,
    overrides: capacity.overrides,
    booked: capacity.booked,
  };
}

/**
 * What an order is planned on, inside its transaction: takes the booking lock, then reads the settings and
 * the capacity of the weeks ahead (the read_capacity function, prisma/sql/place_order.sql: one statement),
 * so the figures include every booking committed before. The lock is held until the transaction ends.
 */
export async function readPlanningContext(tx: Tx, now: Date): Promise<{ settings: ShopSettings; capacity: CapacityState }> {
  const [row] = await tx.$queryRaw<{ context: { settings: ShopSettings | null; weeks: CapacityRow[] } }[]>`
    SELECT "read_capacity"(${capacityWindowStart(now).toISOString().slice(0, 10)}::date, true) AS "context"`;
  if (!row) throw new Error("read_capacity returned nothing");
  return { settings: row.context.settings ?? DEFAULT_SETTINGS, capacity: capacityFromRows(row.context.weeks) };
}

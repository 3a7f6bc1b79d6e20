import type { Tx } from "@/lib/db/types";
import { getSettings, type ShopSettings } from "@/lib/settings/queries";
import { loadCapacity, lockCapacity, type CapacityState } from "./capacity";
import type { DeliveryContext } from "./estimate";

/** Today's shop load and delivery settings, for the configurator to estimate dates in the browser. */
export async function getDeliveryContext(db: Tx, now = new Date()): Promise<DeliveryContext> {
  const [settings, capacity] = await Promise.all([getSettings(db), loadCapacity(db, now.getTime())]);
  return {
    today: now.toISOString().slice(0, 10),
    shippingDays: settings.shippingDays,
    defaultWeeklyHours: settings.defaultWeeklyHours,
    overrides: capacity.overrides,
    booked: capacity.booked,
  };
}

/**
 * What an order is planned on, inside its transaction: takes the booking lock first, then reads the
 * settings and the capacity, so the figures include every booking committed before.
 */
export async function readPlanningContext(tx: Tx, now: Date): Promise<{ settings: ShopSettings; capacity: CapacityState }> {
  await lockCapacity(tx);
  const settings = await getSettings(tx);
  const capacity = await loadCapacity(tx, now.getTime());
  return { settings, capacity };
}

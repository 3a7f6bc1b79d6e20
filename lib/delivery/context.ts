import "server-only";
import type { Prisma } from "@/lib/db/client";
import { loadCapacity } from "@/lib/delivery/capacity";
import { getSettings } from "@/lib/settings/queries";
import type { DeliveryContext } from "./estimate";

/** Today's shop load and delivery settings, for the configurator to estimate dates in the browser. */
export async function getDeliveryContext(db: Prisma, now = new Date()): Promise<DeliveryContext> {
  const [settings, capacity] = await Promise.all([getSettings(db), loadCapacity(db)]);
  return {
    today: now.toISOString().slice(0, 10),
    shippingDays: settings.shippingDays,
    defaultWeeklyHours: settings.defaultWeeklyHours,
    overrides: capacity.overrides,
    booked: capacity.booked,
  };
}

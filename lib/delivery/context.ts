import { queryRows } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { DEFAULT_FAIR_USE, type FairUse } from "@/lib/settings/fair-use";
import { DEFAULT_SETTINGS, type ShopSettings } from "@/lib/settings/queries";
import { capacityFromRows, capacityWindowStart, type CapacityRow, type CapacityState } from "./capacity";
import type { DeliveryContext } from "./estimate";

/** Today's shop load and delivery settings, for the configurator to estimate dates in the browser. */
export async function getDeliveryContext(db: Tx, now = new Date()): Promise<DeliveryContext> {
  const { settings, capacity, fairUse } = await readPlanningContext(db, now, { lock: false });
  return {
    fairUse,
    today: now.toISOString().slice(0, 10),
    shippingDays: settings.shippingDays,
    defaultWeeklyHours: settings.defaultWeeklyHours,
    overrides: capacity.overrides,
    booked: capacity.booked,
  };
}

export type PlanningContext = {
  settings: ShopSettings;
  /** The settings row as read (null: none yet, the defaults apply): place_order checks it is unchanged. */
  settingsRow: ShopSettings | null;
  capacity: CapacityState;
  /** The fair-use rules (the row's, or the defaults), and the row's as read (null: none yet) for place_order to compare. */
  fairUse: FairUse;
  fairUseRow: FairUse | null;
};

/**
 * What an order is planned on, and what the browser plans on (getDeliveryContext), in one statement
 * (read_capacity, prisma/sql/place_order.sql): the settings and the capacity of the weeks ahead. With
 * `lock`, inside a transaction, first takes the booking lock, so the figures include every booking
 * committed before and stay current until the transaction ends.
 */
export async function readPlanningContext(db: Tx, now: Date, options: { lock: boolean }): Promise<PlanningContext> {
  const [row] = await queryRows<{ context: { settings: ShopSettings | null; fairUse: FairUse | null; weeks: CapacityRow[] } }>(
    db,
    `SELECT "read_capacity"($1::date, $2::boolean) AS "context"`,
    [capacityWindowStart(now).toISOString().slice(0, 10), options.lock],
  );
  if (!row) throw new Error("read_capacity returned nothing");
  const { settings, weeks, fairUse } = row.context;
  return { settings: settings ?? DEFAULT_SETTINGS, settingsRow: settings, capacity: capacityFromRows(weeks), fairUse: fairUse ?? DEFAULT_FAIR_USE, fairUseRow: fairUse };
}

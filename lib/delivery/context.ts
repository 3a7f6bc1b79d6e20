import { queryRows } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { DEFAULT_FAIR_USE, type FairUse } from "@/lib/settings/fair-use";
import { DEFAULT_SETTINGS } from "@/lib/settings/queries";
import type { WorkshopCalendar } from "./calendar";
import type { DeliveryContext } from "./estimate-json";
import type { BookedHours } from "./schedule";

/** The settings a plan depends on: place_order refuses a plan made on others ("stale"). */
export type PlanningSettings = { companyName: string; currency: string; shippingDays: number; calendarVersion: number };

const DEFAULT_PLANNING: PlanningSettings = {
  companyName: DEFAULT_SETTINGS.companyName,
  currency: DEFAULT_SETTINGS.currency,
  shippingDays: DEFAULT_SETTINGS.shippingDays,
  calendarVersion: 0,
};

const DAY_MS = 86_400_000;

/** The first day planning reads: a day before today (bookings of the past are history). */
export function planningWindowStart(now: Date): Date {
  return new Date(now.getTime() - DAY_MS);
}

/** Today's shop load, calendar and delivery settings, for the configurator to estimate dates in the browser. */
export async function getDeliveryContext(db: Tx, now = new Date()): Promise<DeliveryContext> {
  const { settings, calendar, booked, fairUse } = await readPlanningContext(db, now, { lock: false });
  return { fairUse, today: now.toISOString().slice(0, 10), shippingDays: settings.shippingDays, calendar, booked };
}

export type PlanningContext = {
  settings: PlanningSettings;
  /** The settings as read (null: no row yet, the defaults apply): place_order checks they are unchanged. */
  settingsRow: PlanningSettings | null;
  calendar: WorkshopCalendar;
  booked: BookedHours;
  /** The fair-use rules (the row's, or the defaults), and the row's as read (null: none yet) for place_order to compare. */
  fairUse: FairUse;
  fairUseRow: FairUse | null;
};

type PlanningRow = {
  settings: PlanningSettings | null;
  fairUse: FairUse | null;
  centres: [string, string, number[]][];
  exceptions: [string, string, number][];
  closures: [string, string, string][];
  booked: [string, string, number][];
};

/**
 * What an order is planned on, and what the browser plans on (getDeliveryContext), in one statement
 * (read_planning, prisma/sql/place_order.sql): the settings, the active work centres with their calendar, and
 * the hours booked from yesterday on. With `lock`, inside a transaction, first takes the booking lock, so the
 * figures include every booking committed before and stay current until the transaction ends.
 */
export async function readPlanningContext(db: Tx, now: Date, options: { lock: boolean }): Promise<PlanningContext> {
  const [row] = await queryRows<{ context: PlanningRow }>(db, `SELECT "read_planning"($1::date, $2::boolean) AS "context"`, [
    planningWindowStart(now).toISOString().slice(0, 10),
    options.lock,
  ]);
  if (!row) throw new Error("read_planning returned nothing");
  return planningFromRow(row.context);
}

/** The planning context from read_planning's answer. */
export function planningFromRow(context: PlanningRow): PlanningContext {
  const booked: BookedHours = {};
  for (const [centre, day, hours] of context.booked) (booked[centre] ??= {})[day] = hours;
  return {
    settings: context.settings ?? DEFAULT_PLANNING,
    settingsRow: context.settings,
    calendar: {
      centres: context.centres.map(([id, name, weekdayHours]) => ({ id, name, weekdayHours })),
      exceptions: context.exceptions.map(([centre, day, hours]) => ({ centre, day, hours })),
      closures: context.closures.map(([name, first, last]) => ({ name, first, last })),
    },
    booked,
    fairUse: context.fairUse ?? DEFAULT_FAIR_USE,
    fairUseRow: context.fairUse,
  };
}

import { driverError } from "@/lib/db/errors";
import { RetryableError } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import type { ShopSettings } from "@/lib/settings/queries";
import { planDelivery, type DeliveryPlan } from "./promise";
import { weekStart } from "./weeks";

// The workshop's capacity in hours per ISO week: what planning reads, and booking and releasing an order's
// hours. capacity_weeks_hours_check (booked <= capacity) is the backstop: no week is ever overbooked.

/** Raised when a week filled up between planning and booking; the caller's transaction runs again. */
export class CapacityConflictError extends RetryableError {
  constructor(readonly weeks: string) {
    super(`Week ${weeks} filled up while booking; try again.`);
    this.name = "CapacityConflictError";
  }
}

const HORIZON_WEEKS = 104;
const CAPACITY_LOCK_KEY = 72_707_370;
const DAY_MS = 86_400_000;

/** What planning needs: admin overrides and the hours already booked, per week key. */
export type CapacityState = { overrides: Record<string, number>; booked: Record<string, number> };

/** Capacity overrides and booked hours of the weeks planning can still use (from a week ago on). */
export async function loadCapacity(db: Tx, now = Date.now()): Promise<CapacityState> {
  const rows = await db.capacityWeek.findMany({
    where: { weekStart: { gte: new Date(now - 7 * DAY_MS) }, OR: [{ isOverride: true }, { bookedHours: { gt: 0 } }] },
    select: { week: true, capacityHours: true, isOverride: true, bookedHours: true },
  });
  const state: CapacityState = { overrides: {}, booked: {} };
  for (const row of rows) {
    if (row.isOverride) state.overrides[row.week] = row.capacityHours;
    if (row.bookedHours > 0) state.booked[row.week] = row.bookedHours;
  }
  return state;
}

/**
 * Takes the transaction-scoped booking lock: orders are planned and booked one at a time, each on the
 * figures the previous one committed, so a crowd racing for the last hours is served in turn. Held until
 * COMMIT: take it as late as possible.
 */
export async function lockCapacity(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CAPACITY_LOCK_KEY})`;
}

export type BookingRequest = {
  today: Date;
  leadDays: number;
  productionHours: number;
  settings: Pick<ShopSettings, "defaultWeeklyHours" | "shippingDays">;
};

export type BookingPlan = Extract<DeliveryPlan, { ok: true }>;

/** Plans an order's production into the free weeks (planDelivery, shared with the browser); throws when the horizon is full. */
export function planBooking(request: BookingRequest, capacity: CapacityState): BookingPlan {
  const plan = planDelivery({
    today: request.today,
    leadDays: request.leadDays,
    productionHours: request.productionHours,
    shippingDays: request.settings.shippingDays,
    defaultWeeklyHours: request.settings.defaultWeeklyHours,
    overrides: capacity.overrides,
    booked: capacity.booked,
    horizonWeeks: HORIZON_WEEKS,
  });
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

/** True when a statement failed because a week could not take the hours (capacity_weeks_hours_check). */
export function isCapacityConflict(error: unknown): boolean {
  const cause = driverError(error);
  return cause.code === "23514" && (cause.message ?? "").includes("capacity_weeks_hours_check");
}

/**
 * Books an order's planned hours per week inside the caller's transaction, in one statement: each week gets its
 * hours (its row created at the default capacity when it has none), in calendar order so that orders
 * booking several weeks cannot deadlock, and one booking row per week. An overbooked week is refused by the
 * check constraint: CapacityConflictError, and the caller's transaction runs again on fresh figures.
 */
export async function bookCapacity(tx: Tx, orderId: string, bookings: BookingPlan["bookings"], defaultWeeklyHours: number): Promise<void> {
  if (bookings.length === 0) return;
  const rows = JSON.stringify(bookings.map((b) => ({ week: b.week, weekStart: weekStart(b.week).toISOString().slice(0, 10), hours: b.hours })));
  try {
    await tx.$executeRaw`WITH "taken" AS (
        INSERT INTO "capacity_weeks" ("week", "week_start", "capacity_hours", "booked_hours", "updated_at")
        SELECT b."week", b."weekStart", ${defaultWeeklyHours}::float8, b."hours", now()
        FROM jsonb_to_recordset(${rows}::jsonb) AS b("week" text, "weekStart" date, "hours" float8)
        ORDER BY b."week"
        ON CONFLICT ("week") DO UPDATE
          SET "booked_hours" = "capacity_weeks"."booked_hours" + EXCLUDED."booked_hours", "updated_at" = now()
        RETURNING "week"
      )
      INSERT INTO "capacity_bookings" ("id", "order_id", "week", "hours", "created_at")
      SELECT gen_random_uuid()::text, ${orderId}, b."week", b."hours", now()
      FROM jsonb_to_recordset(${rows}::jsonb) AS b("week" text, "hours" float8)
      WHERE b."week" IN (SELECT "week" FROM "taken")`;
  } catch (error) {
    if (isCapacityConflict(error)) throw new CapacityConflictError(bookings.map((b) => b.week).join(", "));
    throw error;
  }
}

/** Gives an order's booked hours back to their weeks (on cancellation). Returns the hours released. */
export async function releaseCapacity(tx: Tx, orderId: string): Promise<number> {
  const bookings = await tx.capacityBooking.findMany({ where: { orderId }, select: { week: true, hours: true } });
  for (const { week, hours } of bookings) {
    await tx.$executeRaw`UPDATE "capacity_weeks"
      SET "booked_hours" = GREATEST("booked_hours" - ${hours}, 0), "updated_at" = now() WHERE "week" = ${week}`;
  }
  await tx.capacityBooking.deleteMany({ where: { orderId } });
  return bookings.reduce((sum, b) => sum + b.hours, 0);
}

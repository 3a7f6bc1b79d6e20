import { driverError } from "@/lib/db/errors";
import { RetryableError } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import type { DeliveryPlan } from "./promise";

// The workshop's capacity in hours per ISO week: what planning reads, the plan, and releasing an order's
// hours. Orders book their hours when they are written (place_order, prisma/sql/place_order.sql), under
// the booking lock that readPlanningContext (./context.ts) takes; capacity_weeks_hours_check (booked <=
// capacity) is the backstop: no week is ever overbooked.

/** Raised when a week filled up between planning and booking; the caller's transaction runs again. */
export class CapacityConflictError extends RetryableError {
  constructor(readonly weeks: string) {
    super(`Week ${weeks} filled up while booking; try again.`);
    this.name = "CapacityConflictError";
  }
}

const DAY_MS = 86_400_000;

/** What planning needs: admin overrides and the hours already booked, per week key. */
export type CapacityState = { overrides: Record<string, number>; booked: Record<string, number> };
/** One capacity_weeks row as [week, capacityHours, isOverride, bookedHours]. */
export type CapacityRow = [string, number, boolean, number];

/** The first week start planning reads: weeks that ended more than a week before `now` are history. */
export function capacityWindowStart(now: Date): Date {
  return new Date(now.getTime() - 7 * DAY_MS);
}

/** Planning input from capacity rows: admin overrides and the hours already booked per week. */
export function capacityFromRows(rows: Iterable<CapacityRow>): CapacityState {
  const state: CapacityState = { overrides: {}, booked: {} };
  for (const [week, capacityHours, isOverride, bookedHours] of rows) {
    if (isOverride) state.overrides[week] = capacityHours;
    if (bookedHours > 0) state.booked[week] = bookedHours;
  }
  return state;
}

export type BookingPlan = Extract<DeliveryPlan, { ok: true }>;

/** True when a statement failed because a week could not take the hours (capacity_weeks_hours_check). */
export function isCapacityConflict(error: unknown): boolean {
  const cause = driverError(error);
  return cause.code === "23514" && (cause.message ?? "").includes("capacity_weeks_hours_check");
}

/**
 * Gives back an order's booked hours, in one statement: every week (on cancellation), or with `after` only the
 * weeks after the week of `after` (production finished early: the work is done, so later weeks are free for
 * other orders; the finishing week keeps its booking, since the work was done in it). Returns the hours released.
 */
export async function releaseCapacity(tx: Tx, orderId: string, after: Date | null = null): Promise<number> {
  const rows = await tx.$queryRaw<{ hours: number }[]>`
    WITH released AS (
      DELETE FROM "capacity_bookings" b USING "capacity_weeks" w
       WHERE b."order_id" = ${orderId} AND b."week" = w."week"
         AND (${after}::timestamptz IS NULL OR w."week_start" > date_trunc('week', ${after}::timestamptz AT TIME ZONE 'UTC')::date)
      RETURNING b."week", b."hours")
    UPDATE "capacity_weeks" w SET "booked_hours" = GREATEST(w."booked_hours" - r."hours", 0), "updated_at" = now()
      FROM released r WHERE w."week" = r."week"
    RETURNING r."hours"`;
  return rows.reduce((sum, row) => sum + Number(row.hours), 0);
}

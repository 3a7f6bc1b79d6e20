import { driverError } from "@/lib/db/errors";
import { RetryableError } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";

// The workshop's load in hours per work centre per day: booking an order's planned operations and giving
// hours back. Orders book when they are written (place_order, prisma/sql/place_order.sql), under the booking
// lock (BOOKING_LOCK) that readPlanningContext (./context.ts) takes; capacity_days_hours_check (booked <=
// capacity) is the backstop: no day is ever overbooked.

/** The transaction-scoped advisory lock every booking, release of a plan and calendar change takes. */
export const BOOKING_LOCK = 72707370;

/** Takes the booking lock until the transaction ends. */
export async function takeBookingLock(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${BOOKING_LOCK})`);
}

/** Raised when a day filled up between planning and booking; the caller's transaction runs again. */
export class CapacityConflictError extends RetryableError {
  constructor(readonly day: string) {
    super(`${day} filled up while booking; try again.`);
    this.name = "CapacityConflictError";
  }
}

/** True when a statement failed because a day could not take the hours (capacity_days_hours_check). */
export function isCapacityConflict(error: unknown): boolean {
  const cause = driverError(error);
  return cause.code === "23514" && (cause.message ?? "").includes("capacity_days_hours_check");
}

/** One operation's planned hours on its centre's days (from a Schedule), for book_operation. */
export type OperationBooking = { operationId: string; workCentre: string; start: string; end: string; bookings: { day: string; hours: number; capacity: number }[] };

/**
 * Books planned operations (the caller holds the booking lock and planned on current figures): each day gets
 * the hours and the capacity the plan read from the calendar, each operation its bookings and its planned
 * start and end (book_operations, prisma/sql/place_order.sql). capacity_days_hours_check is the backstop.
 */
export async function bookOperations(tx: Tx, orderId: string, operations: OperationBooking[]): Promise<void> {
  if (operations.length === 0) return;
  await tx.$executeRawUnsafe(`SELECT "book_operations"($1::text, $2::jsonb)`, orderId, JSON.stringify(operations));
}

/**
 * Gives back hours an order booked, in one statement, and returns how many: every booking (on cancellation),
 * or only those after the day of `after` (work finished early: the days after it are free for other orders;
 * the finishing day keeps its booking, since the work was done in it); with `operationId`, only that
 * operation's.
 */
export async function releaseCapacity(tx: Tx, orderId: string, options: { after?: Date | null; operationId?: string } = {}): Promise<number> {
  const after = options.after ?? null;
  const operationId = options.operationId ?? null;
  const rows = await tx.$queryRaw<{ hours: number }[]>`
    WITH released AS (
      DELETE FROM "capacity_bookings" b
       WHERE b."order_id" = ${orderId}
         AND (${operationId}::text IS NULL OR b."operation_id" = ${operationId}::text)
         AND (${after}::timestamptz IS NULL OR b."day" > (${after}::timestamptz AT TIME ZONE 'UTC')::date)
      RETURNING b."work_centre_id", b."day", b."hours"),
    per_day AS (SELECT "work_centre_id", "day", sum("hours") AS "hours" FROM released GROUP BY 1, 2),
    updated AS (
      UPDATE "capacity_days" d SET "booked_hours" = GREATEST(d."booked_hours" - r."hours", 0), "updated_at" = now()
        FROM per_day r WHERE d."work_centre_id" = r."work_centre_id" AND d."day" = r."day"
      RETURNING d."day")
    SELECT COALESCE(sum("hours"), 0)::float8 AS "hours" FROM released`;
  return Number(rows[0]?.hours ?? 0);
}

import { planDelivery, weekStart, type DeliveryPlan } from "@/lib/configurator";
import { newId } from "@/lib/db/ids";
import { driverError, RetryableError } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import type { ShopSettings } from "@/lib/settings/queries";

/** Raised when a week filled up between planning and booking; the caller retries its transaction. */
export class CapacityConflictError extends RetryableError {
  constructor(readonly week: string) {
    super(`Week ${week} filled up while booking; try again.`);
    this.name = "CapacityConflictError";
  }
}

const HORIZON_WEEKS = 104;
/**
 * Most plans fit in the first weeks: planning on these horizons first skips computing two years of week
 * keys (planDelivery spends most of its time there).
 */
const SHORT_HORIZONS = [2, 12];
const CAPACITY_LOCK_KEY = 72_707_370;
const DAY_MS = 86_400_000;

export type CapacityState = { overrides: Record<string, number>; booked: Record<string, number> };
/** One capacity_weeks row as [week, capacityHours, isOverride, bookedHours]. */
export type CapacityRow = [string, number, boolean, number];

/** The first week start that planning reads: weeks that ended more than a week ago are history. */
export function capacityWindowStart(now = Date.now()): Date {
  return new Date(now - 7 * DAY_MS);
}

/** Planning input from capacity rows: admin overrides and the hours already booked per week. */
export function capacityFromRows(rows: Iterable<CapacityRow>): CapacityState {
  const overrides: Record<string, number> = {};
  const booked: Record<string, number> = {};
  for (const [week, capacityHours, isOverride, bookedHours] of rows) {
    if (isOverride) overrides[week] = capacityHours;
    if (bookedHours > 0) booked[week] = bookedHours;
  }
  return { overrides, booked };
}

/** Capacity overrides and booked hours per week, from the database, for planning. */
export async function loadCapacity(db: Tx): Promise<CapacityState> {
  const rows = await db.capacityWeek.findMany({
    where: { weekStart: { gte: capacityWindowStart() } },
    select: { week: true, capacityHours: true, isOverride: true, bookedHours: true },
  });
  return capacityFromRows(rows.map((r): CapacityRow => [r.week, r.capacityHours, r.isOverride, r.bookedHours]));
}

export type BookingRequest = {
  orderId: string;
  today: Date;
  leadDays: number;
  productionHours: number;
  settings: Pick<ShopSettings, "defaultWeeklyHours" | "shippingDays">;
};

export type BookingPlan = Extract<DeliveryPlan, { ok: true }>;

/**
 * Plans an order's production into the free weeks (the engine's planDelivery, shared with the browser).
 * Throws when the horizon has no room. Plans that fit in the first weeks are computed on shorter horizons
 * first: planDelivery is greedy and stops at the last booked week, so the result is the same.
 */
export function planBooking(request: Omit<BookingRequest, "orderId">, capacity: CapacityState): BookingPlan {
  const input = {
    today: request.today,
    leadDays: request.leadDays,
    productionHours: request.productionHours,
    shippingDays: request.settings.shippingDays,
    defaultWeeklyHours: request.settings.defaultWeeklyHours,
    overrides: capacity.overrides,
    booked: capacity.booked,
  };
  for (const horizonWeeks of SHORT_HORIZONS) {
    const plan = planDelivery({ ...input, horizonWeeks });
    if (plan.ok) return plan;
  }
  const plan = planDelivery({ ...input, horizonWeeks: HORIZON_WEEKS });
  if (!plan.ok) throw new Error(plan.message);
  return plan;
}

/**
 * Takes the transaction-scoped booking lock: bookers that hold it are served in turn, so a crowd competing
 * for the last hours re-plans on fresh figures instead of retrying. Held until COMMIT.
 */
export async function lockCapacity(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CAPACITY_LOCK_KEY})`;
}

/** The rows a plan books, as the JSON the booking statement reads. */
export function bookingRows(bookings: { week: string; hours: number }[]) {
  return bookings.map((b) => ({ id: newId(), week: b.week, weekStart: weekStart(b.week).toISOString().slice(0, 10), hours: b.hours }));
}

/**
 * SQL common table expressions that book hours for one order, in one statement: "booked_weeks" adds each
 * week's hours (creating the week at the default capacity when it has no row yet), "new_bookings" records
 * them. `rows` is a jsonb array of bookingRows, `orderId` an expression for the order's id, and
 * `defaultHours` the default weekly hours to use when the settings row is missing. The weeks are booked
 * only once `orderId` is known: when it reads a row the statement inserts, the order is written first.
 * Weeks are taken in calendar order (no deadlocks between orders booking several weeks). A week that
 * cannot take the hours any more fails the whole statement on the database's own guard
 * (capacity_weeks_hours_check: booked <= capacity): see isCapacityConflict.
 */
export function bookingCtes(rows: string, orderId: string, defaultHours: string): string {
  return `"booked_weeks" AS (
    INSERT INTO "capacity_weeks" ("week", "week_start", "capacity_hours", "booked_hours", "updated_at")
    SELECT b."week", b."weekStart",
      COALESCE((SELECT s."default_weekly_hours" FROM "settings" s WHERE s."id" = 1), ${defaultHours}), b."hours", now()
    FROM jsonb_to_recordset(${rows}) AS b("week" text, "weekStart" date, "hours" float8)
    WHERE ${orderId} IS NOT NULL
    ORDER BY b."week"
    ON CONFLICT ("week") DO UPDATE
      SET "booked_hours" = "capacity_weeks"."booked_hours" + EXCLUDED."booked_hours", "updated_at" = now()
    RETURNING "week"
  ),
  "new_bookings" AS (
    INSERT INTO "capacity_bookings" ("id", "order_id", "week", "hours", "created_at")
    SELECT b."id", ${orderId}, b."week", b."hours", now()
    FROM jsonb_to_recordset(${rows}) AS b("id" text, "week" text, "hours" float8)
    RETURNING "id"
  )`;
}

/** True when a statement failed because a week could not take the hours (it filled up since planning). */
export function isCapacityConflict(error: unknown): boolean {
  const cause = driverError(error);
  return cause.code === "23514" && (cause.message ?? "").includes("capacity_weeks_hours_check");
}

/**
 * Plans and books an order's production hours inside the caller's transaction, under the booking lock, in
 * one statement. The database guard refuses any week that would be overbooked, so concurrent orders (also
 * those booking without the lock) can never overbook a week; when one lost the race,
 * CapacityConflictError tells the caller to retry with fresh figures.
 */
export async function bookCapacity(tx: Tx, request: BookingRequest): Promise<BookingPlan> {
  await lockCapacity(tx);
  const plan = planBooking(request, await loadCapacity(tx));
  if (plan.bookings.length === 0) return plan;
  try {
    await tx.$queryRawUnsafe(
      `WITH ${bookingCtes("$1::jsonb", "$2::text", "$3::float8")} SELECT (SELECT count(*) FROM "booked_weeks")::int AS "weeks", (SELECT count(*) FROM "new_bookings")::int AS "bookings"`,
      JSON.stringify(bookingRows(plan.bookings)),
      request.orderId,
      request.settings.defaultWeeklyHours,
    );
  } catch (error) {
    if (isCapacityConflict(error)) throw new CapacityConflictError(plan.bookings.map((b) => b.week).join(", "));
    throw error;
  }
  return plan;
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

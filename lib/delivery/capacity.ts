import { planDelivery, type DeliveryPlan } from "@/lib/delivery/promise";
import { weekStart } from "@/lib/delivery/weeks";
import { newId } from "@/lib/db/ids";
import { driverError } from "@/lib/db/errors";
import { RetryableError } from "@/lib/db/transaction";
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
const SHORT_HORIZONS = [1, 8];
/** Also taken by the read_capacity SQL function (migration 20261125006000_place_order). */
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

// Week keys recur (every order books the next few weeks) and weekStart is date arithmetic: remember them.
const weekStarts = new Map<string, string>();
function weekStartDay(week: string): string {
  let day = weekStarts.get(week);
  if (day === undefined) {
    if (weekStarts.size >= 1_000) weekStarts.clear();
    weekStarts.set(week, (day = weekStart(week).toISOString().slice(0, 10)));
  }
  return day;
}

/** The rows a plan books, as the JSON the booking statements (BOOK_SQL, the place_order function) read. */
export function bookingRows(bookings: { week: string; hours: number }[]) {
  return bookings.map((b) => ({ id: newId(), week: b.week, weekStart: weekStartDay(b.week), hours: b.hours }));
}

/** True when a statement failed because a week could not take the hours (it filled up since planning). */
export function isCapacityConflict(error: unknown): boolean {
  const cause = driverError(error);
  return cause.code === "23514" && (cause.message ?? "").includes("capacity_weeks_hours_check");
}

/** The weeks a plan found full or filled, before its last booked week: they must be full once it is booked. */
export function weeksFilledBy(plan: BookingPlan): string[] {
  return plan.weeks.slice(0, -1).map((w) => w.week);
}

// Books the hours of one plan for one order, in one statement: each week gets its hours (created at the
// default capacity when it has no row yet), in calendar order so orders booking several weeks cannot
// deadlock; capacity_weeks_hours_check (booked <= capacity) refuses an overbooked week.
const BOOK_SQL = `WITH "taken" AS (
    INSERT INTO "capacity_weeks" ("week", "week_start", "capacity_hours", "booked_hours", "updated_at")
    SELECT b."week", b."weekStart", COALESCE((SELECT s."default_weekly_hours" FROM "settings" s WHERE s."id" = 1), $3::float8), b."hours", now()
    FROM jsonb_to_recordset($1::jsonb) AS b("week" text, "weekStart" date, "hours" float8)
    ORDER BY b."week"
    ON CONFLICT ("week") DO UPDATE
      SET "booked_hours" = "capacity_weeks"."booked_hours" + EXCLUDED."booked_hours", "updated_at" = now()
    RETURNING "week"
  ),
  "recorded" AS (
    INSERT INTO "capacity_bookings" ("id", "order_id", "week", "hours", "created_at")
    SELECT b."id", $2::text, b."week", b."hours", now()
    FROM jsonb_to_recordset($1::jsonb) AS b("id" text, "week" text, "hours" float8)
    RETURNING "id"
  )
SELECT (SELECT count(*) FROM "taken")::int AS "weeks", (SELECT count(*) FROM "recorded")::int AS "bookings"`;

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
    await tx.$queryRawUnsafe(BOOK_SQL, JSON.stringify(bookingRows(plan.bookings)), request.orderId, request.settings.defaultWeeklyHours);
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

import { planDelivery, weekStart, type DeliveryPlan } from "@/lib/configurator";
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
const CAPACITY_LOCK_KEY = 72_707_370;

/** Capacity overrides and booked hours per week, from the database, for planning. */
export async function loadCapacity(db: Tx): Promise<{ overrides: Record<string, number>; booked: Record<string, number> }> {
  const rows = await db.capacityWeek.findMany({
    where: { weekStart: { gte: new Date(Date.now() - 7 * 86_400_000) } },
    select: { week: true, capacityHours: true, isOverride: true, bookedHours: true },
  });
  const overrides: Record<string, number> = {};
  const booked: Record<string, number> = {};
  for (const row of rows) {
    if (row.isOverride) overrides[row.week] = row.capacityHours;
    if (row.bookedHours > 0) booked[row.week] = row.bookedHours;
  }
  return { overrides, booked };
}

export type BookingRequest = {
  orderId: string;
  today: Date;
  leadDays: number;
  productionHours: number;
  settings: Pick<ShopSettings, "defaultWeeklyHours" | "shippingDays">;
};

/**
 * Plans and books an order's production hours inside the caller's transaction. Each week is taken with
 * a conditional update (booked + hours <= capacity), so concurrent orders can never overbook a week;
 * when one lost the race, CapacityConflictError tells the caller to retry with fresh figures.
 */
export async function bookCapacity(tx: Tx, request: BookingRequest): Promise<Extract<DeliveryPlan, { ok: true }>> {
  // Bookings queue on one transaction-scoped lock, so a crowd competing for the last hours is served in
  // turn instead of retrying; the conditional update below still guards every week on its own.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CAPACITY_LOCK_KEY})`;
  const { overrides, booked } = await loadCapacity(tx);
  const plan = planDelivery({
    today: request.today,
    leadDays: request.leadDays,
    productionHours: request.productionHours,
    shippingDays: request.settings.shippingDays,
    defaultWeeklyHours: request.settings.defaultWeeklyHours,
    overrides,
    booked,
    horizonWeeks: HORIZON_WEEKS,
  });
  if (!plan.ok) throw new Error(plan.message);
  for (const { week, hours } of plan.bookings) {
    await tx.$executeRaw`INSERT INTO "capacity_weeks" ("week", "week_start", "capacity_hours", "updated_at")
      VALUES (${week}, ${weekStart(week)}::date, ${request.settings.defaultWeeklyHours}, now())
      ON CONFLICT ("week") DO NOTHING`;
    const taken = await tx.$executeRaw`UPDATE "capacity_weeks"
      SET "booked_hours" = "booked_hours" + ${hours}, "updated_at" = now()
      WHERE "week" = ${week} AND "booked_hours" + ${hours} <= "capacity_hours" + 0.000001`;
    if (taken !== 1) throw new CapacityConflictError(week);
  }
  if (plan.bookings.length > 0) {
    await tx.capacityBooking.createMany({
      data: plan.bookings.map((b) => ({ orderId: request.orderId, week: b.week, hours: b.hours })),
    });
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

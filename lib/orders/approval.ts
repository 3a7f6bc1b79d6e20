import { queryRows } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { readPlanningContext } from "@/lib/delivery/context";
import { planDelivery } from "@/lib/delivery/promise";
import { weekStart } from "@/lib/delivery/weeks";

// Approving a large order (fair use, issue 19): it waited without taking capacity; approval books its hours
// and sets its promised date at that moment, with the planner and the booking placement uses, under the
// same booking lock, so approvals never overbook and never race placements.

export type ApprovalBooking = { ok: true; promisedDate: Date; hours: number } | { ok: false; message: string };

/**
 * Books an approved order's production into the free weeks from `now` and sets its promised date (in the
 * caller's transaction, which holds the booking lock from here to its commit). Refuses when the horizon is full.
 */
export async function bookApprovedOrder(tx: Tx, order: { id: string; leadDays: number; productionHours: number }, now: Date): Promise<ApprovalBooking> {
  const { settings, capacity } = await readPlanningContext(tx, now, { lock: true });
  const plan = planDelivery({
    today: now, leadDays: order.leadDays, productionHours: order.productionHours,
    shippingDays: settings.shippingDays, defaultWeeklyHours: settings.defaultWeeklyHours, overrides: capacity.overrides, booked: capacity.booked,
  });
  if (!plan.ok) return plan;
  const bookings = plan.bookings.map((b) => ({ ...b, weekStart: weekStart(b.week).toISOString().slice(0, 10) }));
  await queryRows(tx, `SELECT "book_capacity"($1, $2::float8, $3::jsonb)::text AS "done"`, [order.id, settings.defaultWeeklyHours, JSON.stringify(bookings)]);
  const promised = plan.promisedDate.toISOString().slice(0, 10);
  await queryRows(tx, `UPDATE "orders" SET "promised_date" = $2::date, "snapshot" = jsonb_set("snapshot", '{promisedDate}', to_jsonb($2::text)), "hold_until" = NULL WHERE "id" = $1 RETURNING "id"`, [order.id, promised]);
  return { ok: true, promisedDate: plan.promisedDate, hours: plan.bookings.reduce((s, b) => s + b.hours, 0) };
}

import { queryRows } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { bookOperations } from "@/lib/delivery/capacity";
import { readPlanningContext } from "@/lib/delivery/context";
import { scheduleOrder } from "@/lib/delivery/schedule";

// Approving a large order (fair use, issue 19): it waited without taking capacity; approval books its
// operations and sets its promised date at that moment, with the planner and the booking placement uses,
// under the same booking lock, so approvals never overbook and never race placements.

export type ApprovalBooking = { ok: true; promisedDate: Date; hours: number } | { ok: false; message: string };

/**
 * Books an approved order's operations into the free days from `now` and sets its promised date (in the
 * caller's transaction, which holds the booking lock from here to its commit). Refuses when the horizon is full.
 */
export async function bookApprovedOrder(tx: Tx, order: { id: string; leadDays: number; productionHours: number }, now: Date): Promise<ApprovalBooking> {
  const { settings, calendar, booked } = await readPlanningContext(tx, now, { lock: true });
  const operations = await tx.orderOperation.findMany({ where: { orderId: order.id }, orderBy: { seq: "asc" }, select: { id: true, operationKey: true, label: true, workCentreId: true, hours: true } });
  const plan = scheduleOrder({
    today: now, leadDays: order.leadDays, shippingDays: settings.shippingDays, calendar, booked,
    operations: operations.map((o) => ({ key: o.id, label: o.label, workCentre: o.workCentreId, hours: o.hours })),
  });
  if (!plan.ok) return { ok: false, message: plan.message };
  await bookOperations(tx, order.id, plan.operations.map((o) => ({ operationId: o.key, workCentre: o.workCentre, start: o.start, end: o.end, bookings: o.bookings })));
  await queryRows(tx, `UPDATE "orders" SET "promised_date" = $2::date, "snapshot" = jsonb_set("snapshot", '{promisedDate}', to_jsonb($2::text)), "hold_until" = NULL WHERE "id" = $1 RETURNING "id"`, [order.id, plan.promisedDate]);
  return { ok: true, promisedDate: new Date(`${plan.promisedDate}T00:00:00Z`), hours: plan.operations.reduce((s, o) => s + o.hours, 0) };
}

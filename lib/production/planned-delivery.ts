import type { Tx } from "@/lib/db/types";
import { capacityGrid, dateOfDay, dayOfDate, firstOpenDay, type WorkshopCalendar } from "@/lib/delivery/calendar";

/**
 * When an order can now be delivered by its plan: the end of its last operation not yet done, plus the shipping
 * days, moved to the next day the shop works (as the promise at order time). Null when no operation is left.
 */
export async function plannedDelivery(tx: Tx, orderId: string, calendar: WorkshopCalendar, shippingDays: number): Promise<{ productionEnd: Date; date: Date } | null> {
  const last = await tx.orderOperation.aggregate({ where: { orderId, status: { not: "DONE" } }, _max: { plannedEnd: true } });
  const end = last._max.plannedEnd;
  if (!end) return null;
  return { productionEnd: end, date: deliveryDay(calendar, dayOfDate(end), shippingDays) };
}

/** The production end plus the shipping days, on a day the shop works. */
export function deliveryDay(calendar: WorkshopCalendar, endDay: number, shippingDays: number): Date {
  const day = endDay + shippingDays;
  return dateOfDay(firstOpenDay(capacityGrid(calendar, day, 60), day));
}

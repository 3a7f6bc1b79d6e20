import { nextWeeks, weekKey, weekStart } from "@/lib/delivery/weeks";
import type { Prisma } from "@/lib/db/client";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import type { OrderStatus } from "@/lib/orders/status";
import { toCsv } from "@/lib/csv";

export type MaterialLine = { sku: string; name: string; quantity: number; orders: string[] };
export type MaterialsWeek = { week: string; start: Date; lines: MaterialLine[]; orders: number };

/** Orders whose parts still have to be bought: production has not started. */
const NEEDS_PARTS: OrderStatus[] = ["PLACED", "CONFIRMED"];

/** Adds up bills of materials per SKU (pure): quantities summed, order numbers listed once each. */
export function sumMaterials(orders: { number: string; bom: { sku: string; name?: string; quantity: number }[] }[]): MaterialLine[] {
  const lines = new Map<string, MaterialLine>();
  for (const order of orders) {
    for (const item of order.bom) {
      const line = lines.get(item.sku) ?? { sku: item.sku, name: item.name ?? item.sku, quantity: 0, orders: [] };
      line.quantity = Math.round((line.quantity + item.quantity) * 1000) / 1000;
      if (!line.orders.includes(order.number)) line.orders.push(order.number);
      lines.set(item.sku, line);
    }
  }
  return [...lines.values()].sort((a, b) => a.sku.localeCompare(b.sku));
}

/**
 * Just in time: the components needed by orders not yet in production, in the week their production is
 * booked to start (the first booked week; an overdue start counts in the current week), for the next weeks.
 */
export async function findMaterialsAhead(db: Prisma, today = new Date(), count = 12): Promise<MaterialsWeek[]> {
  const keys = nextWeeks(today, count);
  const last = keys[keys.length - 1] ?? keys[0] ?? "";
  const first = keys[0] ?? "";
  const orders = await db.order.findMany({
    where: { status: { in: NEEDS_PARTS }, bookings: { some: { day: { lt: new Date(weekStart(last).getTime() + 7 * 86_400_000) } } } },
    select: { number: true, snapshot: true, bookings: { select: { day: true }, orderBy: { day: "asc" }, take: 1 } },
  });
  const perWeek = new Map<string, { number: string; bom: OrderSnapshot["bom"] }[]>();
  for (const order of orders) {
    const day = order.bookings[0]?.day;
    const booked = day ? weekKey(day) : undefined;
    if (!booked) continue;
    const week = booked < first ? first : booked;
    const bom = ((order.snapshot ?? {}) as Partial<OrderSnapshot>).bom ?? [];
    perWeek.set(week, [...(perWeek.get(week) ?? []), { number: order.number, bom }]);
  }
  return keys.map((week) => {
    const list = perWeek.get(week) ?? [];
    return { week, start: weekStart(week), lines: sumMaterials(list), orders: list.length };
  });
}

/** The materials plan as CSV, one row per week and component. */
export function materialsCsv(weeks: MaterialsWeek[]): string {
  const rows = weeks.flatMap((w) => w.lines.map((l) => [w.week, w.start.toISOString().slice(0, 10), l.sku, l.name, l.quantity, l.orders.join(" ")]));
  return toCsv([["week", "week_start", "sku", "component", "quantity", "orders"], ...rows]);
}

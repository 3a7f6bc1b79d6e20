import { nextWeeks, weekKey, weekStart } from "@/lib/delivery/weeks";
import type { Prisma } from "@/lib/db/client";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import type { OrderStatus } from "@/lib/orders/status";
import { toCsv } from "@/lib/csv";

/** One component needed in a week: how many, for which orders, and the last day to order it (needed day minus its supply days). */
export type MaterialLine = { sku: string; name: string; quantity: number; orders: string[]; supplyDays: number; orderBy: Date };
export type MaterialsWeek = { week: string; start: Date; lines: MaterialLine[]; orders: number };

type Need = { number: string; neededOn: Date; bom: { sku: string; name?: string; quantity: number; supplyDays?: number }[] };

const DAY_MS = 86_400_000;

/** Orders whose parts still have to be bought: production has not started. */
const NEEDS_PARTS: OrderStatus[] = ["PLACED", "CONFIRMED"];

/**
 * Adds up bills of materials per SKU (pure): quantities summed, order numbers listed once each, and the order-by
 * day: the earliest day an order needs the component (its first operation's planned start) minus the component's
 * supply days.
 */
export function sumMaterials(orders: Need[]): MaterialLine[] {
  const lines = new Map<string, MaterialLine>();
  for (const order of orders) {
    for (const item of order.bom) {
      const supplyDays = item.supplyDays ?? 0;
      const orderBy = new Date(order.neededOn.getTime() - supplyDays * DAY_MS);
      const line = lines.get(item.sku) ?? { sku: item.sku, name: item.name ?? item.sku, quantity: 0, orders: [], supplyDays, orderBy };
      line.quantity = Math.round((line.quantity + item.quantity) * 1000) / 1000;
      if (!line.orders.includes(order.number)) line.orders.push(order.number);
      if (orderBy < line.orderBy) line.orderBy = orderBy;
      line.supplyDays = Math.max(line.supplyDays, supplyDays);
      lines.set(item.sku, line);
    }
  }
  return [...lines.values()].sort((a, b) => a.orderBy.getTime() - b.orderBy.getTime() || a.sku.localeCompare(b.sku));
}

/**
 * Just in time: the components needed by orders not yet in production, in the week their first operation is
 * planned to start (an overdue start counts in the current week), for the next weeks, each with its order-by day.
 */
export async function findMaterialsAhead(db: Prisma, today = new Date(), count = 12): Promise<MaterialsWeek[]> {
  const keys = nextWeeks(today, count);
  const first = keys[0] ?? "";
  const end = new Date(weekStart(keys[keys.length - 1] ?? first).getTime() + 7 * DAY_MS);
  const operations = await db.orderOperation.findMany({
    where: { seq: 0, plannedStart: { lt: end }, order: { status: { in: NEEDS_PARTS } } },
    select: { plannedStart: true, order: { select: { number: true, snapshot: true } } },
  });
  const perWeek = new Map<string, Need[]>();
  for (const { plannedStart, order } of operations) {
    if (!plannedStart) continue;
    const booked = weekKey(plannedStart);
    const week = booked < first ? first : booked;
    const bom = ((order.snapshot ?? {}) as Partial<OrderSnapshot>).bom ?? [];
    perWeek.set(week, [...(perWeek.get(week) ?? []), { number: order.number, neededOn: plannedStart, bom }]);
  }
  return keys.map((week) => {
    const list = perWeek.get(week) ?? [];
    return { week, start: weekStart(week), lines: sumMaterials(list), orders: list.length };
  });
}

/** The materials plan as CSV, one row per week and component. */
export function materialsCsv(weeks: MaterialsWeek[]): string {
  const rows = weeks.flatMap((w) => w.lines.map((l) => [w.week, w.start.toISOString().slice(0, 10), l.sku, l.name, l.quantity, l.supplyDays, l.orderBy.toISOString().slice(0, 10), l.orders.join(" ")]));
  return toCsv([["week", "week_start", "sku", "component", "quantity", "supply_days", "order_by", "orders"], ...rows]);
}

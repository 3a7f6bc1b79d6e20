import { nextWeeks, weekKey, weekStart } from "@/lib/delivery/weeks";
import type { Prisma } from "@/lib/db/client";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import type { OrderStatus } from "@/lib/orders/status";
import { toCsv } from "@/lib/csv";
import { componentNames, nameComponents } from "./component-names";

/**
 * One component needed in a week: its name and unit ("" when no definition gives one), how many, for which
 * orders, and the last day to order it (needed day minus its supply days).
 */
export type MaterialLine = { sku: string; name: string; unit: string; quantity: number; orders: string[]; supplyDays: number; orderBy: Date };
export type MaterialsWeek = { week: string; start: Date; lines: MaterialLine[]; orders: number };

type Need = { number: string; /** The specification's revision (1 as placed); a changed order is listed with it. */ revision?: number; neededOn: Date; bom: { sku: string; name?: string; unit?: string; quantity: number; supplyDays?: number }[] };

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
      const line = lines.get(item.sku) ?? { sku: item.sku, name: "", unit: "", quantity: 0, orders: [], supplyDays, orderBy };
      if (!line.name && item.name) line.name = item.name;
      if (!line.unit && item.unit) line.unit = item.unit;
      line.quantity = Math.round((line.quantity + item.quantity) * 1000) / 1000;
      const label = orderLabel(order);
      if (!line.orders.includes(label)) line.orders.push(label);
      if (orderBy < line.orderBy) line.orderBy = orderBy;
      line.supplyDays = Math.max(line.supplyDays, supplyDays);
      lines.set(item.sku, line);
    }
  }
  return [...lines.values()].sort((a, b) => a.orderBy.getTime() - b.orderBy.getTime() || a.sku.localeCompare(b.sku));
}

/** An order as the materials plan lists it: its number, and its revision once changed ("AT-2026-000012 (rev. 2)"). */
const orderLabel = (order: { number: string; revision?: number }): string => ((order.revision ?? 1) > 1 ? `${order.number} (rev. ${order.revision})` : order.number);

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
    select: { plannedStart: true, order: { select: { number: true, revision: true, snapshot: true, productVersionId: true } } },
  });
  // Orders placed before their components were named: name them from their product versions.
  const unnamed = operations.filter(({ order }) => bomOf(order.snapshot).some((item) => !item.name || !item.unit));
  const versionIds = [...new Set(unnamed.map(({ order }) => order.productVersionId))];
  const versions = versionIds.length ? await db.productVersion.findMany({ where: { id: { in: versionIds } }, select: { definition: true } }) : [];
  const names = componentNames(versions.map((v) => v.definition));
  const perWeek = new Map<string, Need[]>();
  for (const { plannedStart, order } of operations) {
    if (!plannedStart) continue;
    const booked = weekKey(plannedStart);
    const week = booked < first ? first : booked;
    const bom = nameComponents(bomOf(order.snapshot), names);
    perWeek.set(week, [...(perWeek.get(week) ?? []), { number: order.number, revision: order.revision, neededOn: plannedStart, bom }]);
  }
  return keys.map((week) => {
    const list = perWeek.get(week) ?? [];
    return { week, start: weekStart(week), lines: sumMaterials(list), orders: list.length };
  });
}

const bomOf = (snapshot: unknown): Need["bom"] => {
  const bom = ((snapshot ?? {}) as Partial<OrderSnapshot>).bom;
  return Array.isArray(bom) ? bom : [];
};

/** The materials plan as CSV, one row per week and component (the component's name, never its SKU again; orders separated by "; "). */
export function materialsCsv(weeks: MaterialsWeek[]): string {
  const rows = weeks.flatMap((w) => w.lines.map((l) => [w.week, w.start.toISOString().slice(0, 10), l.sku, l.name, l.quantity, l.unit, l.supplyDays, l.orderBy.toISOString().slice(0, 10), l.orders.join("; ")]));
  return toCsv([["week", "week_start", "sku", "component", "quantity", "unit", "supply_days", "order_by", "orders"], ...rows]);
}

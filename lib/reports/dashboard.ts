import type { Prisma } from "@/lib/db/client";
import { nextWeeks, weekKey, weekStart } from "@/lib/delivery/weeks";
import type { OrderStatus } from "@/lib/orders/status";
import { findWorkshopLoad } from "@/lib/workshop/load";

/** Revenue in one currency: orders keep the currency they were placed in, and amounts of different currencies are never added up. */
export type Money = { currency: string; cents: number };
/** revenueCents: the week's revenue in `currency` (the shop's); revenue: every currency the week's orders were in. */
export type WeekPoint = { week: string; orders: number; revenueCents: number; revenue: Money[] };
export type LoadPoint = { week: string; capacityHours: number; bookedHours: number; loadPercent: number };

export type Dashboard = {
  weeks: WeekPoint[];
  byStatus: { status: OrderStatus; count: number }[];
  delivered: number;
  onTime: number;
  onTimePercent: number | null;
  averageLeadDays: number | null;
  load: LoadPoint[];
  /** Revenue per currency, the shop currency first. */
  totals: { orders: number; revenue: Money[] };
  /** Change orders in the same weeks: applied changes and their effect on the price (per currency), requests pending and declined. */
  changes: { applied: number; pending: number; declined: number; priceEffect: Money[] };
};

function addTo(list: Money[], currency: string, cents: number): void {
  const entry = list.find((m) => m.currency === currency);
  if (entry) entry.cents += cents;
  else list.push({ currency, cents });
}

const shopFirst = (currency: string) => (a: Money, b: Money) => (a.currency === currency ? -1 : b.currency === currency ? 1 : a.currency.localeCompare(b.currency));

const DAY = 86_400_000;

/** The admin dashboard figures: last `weeks` ISO weeks of orders and revenue, statuses, on-time delivery, load ahead. */
export async function getDashboard(db: Prisma, weeks = 12, today = new Date(), currency = "EUR"): Promise<Dashboard> {
  const first = weekStart(nextWeeks(new Date(today.getTime() - (weeks - 1) * 7 * DAY), 1)[0]!);
  const [recent, statusGroups, delivered, leads, capacity, revisions] = await Promise.all([
    db.order.findMany({ where: { createdAt: { gte: first } }, select: { createdAt: true, totalCents: true, currency: true, status: true } }),
    db.order.groupBy({ by: ["status"], _count: { _all: true } }),
    db.order.findMany({ where: { status: "DELIVERED", deliveredAt: { not: null } }, select: { promisedDate: true, deliveredAt: true } }),
    db.order.findMany({ where: { status: { not: "CANCELLED" }, createdAt: { gte: first } }, select: { createdAt: true, promisedDate: true } }),
    findWorkshopLoad(db, { today, weeks: 8 }),
    db.orderRevision.findMany({ where: { createdAt: { gte: first } }, select: { status: true, totalBeforeCents: true, totalAfterCents: true, order: { select: { currency: true } } } }),
  ]);
  const priceEffect: Money[] = [];
  for (const r of revisions) if (r.status === "APPLIED") addTo(priceEffect, r.order.currency, r.totalAfterCents - r.totalBeforeCents);
  const keys = nextWeeks(first, weeks);
  const points = new Map<string, WeekPoint>(keys.map((week) => [week, { week, orders: 0, revenueCents: 0, revenue: [] }]));
  const total: Money[] = [];
  for (const order of recent) {
    const point = points.get(weekKey(order.createdAt));
    if (!point) continue;
    point.orders += 1;
    if (order.status === "CANCELLED") continue;
    addTo(point.revenue, order.currency, order.totalCents);
    addTo(total, order.currency, order.totalCents);
    if (order.currency === currency) point.revenueCents += order.totalCents;
  }
  // Delivered on time when delivered no later than the promised calendar day (UTC).
  const onTime = delivered.filter((o) => o.deliveredAt!.getTime() < o.promisedDate.getTime() + DAY).length;
  const leadDays = leads.map((o) => (o.promisedDate.getTime() - Date.UTC(o.createdAt.getUTCFullYear(), o.createdAt.getUTCMonth(), o.createdAt.getUTCDate())) / DAY);
  const weekPoints = [...points.values()].map((p) => ({ ...p, revenue: p.revenue.sort(shopFirst(currency)) }));
  return {
    weeks: weekPoints,
    byStatus: statusGroups.map((g) => ({ status: g.status, count: g._count._all })),
    delivered: delivered.length,
    onTime,
    onTimePercent: delivered.length ? Math.round((onTime / delivered.length) * 1000) / 10 : null,
    averageLeadDays: leadDays.length ? Math.round((leadDays.reduce((a, b) => a + b, 0) / leadDays.length) * 10) / 10 : null,
    // The whole workshop's load: every work centre's hours added up (the capacity page has them per centre).
    load: capacity.weeks.map((w, i) => {
      const capacityHours = Math.round(capacity.centres.reduce((a, c) => a + c.weeks[i]!.available, 0) * 10) / 10;
      const bookedHours = Math.round(capacity.centres.reduce((a, c) => a + c.weeks[i]!.booked, 0) * 10) / 10;
      return { week: w.week, capacityHours, bookedHours, loadPercent: capacityHours > 0 ? Math.round((bookedHours / capacityHours) * 1000) / 10 : 0 };
    }),
    totals: { orders: weekPoints.reduce((a, p) => a + p.orders, 0), revenue: total.sort(shopFirst(currency)) },
    changes: {
      applied: revisions.filter((r) => r.status === "APPLIED").length,
      pending: revisions.filter((r) => r.status === "PENDING").length,
      declined: revisions.filter((r) => r.status === "DECLINED").length,
      priceEffect: priceEffect.sort(shopFirst(currency)),
    },
  };
}

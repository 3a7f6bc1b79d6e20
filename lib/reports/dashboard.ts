import type { Prisma } from "@/lib/db/client";
import { nextWeeks, weekKey, weekStart } from "@/lib/delivery/weeks";
import type { OrderStatus } from "@/lib/orders/status";
import { findWorkshopLoad } from "@/lib/workshop/load";

export type WeekPoint = { week: string; orders: number; revenueCents: number };
export type LoadPoint = { week: string; capacityHours: number; bookedHours: number; loadPercent: number };

export type Dashboard = {
  weeks: WeekPoint[];
  byStatus: { status: OrderStatus; count: number }[];
  delivered: number;
  onTime: number;
  onTimePercent: number | null;
  averageLeadDays: number | null;
  load: LoadPoint[];
  totals: { orders: number; revenueCents: number };
};

const DAY = 86_400_000;

/** The admin dashboard figures: last `weeks` ISO weeks of orders and revenue, statuses, on-time delivery, load ahead. */
export async function getDashboard(db: Prisma, weeks = 12, today = new Date()): Promise<Dashboard> {
  const first = weekStart(nextWeeks(new Date(today.getTime() - (weeks - 1) * 7 * DAY), 1)[0]!);
  const [recent, statusGroups, delivered, leads, capacity] = await Promise.all([
    db.order.findMany({ where: { createdAt: { gte: first } }, select: { createdAt: true, totalCents: true, status: true } }),
    db.order.groupBy({ by: ["status"], _count: { _all: true } }),
    db.order.findMany({ where: { status: "DELIVERED", deliveredAt: { not: null } }, select: { promisedDate: true, deliveredAt: true } }),
    db.order.findMany({ where: { status: { not: "CANCELLED" }, createdAt: { gte: first } }, select: { createdAt: true, promisedDate: true } }),
    findWorkshopLoad(db, { today, weeks: 8 }),
  ]);
  const keys = nextWeeks(first, weeks);
  const points = new Map<string, WeekPoint>(keys.map((week) => [week, { week, orders: 0, revenueCents: 0 }]));
  for (const order of recent) {
    const point = points.get(weekKey(order.createdAt));
    if (!point) continue;
    point.orders += 1;
    if (order.status !== "CANCELLED") point.revenueCents += order.totalCents;
  }
  // Delivered on time when delivered no later than the promised calendar day (UTC).
  const onTime = delivered.filter((o) => o.deliveredAt!.getTime() < o.promisedDate.getTime() + DAY).length;
  const leadDays = leads.map((o) => (o.promisedDate.getTime() - Date.UTC(o.createdAt.getUTCFullYear(), o.createdAt.getUTCMonth(), o.createdAt.getUTCDate())) / DAY);
  const weekPoints = [...points.values()];
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
    totals: { orders: weekPoints.reduce((a, p) => a + p.orders, 0), revenueCents: weekPoints.reduce((a, p) => a + p.revenueCents, 0) },
  };
}

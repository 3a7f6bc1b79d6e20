import { nextWeeks, weekStart } from "@/lib/delivery/weeks";
import type { Prisma } from "@/lib/db/client";

export type CapacityRow = { week: string; weekStart: Date; capacityHours: number; bookedHours: number; isOverride: boolean };

/** Capacity and booked hours of the next `count` ISO weeks (weeks without a row follow the default). */
export async function findCapacityWeeks(db: Prisma, defaultWeeklyHours: number, count = 12, today = new Date()): Promise<CapacityRow[]> {
  const weeks = nextWeeks(today, count);
  const rows = await db.capacityWeek.findMany({ where: { week: { in: weeks } } });
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return weeks.map((week) => {
    const row = byWeek.get(week);
    return {
      week,
      weekStart: weekStart(week),
      capacityHours: row?.capacityHours ?? defaultWeeklyHours,
      bookedHours: row?.bookedHours ?? 0,
      isOverride: row?.isOverride ?? false,
    };
  });
}

/** Overrides set for weeks beyond the visible window (so none is forgotten). */
export async function findLaterOverrides(db: Prisma, after: Date): Promise<CapacityRow[]> {
  const rows = await db.capacityWeek.findMany({ where: { isOverride: true, weekStart: { gt: after } }, orderBy: { weekStart: "asc" }, take: 50 });
  return rows.map((r) => ({ week: r.week, weekStart: r.weekStart, capacityHours: r.capacityHours, bookedHours: r.bookedHours, isOverride: true }));
}

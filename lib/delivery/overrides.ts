import { z } from "zod";
import { writeAudit } from "@/lib/audit/write";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import { getSettings } from "@/lib/settings/queries";
import { isWeekKey, weekStart } from "./weeks";

// One week's capacity set by an admin (a holiday, overtime) instead of the shop's default weekly hours.

export const capacityOverrideSchema = z.object({
  week: z.string().refine(isWeekKey, "Use an ISO week like 2026-W52"),
  capacityHours: z.coerce.number("Enter a number of hours").min(0, "Use 0 or more hours").max(1000, "Use at most 1000 hours"),
});

export type OverrideResult = { ok: true; message: string } | { ok: false; message: string; field?: string };

/** Sets one week's capacity (a holiday or overtime); it cannot go below the hours already booked. */
export async function setCapacityOverride(db: Prisma, actor: { id: string }, week: string, capacityHours: number): Promise<OverrideResult> {
  return runTransaction(db, async (tx) => {
    const row = await tx.capacityWeek.findUnique({ where: { week }, select: { bookedHours: true, capacityHours: true } });
    if (row && row.bookedHours > capacityHours + 1e-6) {
      return { ok: false as const, field: "capacityHours", message: `${row.bookedHours} h are already booked in ${week}; capacity cannot be lower.` };
    }
    await tx.capacityWeek.upsert({
      where: { week },
      create: { week, weekStart: weekStart(week), capacityHours, isOverride: true },
      update: { capacityHours, isOverride: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "capacity.override", entityType: "CapacityWeek", entityId: week, summary: `Set ${week} to ${capacityHours} h${row ? ` (was ${row.capacityHours} h)` : ""}` });
    return { ok: true as const, message: `${week} now has ${capacityHours} h.` };
  });
}

/** Returns a week to the default weekly hours (or to its booked hours, if more are booked). */
export async function clearCapacityOverride(db: Prisma, actor: { id: string }, week: string): Promise<OverrideResult> {
  return runTransaction(db, async (tx) => {
    const { defaultWeeklyHours } = await getSettings(tx as Prisma);
    const row = await tx.capacityWeek.findUnique({ where: { week }, select: { bookedHours: true, isOverride: true } });
    if (!row?.isOverride) return { ok: true as const, message: `${week} already follows the default.` };
    await tx.capacityWeek.update({ where: { week }, data: { isOverride: false, capacityHours: Math.max(row.bookedHours, defaultWeeklyHours) } });
    await writeAudit(tx, { actorId: actor.id, action: "capacity.clear-override", entityType: "CapacityWeek", entityId: week, summary: `${week} back to the default ${defaultWeeklyHours} h` });
    return { ok: true as const, message: `${week} follows the default again.` };
  });
}

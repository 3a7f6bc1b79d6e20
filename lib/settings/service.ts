import { z } from "zod";
import { isWeekKey, weekStart } from "@/lib/delivery/weeks";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import { writeAudit } from "@/lib/audit/write";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { getSettings } from "./queries";

export const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CAD", "AUD", "JPY"] as const;

export const settingsSchema = z.object({
  companyName: z.string().trim().min(1, "Enter the company name").max(120, "Use at most 120 characters").refine(hasNoNul, NUL_MESSAGE),
  currency: z.enum(CURRENCIES, "Choose a currency"),
  defaultWeeklyHours: z.coerce.number("Enter a number of hours").min(0, "Use 0 or more hours").max(1000, "Use at most 1000 hours"),
  shippingDays: z.coerce.number("Enter a number of days").int("Use whole days").min(0, "Use 0 or more days").max(365, "Use at most 365 days"),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

export const capacityOverrideSchema = z.object({
  week: z.string().refine(isWeekKey, "Use an ISO week like 2026-W52"),
  capacityHours: z.coerce.number("Enter a number of hours").min(0, "Use 0 or more hours").max(1000, "Use at most 1000 hours"),
});

export type ServiceResult = { ok: true; message: string } | { ok: false; message: string; field?: string };

/**
 * Saves the shop settings and audits the change. Weeks that follow the default get the new default
 * capacity, never below the hours already booked in them (the database refuses overbooking).
 */
export async function updateSettings(db: Prisma, actor: { id: string }, input: SettingsInput): Promise<ServiceResult> {
  return runTransaction(db, async (tx) => {
    const before = await getSettings(tx as Prisma);
    await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    if (before.defaultWeeklyHours !== input.defaultWeeklyHours) {
      await tx.$executeRaw`UPDATE "capacity_weeks" SET "capacity_hours" = GREATEST("booked_hours", ${input.defaultWeeklyHours}), "updated_at" = now() WHERE "is_override" = false`;
    }
    const changed = (Object.keys(input) as (keyof SettingsInput)[]).filter((k) => before[k] !== input[k]);
    await writeAudit(tx, { actorId: actor.id, action: "settings.update", entityType: "Settings", entityId: "1", summary: changed.length ? `Changed ${changed.join(", ")}` : "Saved settings without changes", data: { before, after: input } });
    return { ok: true as const, message: "Settings saved." };
  });
}

/** Sets one week's capacity (a holiday or overtime); it cannot go below the hours already booked. */
export async function setCapacityOverride(db: Prisma, actor: { id: string }, week: string, capacityHours: number): Promise<ServiceResult> {
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
export async function clearCapacityOverride(db: Prisma, actor: { id: string }, week: string): Promise<ServiceResult> {
  return runTransaction(db, async (tx) => {
    const { defaultWeeklyHours } = await getSettings(tx as Prisma);
    const row = await tx.capacityWeek.findUnique({ where: { week }, select: { bookedHours: true, isOverride: true } });
    if (!row?.isOverride) return { ok: true as const, message: `${week} already follows the default.` };
    await tx.capacityWeek.update({ where: { week }, data: { isOverride: false, capacityHours: Math.max(row.bookedHours, defaultWeeklyHours) } });
    await writeAudit(tx, { actorId: actor.id, action: "capacity.clear-override", entityType: "CapacityWeek", entityId: week, summary: `${week} back to the default ${defaultWeeklyHours} h` });
    return { ok: true as const, message: `${week} follows the default again.` };
  });
}

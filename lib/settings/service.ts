import { z } from "zod";
import { writeAudit } from "@/lib/audit/write";
import type { Prisma } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { runTransaction } from "@/lib/db/transaction";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { getFairUse, getSettings } from "./queries";

export const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "DKK", "NOK", "PLN", "CAD", "AUD", "JPY"] as const;

export const settingsSchema = z.object({
  companyName: z.string().trim().min(1, "Enter the company name").max(120, "Use at most 120 characters").refine(hasNoNul, NUL_MESSAGE),
  currency: z.enum(CURRENCIES, "Choose a currency"),
  shippingDays: z.coerce.number("Enter a number of days").int("Use whole days").min(0, "Use 0 or more days").max(365, "Use at most 365 days"),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

/** The fair-use rules as the admin settings form submits them (lib/settings/fair-use.ts). */
export const fairUseSchema = z.object({
  maxQuantity: z.coerce.number("Enter a number").int("Use a whole number").min(1, "Allow at least 1 per order").max(10_000, "Use at most 10000"),
  customerOpenHoursCap: z.coerce.number("Enter a number of hours").min(1, "Use at least 1 hour").max(100_000, "Use at most 100000 hours"),
  approvalHoursThreshold: z.coerce.number("Enter a number of hours").min(0, "Use 0 or more hours").max(100_000, "Use at most 100000 hours"),
  approvalValueThreshold: z.coerce.number("Enter an amount").min(0, "Use 0 or more").max(100_000_000, "Use at most 100000000").transform((units) => Math.round(units * 100)),
  approvalHoldDays: z.coerce.number("Enter a number of days").int("Use whole days").min(1, "Use at least 1 day").max(60, "Use at most 60 days"),
});
export type FairUseInput = z.infer<typeof fairUseSchema>;

export type ServiceResult = { ok: true; message: string } | { ok: false; message: string; field?: string };

/** Saves the shop settings and audits the change. */
export async function updateSettings(db: Prisma, actor: { id: string }, input: SettingsInput, fairUse?: FairUseInput): Promise<ServiceResult> {
  return runTransaction(db, async (tx) => {
    const before = await getSettings(tx as Prisma);
    const fairBefore = await getFairUse(tx as Prisma);
    await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...input, ...fairUse }, update: { ...input, ...fairUse } });
    const changed = [
      ...(Object.keys(input) as (keyof SettingsInput)[]).filter((k) => before[k] !== input[k]),
      ...(fairUse ? (Object.keys(fairUse) as (keyof FairUseInput)[]).filter((k) => fairBefore[k] !== fairUse[k]) : []),
    ];
    await writeAudit(tx, {
      actorId: actor.id, action: "settings.update", entityType: "Settings", entityId: "1",
      summary: changed.length ? `Changed ${changed.join(", ")}` : "Saved settings without changes",
      data: fairUse ? { before: { ...before, ...fairBefore }, after: { ...input, ...fairUse } } : { before, after: input },
    });
    return { ok: true as const, message: "Settings saved." };
  });
}

/**
 * Marks the workshop's calendar as changed (work centres, exceptions, closures): a plan made on an older
 * calendar_version is stale. Creates the settings row with its defaults when there is none yet. Call it in
 * the transaction that makes the change; returns the new version.
 */
export async function bumpCalendarVersion(tx: Tx): Promise<number> {
  const row = await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, calendarVersion: 1 }, update: { calendarVersion: { increment: 1 } }, select: { calendarVersion: true } });
  return row.calendarVersion;
}

import { MAX_QUANTITY } from "@/lib/configurator/quantity";
import { z } from "zod";
import { fieldChanges } from "@/lib/audit/changes";
import { writeAudit } from "@/lib/audit/write";
import { formatCents } from "@/lib/money";
import type { Prisma } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { runTransaction } from "@/lib/db/transaction";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { getFairUse, getSettings } from "./queries";

import { CURRENCIES } from "./currencies";
import { hasPricedProducts } from "./currency";

export { CURRENCIES };

export const settingsSchema = z.object({
  companyName: z.string().trim().min(1, "Enter the company name").max(120, "Use at most 120 characters").refine(hasNoNul, NUL_MESSAGE),
  currency: z.enum(CURRENCIES, "Choose a currency"),
  shippingDays: z.coerce.number("Enter a number of days").int("Use whole days").min(0, "Use 0 or more days").max(365, "Use at most 365 days"),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

/** The fair-use rules as the admin settings form submits them (lib/settings/fair-use.ts). */
export const fairUseSchema = z.object({
  maxQuantity: z.coerce.number("Enter a number").int("Use a whole number").min(1, "Allow at least 1 per order").max(MAX_QUANTITY, `Use at most ${MAX_QUANTITY}`),
  customerOpenHoursCap: z.coerce.number("Enter a number of hours").min(1, "Use at least 1 hour").max(100_000, "Use at most 100000 hours"),
  approvalHoursThreshold: z.coerce.number("Enter a number of hours").min(0, "Use 0 or more hours").max(100_000, "Use at most 100000 hours"),
  approvalValueThreshold: z.coerce.number("Enter an amount").min(0, "Use 0 or more").max(100_000_000, "Use at most 100000000").transform((units) => Math.round(units * 100)),
  approvalHoldDays: z.coerce.number("Enter a number of days").int("Use whole days").min(1, "Use at least 1 day").max(60, "Use at most 60 days"),
});
export type FairUseInput = z.infer<typeof fairUseSchema>;

const SETTINGS_LABELS = { companyName: "Company name", currency: "Currency", shippingDays: "Shipping days" } as const;
const FAIR_USE_LABELS = {
  maxQuantity: "Most units per order",
  customerOpenHoursCap: "Open hours per customer",
  approvalHoursThreshold: "Approval above (hours)",
  approvalValueThreshold: "Approval above (value)",
  approvalHoldDays: "Approval hold",
} as const;

export type ServiceResult = { ok: true; message: string } | { ok: false; message: string; field?: string };

/** Saves the shop settings and audits the change. */
export async function updateSettings(db: Prisma, actor: { id: string }, input: SettingsInput, fairUse?: FairUseInput): Promise<ServiceResult> {
  return runTransaction(db, async (tx) => {
    const before = await getSettings(tx as Prisma);
    const fairBefore = await getFairUse(tx as Prisma);
    // Product prices are amounts in the shop currency: relabelling them would change every price. A change
    // of currency with products goes through changeShopCurrency (lib/settings/currency.ts), with a rate.
    if (input.currency !== before.currency && (await hasPricedProducts(tx))) {
      return { ok: false as const, field: "currency", message: `Product prices are in ${before.currency}: change the currency with an exchange rate (Change the currency, below), so that prices are converted.` };
    }
    await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...input, ...fairUse }, update: { ...input, ...fairUse } });
    const changes = [
      ...fieldChanges(before, input, SETTINGS_LABELS),
      ...(fairUse ? fieldChanges(fairBefore, fairUse, FAIR_USE_LABELS, {
        approvalValueThreshold: (c) => formatCents(Number(c), input.currency),
        customerOpenHoursCap: (h) => `${h} h`,
        approvalHoursThreshold: (h) => `${h} h`,
        approvalHoldDays: (d) => `${d} days`,
      }) : []),
    ];
    await writeAudit(tx, {
      actorId: actor.id, action: "settings.update", entityType: "Settings", entityId: "1",
      summary: changes.length ? `Changed ${changes.map((c) => c.field.toLowerCase()).join(", ")}` : "Saved settings without changes",
      data: fairUse ? { before: { ...before, ...fairBefore }, after: { ...input, ...fairUse } } : { before, after: input },
      changes,
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

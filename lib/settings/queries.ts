import type { Tx } from "@/lib/db/types";
import { DEFAULT_FAIR_USE, type FairUse } from "./fair-use";
import { DEFAULT_CHANGE_POLICY, type ChangePolicy } from "@/lib/orders/revision";

export type ShopSettings = {
  companyName: string;
  currency: string;
  shippingDays: number;
};

export const DEFAULT_SETTINGS: ShopSettings = {
  companyName: "Atelier",
  currency: "EUR",
  shippingDays: 5,
};

/** The shop settings (the single row), or the defaults before the first save. */
export async function getSettings(db: Tx): Promise<ShopSettings> {
  const row = await db.settings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_SETTINGS;
  const { companyName, currency, shippingDays } = row;
  return { companyName, currency, shippingDays };
}

/** The fair-use rules (the settings row's), or the defaults before the first save. */
export async function getFairUse(db: Tx): Promise<FairUse> {
  const row = await db.settings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_FAIR_USE;
  const { maxQuantity, customerOpenHoursCap, approvalHoursThreshold, approvalValueThreshold, approvalHoldDays } = row;
  return { maxQuantity, customerOpenHoursCap, approvalHoursThreshold, approvalValueThreshold, approvalHoldDays };
}

/** Until which stage customers change an order directly, and until which they may request a change (issue 23). */
export async function getChangePolicy(db: Tx): Promise<ChangePolicy> {
  const row = await db.settings.findUnique({ where: { id: 1 }, select: { changeDirectUntil: true, changeRequestUntil: true } });
  return row ?? DEFAULT_CHANGE_POLICY;
}

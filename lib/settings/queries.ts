import type { Tx } from "@/lib/db/types";

export type ShopSettings = {
  companyName: string;
  currency: string;
  defaultWeeklyHours: number;
  shippingDays: number;
};

export const DEFAULT_SETTINGS: ShopSettings = {
  companyName: "Atelier",
  currency: "EUR",
  defaultWeeklyHours: 80,
  shippingDays: 5,
};

/** The shop settings (the single row), or the defaults before the first save. */
export async function getSettings(db: Tx): Promise<ShopSettings> {
  const row = await db.settings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_SETTINGS;
  const { companyName, currency, defaultWeeklyHours, shippingDays } = row;
  return { companyName, currency, defaultWeeklyHours, shippingDays };
}

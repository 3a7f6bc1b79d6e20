"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { revalidateCatalog } from "@/lib/catalog/cache";
import { getDb } from "@/lib/db";
import { formText } from "@/lib/forms/read";
import { SAVE_FAILED, type FormState } from "@/lib/forms/state";
import { changeShopCurrency, currencyChangeSchema } from "./currency";
import { fairUseSchema, settingsSchema, updateSettings } from "./service";

const FAIR_USE_FIELDS = ["maxQuantity", "customerOpenHoursCap", "approvalHoursThreshold", "approvalValueThreshold", "approvalHoldDays"] as const;

/** Saves company name, currency, shipping days and (when the form carries them) the fair-use rules. */
export async function updateSettingsAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const values = {
    companyName: formText(formData, "companyName"),
    currency: formText(formData, "currency"),
    shippingDays: formText(formData, "shippingDays"),
  };
  const fairValues = Object.fromEntries(FAIR_USE_FIELDS.filter((k) => formData.has(k)).map((k) => [k, formText(formData, k)]));
  const withFairUse = Object.keys(fairValues).length > 0;
  const parsed = settingsSchema.safeParse(values);
  const fair = withFairUse ? fairUseSchema.safeParse(fairValues) : null;
  const allValues = { ...values, ...fairValues } as Record<string, string>;
  if (!parsed.success || (fair && !fair.success)) {
    const errors = {
      ...(parsed.success ? {} : z.flattenError(parsed.error).fieldErrors),
      ...(fair && !fair.success ? z.flattenError(fair.error).fieldErrors : {}),
    };
    return { ok: false, errors, values: allValues };
  }
  try {
    const result = await updateSettings(await getDb(), caller.user, parsed.data, fair?.success ? fair.data : undefined);
    if (!result.ok) return { ok: false, message: result.message, values: allValues, ...(result.field ? { errors: { [result.field]: [result.message] } } : {}) };
  } catch (error) {
    console.error("update settings failed", error);
    return { ok: false, message: SAVE_FAILED, values: allValues };
  }
  revalidateCatalog(); // prices are shown in the currency, delivery dates use shipping days and capacity
  revalidatePath("/admin/settings");
  return { ok: true, message: "Settings saved.", values: allValues };
}

/** Changes the shop currency, converting every product's prices at the rate the admin entered. */
export async function changeCurrencyAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const values = { currency: formText(formData, "currency"), rate: formText(formData, "rate") };
  const parsed = currencyChangeSchema.safeParse({ ...values, rate: values.rate === "" ? undefined : values.rate.replace(",", ".") });
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, values };
  let result;
  try {
    result = await changeShopCurrency(await getDb(), caller.user, parsed.data);
  } catch (error) {
    console.error("change currency failed", error);
    return { ok: false, message: SAVE_FAILED, values };
  }
  if (!result.ok) return { ok: false, message: result.message, values, ...(result.field ? { errors: { [result.field]: [result.message] } } : {}) };
  revalidateCatalog(); // every price and the currency they are shown in
  revalidatePath("/admin", "layout");
  return { ok: true, message: result.message, values: {} };
}

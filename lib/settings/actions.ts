"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revalidateCatalog } from "@/lib/catalog/cache";
import { isWeekKey } from "@/lib/delivery/weeks";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/forms/state";
import { capacityOverrideSchema, clearCapacityOverride, setCapacityOverride, settingsSchema, updateSettings } from "@/lib/settings/service";
import { forbiddenState, formText, getAdmin } from "../auth/guards";

const failure = "Something went wrong on our side. Nothing was saved; please try again.";

/** Saves company name, currency, default weekly hours and shipping days. */
export async function updateSettingsAction(_: FormState, formData: FormData): Promise<FormState> {
  const admin = await getAdmin();
  if (!admin) return forbiddenState;
  const values = {
    companyName: formText(formData, "companyName"),
    currency: formText(formData, "currency"),
    defaultWeeklyHours: formText(formData, "defaultWeeklyHours"),
    shippingDays: formText(formData, "shippingDays"),
  };
  const parsed = settingsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    const result = await updateSettings(await getDb(), admin, parsed.data);
    if (!result.ok) return { ok: false, message: result.message, values };
  } catch (error) {
    console.error("update settings failed", error);
    return { ok: false, message: failure, values };
  }
  revalidateCatalog(); // prices are shown in the currency, delivery dates use shipping days and capacity
  revalidatePath("/admin/settings");
  return { ok: true, message: "Settings saved.", values };
}

/** Sets one ISO week's capacity (holiday, overtime). */
export async function setCapacityOverrideAction(_: FormState, formData: FormData): Promise<FormState> {
  const admin = await getAdmin();
  if (!admin) return forbiddenState;
  const values = { week: formText(formData, "week").toUpperCase(), capacityHours: formText(formData, "capacityHours") };
  const parsed = capacityOverrideSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    const result = await setCapacityOverride(await getDb(), admin, parsed.data.week, parsed.data.capacityHours);
    if (!result.ok) return result.field ? { ok: false, errors: { [result.field]: [result.message] }, values } : { ok: false, message: result.message, values };
    revalidatePath("/admin/settings");
    revalidatePath("/admin");
    return { ok: true, message: result.message };
  } catch (error) {
    console.error("capacity override failed", error);
    return { ok: false, message: failure, values };
  }
}

/** Returns one week to the default capacity. */
export async function clearCapacityOverrideAction(_: FormState, formData: FormData): Promise<FormState> {
  const admin = await getAdmin();
  if (!admin) return forbiddenState;
  const week = formText(formData, "week");
  if (!isWeekKey(week)) return { ok: false, message: "Unknown week." };
  try {
    const result = await clearCapacityOverride(await getDb(), admin, week);
    revalidatePath("/admin/settings");
    return { ok: result.ok, message: result.message };
  } catch (error) {
    console.error("clear override failed", error);
    return { ok: false, message: failure };
  }
}

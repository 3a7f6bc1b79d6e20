"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { revalidateCatalog } from "@/lib/catalog/cache";
import { getDb } from "@/lib/db";
import { formText } from "@/lib/forms/read";
import { SAVE_FAILED, type FormState } from "@/lib/forms/state";
import { settingsSchema, updateSettings } from "./service";

/** Saves company name, currency, default weekly hours and shipping days. */
export async function updateSettingsAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const values = {
    companyName: formText(formData, "companyName"),
    currency: formText(formData, "currency"),
    defaultWeeklyHours: formText(formData, "defaultWeeklyHours"),
    shippingDays: formText(formData, "shippingDays"),
  };
  const parsed = settingsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    const result = await updateSettings(await getDb(), caller.user, parsed.data);
    if (!result.ok) return { ok: false, message: result.message, values };
  } catch (error) {
    console.error("update settings failed", error);
    return { ok: false, message: SAVE_FAILED, values };
  }
  revalidateCatalog(); // prices are shown in the currency, delivery dates use shipping days and capacity
  revalidatePath("/admin/settings");
  return { ok: true, message: "Settings saved.", values };
}

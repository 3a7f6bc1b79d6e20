"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { formText } from "@/lib/forms/read";
import { SAVE_FAILED, type FormState } from "@/lib/forms/state";
import { capacityOverrideSchema, clearCapacityOverride, setCapacityOverride } from "./overrides";
import { isWeekKey } from "./weeks";

/** Sets one ISO week's capacity (holiday, overtime). */
export async function setCapacityOverrideAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const values = { week: formText(formData, "week").toUpperCase(), capacityHours: formText(formData, "capacityHours") };
  const parsed = capacityOverrideSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    const result = await setCapacityOverride(await getDb(), caller.user, parsed.data.week, parsed.data.capacityHours);
    if (!result.ok) return result.field ? { ok: false, errors: { [result.field]: [result.message] }, values } : { ok: false, message: result.message, values };
    revalidatePath("/admin/settings");
    revalidatePath("/admin");
    return { ok: true, message: result.message };
  } catch (error) {
    console.error("capacity override failed", error);
    return { ok: false, message: SAVE_FAILED, values };
  }
}

/** Returns one week to the default capacity. */
export async function clearCapacityOverrideAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const week = formText(formData, "week");
  if (!isWeekKey(week)) return { ok: false, message: "Unknown week." };
  try {
    const result = await clearCapacityOverride(await getDb(), caller.user, week);
    revalidatePath("/admin/settings");
    return { ok: result.ok, message: result.message };
  } catch (error) {
    console.error("clear override failed", error);
    return { ok: false, message: SAVE_FAILED };
  }
}

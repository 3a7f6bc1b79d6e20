"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { formTexts } from "@/lib/forms/read";
import { SAVE_FAILED, type FormState } from "@/lib/forms/state";
import { changePolicySchema, updateChangePolicy } from "./change-policy";

/** Saves until which stage customers change orders directly, and until which they may request a change. */
export async function updateChangePolicyAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const values = formTexts(formData, ["changeDirectUntil", "changeRequestUntil"] as const);
  const parsed = changePolicySchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, message: "Check the highlighted fields.", values };
  try {
    const result = await updateChangePolicy(await getDb(), caller.user, parsed.data);
    revalidatePath("/admin/settings");
    return { ok: true, message: result.message, values };
  } catch (error) {
    console.error("saving the change-order settings failed", error);
    return { ok: false, message: SAVE_FAILED, values };
  }
}

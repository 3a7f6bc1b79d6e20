"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { formTexts } from "@/lib/forms/read";
import type { FormState } from "@/lib/forms/state";
import { transitionFormSchema } from "./schema";
import { STATUS_LABELS } from "./status";
import { transitionOrder, type TransitionResult } from "./transition";

const FIELDS = ["number", "to", "expected", "note", "reason", "carrier", "trackingNumber"] as const;

/** Staff move an order one step (confirm, start production, ..., ship, deliver, cancel) from the board or the order page. */
export async function transitionOrderAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("staff");
  if (!caller.ok) return caller.refusal;
  const { user } = caller;

  const values = formTexts(formData, FIELDS);
  const parsed = transitionFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, message: "Check the highlighted fields.", values };

  const { number, to, expected, ...rest } = parsed.data;
  let result: TransitionResult;
  try {
    result = await transitionOrder(await getDb(), { orderNumber: number, to, expectedStatus: expected, actor: { id: user.id, role: user.role }, ...rest });
  } catch (error) {
    console.error("transitionOrderAction failed", error);
    return { ok: false, message: "The order could not be updated just now. Please try again.", values };
  }
  if (!result.ok) return { ok: false, message: result.message, values };

  revalidatePath("/staff", "layout");
  revalidatePath(`/orders/${number}`);
  revalidatePath("/orders");
  return { ok: true, message: `${number} is now ${STATUS_LABELS[to]}.` };
}

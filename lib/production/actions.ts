"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/forms/state";
import { STATUS_LABELS } from "@/lib/orders/status";
import { transitionOrder, type TransitionResult } from "@/lib/orders/transition";
import { transitionFormSchema } from "./schema";

const text = (formData: FormData, key: string) => {
  const value = formData.get(key);
  return typeof value === "string" ? value : undefined;
};

/** Staff move an order one step (confirm, start production, ..., ship, deliver, cancel) from the board or the order page. */
export async function transitionOrderAction(_: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  if (user.role !== "STAFF" && user.role !== "ADMIN") return { ok: false, message: "Only staff can move orders through production." };

  const values = Object.fromEntries(["number", "to", "expected", "note", "reason", "carrier", "trackingNumber"].map((k) => [k, text(formData, k) ?? ""]));
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

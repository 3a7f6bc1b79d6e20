"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { formTexts } from "@/lib/forms/read";
import type { FormState } from "@/lib/forms/state";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { orderNumberSchema } from "@/lib/orders/schema";
import { repromiseOrder } from "./repromise";
import { finishOperation, MAX_ACTUAL_HOURS, startOperation, type OperationResult } from "./shop-floor";

// The shop floor's and the re-promise form's server actions: each authenticates (staff) and validates itself,
// calls its service (one transaction) and answers with a message, never a 500.

const operationId = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose an operation.");

const startSchema = z.object({ operation: operationId });

const finishSchema = z.object({
  operation: operationId,
  actualHours: z
    .string()
    .trim()
    .min(1, "Enter the hours it actually took (0 or more).")
    .transform((v) => v.replace(",", "."))
    .pipe(z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, "Enter the hours as a number such as 3 or 2.5 (at most 2 decimals)."))
    .transform(Number)
    .pipe(z.number().min(0, "Hours cannot be negative.").max(MAX_ACTUAL_HOURS, `At most ${MAX_ACTUAL_HOURS} hours.`)),
});

const repromiseSchema = z.object({
  number: orderNumberSchema,
  date: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the new date."),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").refine(hasNoNul, NUL_MESSAGE),
});

async function answer(result: Promise<OperationResult>, values: Record<string, string>): Promise<FormState> {
  let outcome: OperationResult;
  try {
    outcome = await result;
  } catch (error) {
    console.error("shop floor action failed", error);
    return { ok: false, message: "The operation could not be saved just now. Nothing was changed; please try again.", values };
  }
  if (!outcome.ok) return { ok: false, message: outcome.message, values };
  revalidatePath("/staff", "layout");
  revalidatePath(`/orders/${outcome.orderNumber}`);
  return { ok: true, message: outcome.message };
}

/** Staff start an operation from a work centre's queue. */
export async function startOperationAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("staff");
  if (!caller.ok) return caller.refusal;
  const values = formTexts(formData, ["operation"]);
  const parsed = startSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, message: "Choose an operation to start.", values };
  return answer(startOperation(await getDb(), { operationId: parsed.data.operation, actor: { id: caller.user.id, role: caller.user.role } }), values);
}

/** Staff finish a running operation with the hours it actually took. */
export async function finishOperationAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("staff");
  if (!caller.ok) return caller.refusal;
  const values = formTexts(formData, ["operation", "actualHours"]);
  const parsed = finishSchema.safeParse(values);
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, errors, message: errors.actualHours?.[0] ?? "Check the highlighted fields.", values };
  }
  return answer(finishOperation(await getDb(), { operationId: parsed.data.operation, actualHours: parsed.data.actualHours, actor: { id: caller.user.id, role: caller.user.role } }), values);
}

/** Staff re-promise an order at risk: a new date (no earlier than the plan) and a note for the customer. */
export async function repromiseAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("staff");
  if (!caller.ok) return caller.refusal;
  const values = formTexts(formData, ["number", "date", "note"]);
  const parsed = repromiseSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, message: "Check the highlighted fields.", values };
  let result;
  try {
    result = await repromiseOrder(await getDb(), { orderNumber: parsed.data.number, date: parsed.data.date, note: parsed.data.note, actorId: caller.user.id });
  } catch (error) {
    console.error("repromiseAction failed", error);
    return { ok: false, message: "The new date could not be saved just now. Nothing was changed; please try again.", values };
  }
  if (!result.ok) return { ok: false, message: result.message, values };
  revalidatePath("/staff", "layout");
  revalidatePath(`/orders/${parsed.data.number}`);
  return { ok: true, message: result.message };
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { decodeSelection } from "@/lib/configurator";
import { getDb } from "@/lib/db";
import { formTexts } from "@/lib/forms/read";
import type { FormState } from "@/lib/forms/state";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { applyChange } from "./change-order";
import { confirmChangeSchema, decideChangeSchema, feeCents } from "./change-schema";
import { decideChangeRequest } from "./change-requests";
import { CHANGE_RATE_LIMIT } from "./rate-limit";

export type ChangeFormState = FormState;

const CHANGE_FIELDS = ["number", "configuration", "quantity", "versionId", "idempotencyKey", "expectedOrderVersion", "expectedTotalCents", "reason"] as const;

/** The customer confirms a change of their order's specification (applied, or sent as a request where only that is allowed). */
export async function confirmChangeAction(_: ChangeFormState, formData: FormData): Promise<ChangeFormState> {
  const caller = await authorizeAction("user");
  if (!caller.ok) return caller.refusal;
  const values = formTexts(formData, CHANGE_FIELDS);
  const parsed = confirmChangeSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, message: "This change could not be sent; check the highlighted fields.", values };
  const decoded = decodeSelection(parsed.data.configuration);
  if (!decoded.ok) return { ok: false, message: decoded.message, values };
  if (Object.values(decoded.selection).some((v) => typeof v === "string" && !hasNoNul(v))) return { ok: false, message: NUL_MESSAGE, values };
  let done: string;
  try {
    const result = await applyChange(await getDb(), {
      orderNumber: parsed.data.number,
      customer: { id: caller.user.id },
      selection: decoded.selection,
      quantity: parsed.data.quantity,
      versionId: parsed.data.versionId || null,
      idempotencyKey: parsed.data.idempotencyKey,
      reason: parsed.data.reason,
      expected: { orderVersion: parsed.data.expectedOrderVersion, totalCents: parsed.data.expectedTotalCents },
      limit: CHANGE_RATE_LIMIT,
    });
    if (!result.ok) return { ok: false, message: result.message, values };
    done = `/orders/${parsed.data.number}`;
  } catch (error) {
    console.error("changing an order failed", error);
    return { ok: false, message: "We could not change your order right now; it is as it was. Please try again in a moment.", values };
  }
  revalidatePath(done);
  revalidatePath("/staff", "layout");
  // The review page would now show the order's own specification: the customer goes on to their order.
  redirect(done);
}

const DECIDE_FIELDS = ["requestId", "decision", "fee", "promisedDate", "note"] as const;

/** Staff approve (with an optional fee or later date) or decline (with a reason) a customer's change request. */
export async function decideChangeRequestAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("staff");
  if (!caller.ok) return caller.refusal;
  const values = formTexts(formData, DECIDE_FIELDS);
  const parsed = decideChangeSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, message: "Check the highlighted fields.", values };
  const { requestId, decision, fee, promisedDate, note } = parsed.data;
  try {
    const result = await decideChangeRequest(await getDb(), {
      requestId,
      actor: { id: caller.user.id, role: caller.user.role },
      decision: decision === "approve" ? { kind: "approve", feeCents: feeCents(fee), promisedDate: promisedDate || null, note } : { kind: "decline", reason: note },
    });
    if (!result.ok) return { ok: false, message: result.message, values };
    revalidatePath("/staff", "layout");
    revalidatePath("/orders", "layout");
    return { ok: true, message: result.message };
  } catch (error) {
    console.error("deciding a change request failed", error);
    return { ok: false, message: "The request could not be decided just now. Please try again.", values };
  }
}

"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/lib/auth/guards";
import { isStaff } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { formText } from "@/lib/forms/read";
import type { FormState } from "@/lib/forms/state";
import { sendOrderMessage } from "./send";

/**
 * Posts a message on an order from its page (the customer's or the staff one). The order number is bound by
 * the page and re-validated with the body; the service finds the order in a query scoped to the caller.
 */
export async function sendMessageAction(orderNumber: string, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("user");
  if (!caller.ok) return caller.refusal;
  const { user } = caller;
  const body = formText(formData, "body", { trim: false }).slice(0, 10_000);
  let result: Awaited<ReturnType<typeof sendOrderMessage>>;
  try {
    result = await sendOrderMessage(await getDb(), { orderNumber: typeof orderNumber === "string" ? orderNumber : "", body, author: { id: user.id, role: user.role, name: user.name }, shopEmail: env.SHOP_EMAIL });
  } catch (error) {
    console.error("sending an order message failed", error);
    return { message: "We could not send your message right now. Nothing was sent; please try again.", values: { body } };
  }
  if (!result.ok) {
    if (result.code === "invalid") return { message: "Nothing was sent: check the message above.", errors: { body: result.errors.body ?? [result.message] }, values: { body } };
    return { message: result.message, values: { body } };
  }
  revalidatePath(isStaff(user.role) ? `/staff/orders/${orderNumber}` : `/orders/${orderNumber}`);
  return { ok: true, message: "Message sent." };
}

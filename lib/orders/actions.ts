"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { getCurrentUser } from "@/lib/auth/session";
import { keepConsentedAddress, readCheckoutConsent } from "@/lib/customers/checkout-consent";
import { decodeSelection } from "@/lib/configurator";
import { MAX_QUANTITY } from "@/lib/configurator/quantity";
import { getDb } from "@/lib/db";
import { formText } from "@/lib/forms/read";
import type { FormState } from "@/lib/forms/state";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { DEFAULT_FAIR_USE, quantityLimitMessage } from "@/lib/settings/fair-use";
import { getFairUse } from "@/lib/settings/queries";
import { ORDER_RATE_LIMIT, placeOrder } from "./place-order";
import { checkoutSchema, orderNumberSchema, orderStatusSchema } from "./schema";
import { transitionOrder } from "./transition";

const cancelSchema = z.object({
  number: orderNumberSchema,
  expectedStatus: orderStatusSchema.exclude(["CANCELLED"]),
  reason: z.string().trim().max(500).refine(hasNoNul, NUL_MESSAGE),
});

export type CheckoutState = FormState & {
  /** Set when the product or price changed since the page was shown: the customer confirms again. */
  current?: { versionId: string; totalCents: number };
  problems?: string[];
  /** Set once the order is recorded: the page goes on to its confirmation. */
  placed?: { number: string; href: string };
};

const ADDRESS_FIELDS = ["name", "line1", "line2", "city", "postalCode", "country"] as const;

function readForm(formData: FormData) {
  const get = (key: string) => formText(formData, key, { trim: false });
  return {
    slug: get("slug"),
    configuration: get("configuration"),
    quantity: get("quantity"),
    idempotencyKey: get("idempotencyKey"),
    expectedVersionId: get("expectedVersionId"),
    expectedTotalCents: get("expectedTotalCents"),
    notes: get("notes"),
    address: Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, get(`address.${f}`)])),
  };
}

function issuesByField(issues: { path: PropertyKey[]; message: string }[]) {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

/**
 * Places the order from the checkout form; prices and dates are recomputed by the service. On success it
 * answers with the order's number and confirmation address, and the page navigates there: a redirect here
 * would make Next render the confirmation page inside this request, after the commit, so a slow render
 * (or a server stopping) would delay or lose the answer to an order that is already recorded.
 */
export async function placeOrderAction(_: CheckoutState, formData: FormData): Promise<CheckoutState> {
  let user: Awaited<ReturnType<typeof getCurrentUser>>;
  try {
    user = await getCurrentUser();
  } catch (error) {
    console.error("placing an order failed", error);
    return { message: "We could not place your order right now; nothing was charged or booked. Please try again in a moment." };
  }
  if (!user) return { message: "Your session has ended. Sign in again to place the order." };
  const raw = readForm(formData);
  const values = Object.fromEntries(
    Object.entries({ ...raw, ...Object.fromEntries(ADDRESS_FIELDS.map((f) => [`address.${f}`, raw.address[f] ?? ""])) })
      .filter(([, v]) => typeof v === "string")
      .map(([k, v]) => [k, String(v).slice(0, 1000)]),
  );
  const parsed = checkoutSchema.safeParse(raw);
  // The address book's consent box and phone number (components/customers/save-address-consent.tsx).
  const consent = readCheckoutConsent(formData);
  if (!consent.ok) return { errors: { ...consent.errors, ...(parsed.success ? {} : issuesByField(parsed.error.issues)) }, values, message: "Please correct the highlighted fields." };
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".");
      (errors[key] ??= []).push(issue.message);
    }
    // Over the engine's bound: say the shop's limit, as the configurator and the checkout do.
    if (errors.quantity && /^\d+$/.test(raw.quantity) && Number(raw.quantity) > MAX_QUANTITY) {
      errors.quantity = [await currentLimitMessage()];
    }
    return { errors, values, message: "Please correct the highlighted fields." };
  }
  const decoded = decodeSelection(parsed.data.configuration);
  if (!decoded.ok) return { message: decoded.message, values };
  if (Object.values(decoded.selection).some((v) => typeof v === "string" && !hasNoNul(v))) return { message: NUL_MESSAGE, values };

  try {
    const db = await getDb();
    const result = await placeOrder(db, {
      customer: { id: user.id, name: user.name, email: user.email },
      slug: parsed.data.slug,
      selection: decoded.selection,
      quantity: parsed.data.quantity,
      idempotencyKey: parsed.data.idempotencyKey,
      shippingAddress: parsed.data.address,
      notes: parsed.data.notes,
      expected: { versionId: parsed.data.expectedVersionId, totalCents: parsed.data.expectedTotalCents },
      // Checked by the database in the statement that writes the order (see placeOrder).
      limit: ORDER_RATE_LIMIT,
      // The shop's fair-use rules: the quantity limit, the customer's open-hours cap, approval of large orders.
      fairUse: true,
    });
    if (!result.ok) {
      if (result.code === "changed") return { message: result.message, values, current: result.current };
      if (result.code === "invalid") return { message: result.message, values, problems: result.problems.map((p) => p.message) };
      if (result.code === "quantity") return { message: "Please correct the highlighted fields.", errors: { quantity: [result.message] }, values };
      return { message: result.message, values };
    }
    const notKept = await keepConsentedAddress(db, user.id, parsed.data.address, consent);
    return {
      ok: true,
      message: result.awaitingApproval
        ? `Order ${result.number} is placed and waits for the workshop's approval. Opening it…`
        : `Order ${result.number} is placed. Opening its confirmation…${notKept ? ` ${notKept}` : ""}`,
      placed: { number: result.number, href: `/orders/${result.number}/confirmation` },
    };
  } catch (error) {
    console.error("placing an order failed", error);
    return { message: "We could not place your order right now; nothing was charged or booked. Please try again in a moment.", values };
  }
}

/** The quantity limit's message with the current setting (the default's when the settings cannot be read). */
async function currentLimitMessage(): Promise<string> {
  try {
    return quantityLimitMessage((await getFairUse(await getDb())).maxQuantity);
  } catch (error) {
    console.error("reading the quantity limit failed", error);
    return quantityLimitMessage(DEFAULT_FAIR_USE.maxQuantity);
  }
}

/** Cancels the customer's own order while it is PLACED or CONFIRMED (the state machine decides). */
export async function cancelOrderAction(number: string, expectedStatus: string, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("user");
  if (!caller.ok) return caller.refusal;
  const { user } = caller;
  const parsed = cancelSchema.safeParse({ number, expectedStatus, reason: formText(formData, "reason") });
  if (!parsed.success) return { message: "This order cannot be cancelled from here." };
  try {
    const result = await transitionOrder(await getDb(), {
      orderNumber: parsed.data.number,
      to: "CANCELLED",
      expectedStatus: parsed.data.expectedStatus,
      actor: { id: user.id, role: "CUSTOMER" },
      reason: parsed.data.reason || "Cancelled by the customer",
    });
    if (!result.ok) return { message: result.message };
  } catch (error) {
    console.error("cancelling an order failed", error);
    return { message: "We could not cancel the order right now. Please try again." };
  }
  revalidatePath(`/orders/${parsed.data.number}`);
  revalidatePath("/orders");
  return { ok: true, message: "Your order is cancelled and its workshop time released." };
}

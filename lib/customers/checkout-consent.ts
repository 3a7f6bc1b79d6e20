import type { Prisma } from "@/lib/db/client";
import type { ShippingAddress } from "@/lib/orders/schema";
import { checkoutConsentSchema } from "./address-schema";
import { rememberCheckoutAddress } from "./addresses";

export type CheckoutConsent = { ok: true; save: boolean; phone: string } | { ok: false; errors: Record<string, string[]> };

/** Reads the checkout's "save this address" box and phone number; nothing is kept unless the box was ticked. */
export function readCheckoutConsent(formData: FormData): CheckoutConsent {
  const get = (name: string) => (formData instanceof FormData && typeof formData.get(name) === "string" ? String(formData.get(name)) : undefined);
  // Without consent the phone number is not read at all: nothing of it is kept or checked.
  if (get("saveAddress") !== "on") return { ok: true, save: false, phone: "" };
  const parsed = checkoutConsentSchema.safeParse({ saveAddress: get("saveAddress"), phone: get("phone") ?? "" });
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "phone")] ??= []).push(issue.message);
    return { ok: false, errors };
  }
  return { ok: true, save: parsed.data.saveAddress === "on", phone: parsed.data.phone };
}

/**
 * After an order is placed: keeps its address when the customer consented. Never fails the order; returns a
 * sentence to add to the confirmation when the address could not be kept.
 */
export async function keepConsentedAddress(db: Prisma, customerId: string, address: ShippingAddress, consent: CheckoutConsent): Promise<string | null> {
  if (!consent.ok || !consent.save) return null;
  try {
    const result = await rememberCheckoutAddress(db, customerId, address, consent.phone);
    return result.ok ? null : result.message;
  } catch (error) {
    console.error("saving the checkout address failed", error);
    return "Your address could not be saved to your address book.";
  }
}

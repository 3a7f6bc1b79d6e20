// How an order reads to its customer: country names, the shop's contact, what the delivery line says.
import type { OrderStatus } from "./status";

const countryNames = new Intl.DisplayNames(["en-GB"], { type: "region", fallback: "code" });

/** "AT" -> "Austria"; a value that is not a two-letter region code is shown as it was entered. */
export function countryName(code: string): string {
  const trimmed = code.trim();
  if (!/^[A-Za-z]{2}$/.test(trimmed)) return trimmed;
  try {
    return countryNames.of(trimmed.toUpperCase()) ?? trimmed;
  } catch {
    return trimmed;
  }
}

/** The address customers write to about an order (SHOP_CONTACT_EMAIL, else the sender of the shop's emails). */
export function shopContactEmail(env: Record<string, string | undefined> = process.env): string {
  if (env.SHOP_CONTACT_EMAIL) return env.SHOP_CONTACT_EMAIL;
  const from = env.SMTP_FROM ?? "";
  return /<([^>]+)>/.exec(from)?.[1] ?? (from.includes("@") ? from.trim() : "orders@atelier.test");
}

/** Statuses in which the order is still moving (the page listens live and shows a promise). */
export function isOrderOpen(status: OrderStatus): boolean {
  return status !== "CANCELLED" && status !== "DELIVERED";
}

/** Stages past the customer's own cancelling in which the workshop can still stop the order on request. */
export function customerMustAskToCancel(status: OrderStatus): boolean {
  return status === "IN_PRODUCTION" || status === "QUALITY_CHECK" || status === "READY_TO_SHIP";
}

import { MAX_QUANTITY } from "./definition/selection-types";

// The quantity as a customer types it, read the same way by the configurator, the checkout and the server:
// digits only, at least 1, at most the shop's limit (the fair-use setting, itself at most MAX_QUANTITY, the
// engine's bound). Nothing is clamped or coerced: what is shown is what is priced, or a message says why not.

export { MAX_QUANTITY };

export type QuantityReading =
  | { ok: true; quantity: number }
  /** `quantity`: the number typed when the engine can still price it (over the shop's limit, up to MAX_QUANTITY). */
  | { ok: false; message: string; quantity?: number };

/** The message for a quantity over the shop's limit (the fair-use setting; lib/settings/fair-use re-exports it). */
export function quantityLimitMessage(maxQuantity: number): string {
  return `At most ${maxQuantity} per order; for more, contact us.`;
}

/** The message for a field left empty. */
export const emptyQuantityMessage = (limit: number) => `Enter how many you want, from 1 to ${limit}`;

/** Reads a typed quantity against the shop's limit (`limit`, at most MAX_QUANTITY). */
export function readQuantity(text: string, limit: number): QuantityReading {
  const typed = text.trim();
  const max = Math.min(limit, MAX_QUANTITY);
  if (typed === "") return { ok: false, message: emptyQuantityMessage(max) };
  if (!/^\d+$/.test(typed)) return { ok: false, message: "Enter the quantity in digits, e.g. 2" };
  const n = Number(typed);
  if (n < 1) return { ok: false, message: "Order at least 1" };
  if (n > max) return { ok: false, message: quantityLimitMessage(max), ...(n <= MAX_QUANTITY ? { quantity: n } : {}) };
  return { ok: true, quantity: n };
}

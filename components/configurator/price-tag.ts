import { formatCents } from "@/lib/money";

/** "+€90.00", "−€20.00" or "Included", for option prices shown next to a choice. */
export function priceDelta(cents: number, currency: string): string {
  if (cents === 0) return "Included";
  return `${cents > 0 ? "+" : "−"}${formatCents(Math.abs(cents), currency)}`;
}

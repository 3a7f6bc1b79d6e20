import type { Tx } from "@/lib/db/types";

/** Digits of the sequence part, zero-padded (more when the sequence outgrows them). */
export const ORDER_NUMBER_DIGITS = 6;

/** What precedes the sequence in an order number placed in `year`, e.g. "AT-2026-". */
export function orderNumberPrefix(year: number): string {
  return `AT-${year}-`;
}

/** Formats a human order number, e.g. AT-2026-000123 (the place_order SQL function formats it the same way). */
export function formatOrderNumber(year: number, sequence: number): string {
  return `${orderNumberPrefix(year)}${String(sequence).padStart(ORDER_NUMBER_DIGITS, "0")}`;
}

/** Draws the next order number from the database sequence (unique under concurrency). */
export async function nextOrderNumber(tx: Tx, now: Date): Promise<string> {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('order_number_seq') AS n`;
  if (!row) throw new Error("order_number_seq returned nothing");
  return formatOrderNumber(now.getUTCFullYear(), Number(row.n));
}

import type { Tx } from "@/lib/db/types";

/** Formats a human order number, e.g. AT-2026-000123. */
export function formatOrderNumber(year: number, sequence: number): string {
  return `AT-${year}-${String(sequence).padStart(6, "0")}`;
}

/** Draws the next order number from the database sequence (unique under concurrency). */
export async function nextOrderNumber(tx: Tx, now: Date): Promise<string> {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('order_number_seq') AS n`;
  if (!row) throw new Error("order_number_seq returned nothing");
  return formatOrderNumber(now.getUTCFullYear(), Number(row.n));
}

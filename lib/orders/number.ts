/** Digits of the sequence part, zero-padded (more when the sequence outgrows them). */
export const ORDER_NUMBER_DIGITS = 6;

/** What precedes the sequence in an order number placed in `year`, e.g. "AT-2026-". */
export function orderNumberPrefix(year: number): string {
  return `AT-${year}-`;
}

/** Formats a human order number, e.g. AT-2026-000123 (place_order, prisma/sql/place_order.sql, formats it the same way). */
export function formatOrderNumber(year: number, sequence: number): string {
  return `${orderNumberPrefix(year)}${String(sequence).padStart(ORDER_NUMBER_DIGITS, "0")}`;
}

import type { BoardQuery } from "@/lib/production/schema";

/** The board URL for a query with one column's page changed (other filters and pages kept). */
export function boardHref(query: BoardQuery, status: string, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.product) params.set("product", query.product);
  for (const [column, value] of Object.entries({ ...query.page, [status]: page })) {
    if (value > 1) params.set(`p_${column}`, String(value));
  }
  const text = params.toString();
  return text ? `/staff?${text}` : "/staff";
}

import { z } from "zod";
import { ORDER_STATUSES } from "@/lib/orders/schema";

export const BOARD_PAGE_SIZE = 20;

/** The board's query string: search, product filter and one page number per column. */
export const boardQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  product: z.string().trim().max(60).optional().catch(undefined),
  page: z.record(z.string(), z.coerce.number().int().min(1).max(10_000)).catch({}),
});

export type BoardQuery = z.infer<typeof boardQuerySchema>;

/** Parses Next's searchParams (`?q=&product=&p_PLACED=2`) into a BoardQuery. */
export function parseBoardQuery(params: Record<string, string | string[] | undefined>): BoardQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const page: Record<string, string> = {};
  for (const status of ORDER_STATUSES) {
    const value = first(params[`p_${status}`]);
    if (value) page[status] = value;
  }
  const parsed = boardQuerySchema.parse({ q: first(params.q) || undefined, product: first(params.product) || undefined, page });
  return { ...parsed, page: Object.fromEntries(Object.entries(parsed.page).filter(([k]) => (ORDER_STATUSES as readonly string[]).includes(k))) };
}

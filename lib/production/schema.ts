import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import type { OrderStatus } from "@/lib/orders/status";

const statuses = ["PLACED", "CONFIRMED", "IN_PRODUCTION", "QUALITY_CHECK", "READY_TO_SHIP", "SHIPPED", "DELIVERED", "CANCELLED"] as const satisfies readonly OrderStatus[];

export const orderStatusSchema = z.enum(statuses);

export const orderNumberSchema = z.string().trim().regex(/^[A-Z]{2}-\d{4}-\d{6}$/, "Not an order number.");

const optionalText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters.`).refine(hasNoNul, NUL_MESSAGE).optional().transform((v) => (v ? v : undefined));

/** A staff member's request to move an order (from a board card or the order page). */
export const transitionFormSchema = z
  .object({
    number: orderNumberSchema,
    to: orderStatusSchema,
    expected: orderStatusSchema,
    note: optionalText(500),
    reason: optionalText(500),
    carrier: optionalText(80),
    trackingNumber: optionalText(80),
  })
  .superRefine((value, ctx) => {
    if (value.to === "CANCELLED" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason; the customer will read it." });
    if (value.to === "SHIPPED" && !value.carrier) ctx.addIssue({ code: "custom", path: ["carrier"], message: "Enter the carrier." });
    if (value.to === "SHIPPED" && !value.trackingNumber) ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: "Enter the tracking number." });
  });

export type TransitionForm = z.infer<typeof transitionFormSchema>;

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
  for (const status of statuses) {
    const value = first(params[`p_${status}`]);
    if (value) page[status] = value;
  }
  const parsed = boardQuerySchema.parse({ q: first(params.q) || undefined, product: first(params.product) || undefined, page });
  return { ...parsed, page: Object.fromEntries(Object.entries(parsed.page).filter(([k]) => (statuses as readonly string[]).includes(k))) };
}

import type { Tx } from "@/lib/db/types";

/** At most `count` orders per customer in any `windowMs`. */
export type OrderRateLimit = { count: number; windowMs: number };

/** Orders one customer may place in a short time (the checkout applies it). */
export const ORDER_RATE_LIMIT: OrderRateLimit = { count: 20, windowMs: 10 * 60_000 };

/**
 * Counts the customer's orders in the window before `now`, inside the order's transaction and under a lock
 * of that customer's own (other customers are not held up), so orders submitted at the same moment are
 * counted exactly. Returns when the customer may order again, or null when this order is within the limit.
 */
export async function checkOrderRate(tx: Tx, customerId: string, limit: OrderRateLimit, now: Date): Promise<Date | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`order-rate:${customerId}`}))`;
  const recent = await tx.order.aggregate({
    where: { customerId, createdAt: { gt: new Date(now.getTime() - limit.windowMs) } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  if (recent._count._all < limit.count || !recent._min.createdAt) return null;
  return new Date(recent._min.createdAt.getTime() + limit.windowMs);
}

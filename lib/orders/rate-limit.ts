// The customer's order rate limit is counted by place_order (prisma/sql/place_order.sql) under the booking
// lock, so orders submitted at the same moment are counted exactly.

/** At most `count` orders per customer in any `windowMs`. */
export type OrderRateLimit = { count: number; windowMs: number };

/** Orders one customer may place in a short time (the checkout applies it). */
export const ORDER_RATE_LIMIT: OrderRateLimit = { count: 20, windowMs: 10 * 60_000 };

/** Changes (and change requests) one customer may confirm in a short time, over all their orders. */
export const CHANGE_RATE_LIMIT: OrderRateLimit = { count: 10, windowMs: 10 * 60_000 };

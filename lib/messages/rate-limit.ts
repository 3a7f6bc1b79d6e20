import type { RateLimitRule } from "@/lib/security/rate-limit";

/**
 * Messages one person may send in a short time, on all of their orders together (counted in PostgreSQL, so
 * shared by every app instance). Generous for a conversation, low enough that nobody floods an inbox.
 */
export const MESSAGE_RATE_LIMIT: RateLimitRule = { name: "order-message", limit: 10, windowMs: 10 * 60_000 };

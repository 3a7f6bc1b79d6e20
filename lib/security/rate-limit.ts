import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/types";
import { forwardedEntries, normalizeAddress } from "./forwarded";

export type RateLimitRule = { name: string; limit: number; windowMs: number };

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterMs: number; message: string };

// Limits shared by every instance, because the counters live in PostgreSQL.
export const RATE_LIMITS = {
  signUpIp: { name: "signup-ip", limit: 10, windowMs: 60 * 60_000 },
  // "Forgot your password?": per address of the client, and per email asked about (whether or not it has an account).
  resetRequestIp: { name: "reset-ip", limit: 10, windowMs: 60 * 60_000 },
  resetRequestEmail: { name: "reset-email", limit: 3, windowMs: 60 * 60_000 },
  // Setting a password through an emailed link (each try hashes a password: the limit keeps that cheap to refuse).
  setPasswordIp: { name: "set-password-ip", limit: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;

/** "Too many attempts. Try again in 12 minutes." */
export function retryMessage(retryAfterMs: number, what = "attempts"): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

type Counter = { count: number; expires_at: Date };

/** The row of `subject`'s counter for `rule`. */
const rateLimitKey = (rule: RateLimitRule, subject: string) => `${rule.name}:${subject}`.slice(0, 300);

/**
 * The statement that counts one hit against `rule` for `subject` (fixed window, atomic upsert) and returns
 * the window's `count` and `expires_at`.
 */
function rateLimitHitSql(rule: RateLimitRule, subject: string): Prisma.Sql {
  const key = rateLimitKey(rule, subject);
  const windowSeconds = rule.windowMs / 1000;
  return Prisma.sql`
    INSERT INTO rate_limits (key, count, window_start, expires_at)
    VALUES (${key}, 1, now(), now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.expires_at <= now() THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.expires_at <= now() THEN now() ELSE rate_limits.window_start END,
      expires_at = CASE WHEN rate_limits.expires_at <= now() THEN EXCLUDED.expires_at ELSE rate_limits.expires_at END
    RETURNING count, expires_at`;
}

/** Whether a counted hit (the window's count after it) is allowed by `rule`. */
function judgeHit(rule: RateLimitRule, row: Counter | undefined, what?: string): RateLimitResult {
  if (!row) return { ok: true, remaining: rule.limit };
  if (row.count > rule.limit) {
    const retryAfterMs = Math.max(0, new Date(row.expires_at).getTime() - Date.now());
    return { ok: false, retryAfterMs, message: retryMessage(retryAfterMs, what) };
  }
  return { ok: true, remaining: rule.limit - row.count };
}

/** Counts one hit against `rule` for `subject` (fixed window, atomic upsert) and says whether it is allowed. */
export async function hitRateLimit(db: Tx, rule: RateLimitRule, subject: string, what?: string): Promise<RateLimitResult> {
  const [row] = await db.$queryRaw<Counter[]>(rateLimitHitSql(rule, subject));
  return judgeHit(rule, row, what);
}

/**
 * The client's address for per-address limits. The server's edge (lib/security/edge-guard.ts) has already
 * replaced X-Forwarded-For with the one address it trusts; should a request ever arrive with a list, the
 * rightmost entry (written nearest to us) is taken, never the leftmost one a client can choose. "local" when
 * there is none.
 */
export function clientIp(headers: { get(name: string): string | null } | Record<string, string | string[] | undefined> | undefined): string {
  const raw = !headers ? undefined : "get" in headers && typeof headers.get === "function" ? headers.get("x-forwarded-for") : (headers as Record<string, string | string[] | undefined>)["x-forwarded-for"];
  const entries = forwardedEntries(raw ?? undefined);
  return normalizeAddress(entries[entries.length - 1]) ?? "local";
}

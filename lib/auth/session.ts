import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { judgeHit, rateLimitHitSql, type RateLimitResult, type RateLimitRule } from "@/lib/security/rate-limit";
import type { Role } from "@/lib/users/schema";
import { getUserById, type PublicUser } from "@/lib/users/service";
import { readSessionUserId } from "./session-token";

/**
 * The signed-in user as the database knows them now (role and active flag re-read for every request),
 * or null when signed out, deleted or deactivated: a deactivated user's old session stops working.
 * One read per request: the layout's header and the page share it (React's per-request cache).
 */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const id = await readSessionUserId();
  if (!id) return null;
  const user = await getUserById(await getDb(), id);
  return user && user.active ? user : null;
});

type UserAndHit = { count: number; expires_at: Date; id: string | null; email: string; name: string; role: Role; active: boolean };

/**
 * The signed-in user (as getCurrentUser) and one hit of `rule` counted for them, in one statement: for hot
 * writes such as placing an order, where the user read and the rate-limit upsert would be two round trips.
 * Nothing is counted without a session; a deactivated account's hit is counted but it gets `user: null`.
 */
export async function getCurrentUserCountingHit(rule: RateLimitRule, what?: string): Promise<{ user: PublicUser; limit: RateLimitResult } | null> {
  const id = await readSessionUserId();
  if (!id) return null;
  const statement = Prisma.sql`
    WITH hit AS (${rateLimitHitSql(rule, id)})
    SELECT hit.count, hit.expires_at, u.id, u.email, u.name, u.role::text AS role, u.active
    FROM hit LEFT JOIN users u ON u.id = ${id}`;
  // Straight on the driver (queryRows): this runs for every order placed.
  const [row] = await queryRows<UserAndHit>(await getDb(), statement.text, statement.values);
  if (!row?.id || !row.active) return null;
  const user: PublicUser = { id: row.id, email: row.email, name: row.name, role: row.role, active: row.active };
  return { user, limit: judgeHit(rule, row, what) };
}

/** The signed-in user, or a redirect to sign in that comes back to `returnTo`. */
export async function requireUser(returnTo = "/"): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The signed-in user when their role is one of `roles`; otherwise sign-in or the forbidden page. */
export async function requireRole(roles: readonly Role[], returnTo = "/"): Promise<PublicUser> {
  const user = await requireUser(returnTo);
  if (!roles.includes(user.role)) redirect(`/forbidden?from=${encodeURIComponent(returnTo)}`);
  return user;
}

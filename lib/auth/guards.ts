import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import type { FormState } from "@/lib/forms/state";
import type { PublicUser } from "@/lib/users/service";
import { hasAccess, type Access } from "./roles";
import { getCurrentUser, userOfSession } from "./session";
import { readSession } from "./session-token";

// Every check of who may do what, in three shapes: pages redirect, server actions return a refusal for
// their form, route handlers answer 401/403. Each re-reads the user from the database (getCurrentUser).

type Checked = { ok: true; user: PublicUser } | { ok: false; reason: "signed-out" | "forbidden" };

async function check(access: Access): Promise<Checked> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, reason: "signed-out" };
  return hasAccess(user.role, access) ? { ok: true, user } : { ok: false, reason: "forbidden" };
}

async function requireAccess(access: Access, returnTo: string): Promise<PublicUser> {
  const checked = await check(access);
  if (checked.ok) return checked.user;
  if (checked.reason === "signed-out") redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  redirect(`/forbidden?from=${encodeURIComponent(returnTo)}`);
}

/** Page guard: the signed-in user, or a redirect to sign in that comes back to `returnTo`. */
export function requireUser(returnTo = "/"): Promise<PublicUser> {
  return requireAccess("user", returnTo);
}

/** Page guard: the signed-in staff member or admin; otherwise sign-in or the forbidden page. */
export function requireStaff(returnTo = "/"): Promise<PublicUser> {
  return requireAccess("staff", returnTo);
}

/** Page guard: the signed-in admin; otherwise sign-in or the forbidden page. */
export function requireAdmin(returnTo = "/"): Promise<PublicUser> {
  return requireAccess("admin", returnTo);
}

/** What a server action returns to a caller it refuses. */
export type Refusal = FormState & { ok: false; message: string };

const sessionEnded: Refusal = { ok: false, message: "Your session has ended. Sign in again." };

/** The result every admin action returns to a caller who is not (or no longer) an admin. */
export const adminRefusal: Refusal = { ok: false, message: "Only an active admin can do this. Sign in again as an admin." };

const REFUSALS: Record<Access, Record<"signed-out" | "forbidden", Refusal>> = {
  user: { "signed-out": sessionEnded, forbidden: sessionEnded },
  staff: { "signed-out": sessionEnded, forbidden: { ok: false, message: "Only staff can move orders through production." } },
  admin: { "signed-out": adminRefusal, forbidden: adminRefusal },
};

/** Action guard: the caller when they have `access`, else the refusal the action returns to its form. */
export async function authorizeAction(access: Access): Promise<{ ok: true; user: PublicUser } | { ok: false; refusal: Refusal }> {
  const checked = await check(access);
  return checked.ok ? checked : { ok: false, refusal: REFUSALS[access][checked.reason] };
}

const FORBIDDEN_ERRORS: Record<Access, string> = { user: "Sign in first.", staff: "Staff only.", admin: "Admins only." };

/** Route-handler guard: the caller when they have `access`, else the 401 (signed out) or 403 response to return. */
export async function authorizeRoute(access: Access): Promise<{ ok: true; user: PublicUser } | { ok: false; response: Response }> {
  const checked = await check(access);
  if (checked.ok) return checked;
  return checked.reason === "signed-out"
    ? { ok: false, response: Response.json({ error: "Sign in first." }, { status: 401 }) }
    : { ok: false, response: Response.json({ error: FORBIDDEN_ERRORS[access] }, { status: 403 }) };
}

/** A live stream's owner as a route guard returns it: the user, and a re-check that their session still stands with `access`. */
export type LiveCaller = { ok: true; user: PublicUser; owner: { userId: string; stillAllowed: () => Promise<boolean> } };

/**
 * Route-handler guard for live streams: authorizeRoute, plus a re-check the open stream runs on its heartbeat
 * (the session not ended since, and the role still giving `access`), so a stream never outlives its session.
 */
export async function authorizeStream(access: Access): Promise<LiveCaller | { ok: false; response: Response }> {
  const checked = await authorizeRoute(access);
  if (!checked.ok) return checked;
  const claims = await readSession();
  const stillAllowed = async () => {
    const user = claims ? await userOfSession(await getDb(), claims) : null;
    return user !== null && hasAccess(user.role, access);
  };
  return { ok: true, user: checked.user, owner: { userId: checked.user.id, stillAllowed } };
}

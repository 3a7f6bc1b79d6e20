import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
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

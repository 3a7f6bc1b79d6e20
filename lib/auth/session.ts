import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/users/schema";
import { getUserById, type PublicUser } from "@/lib/users/service";
import { authOptions } from "./options";

/**
 * The signed-in user as the database knows them now (role and active flag re-read on every call),
 * or null when signed out, deleted or deactivated: a deactivated user's old session stops working.
 */
export async function getCurrentUser(): Promise<PublicUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUserById(await getDb(), id);
  return user && user.active ? user : null;
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

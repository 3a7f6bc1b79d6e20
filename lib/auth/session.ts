import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { getUserById, type PublicUser } from "@/lib/users/service";
import { readSessionUserId } from "./session-token";

/**
 * The signed-in user as the database knows them now (role and active flag re-read for every request),
 * or null when signed out, deleted or deactivated: a deactivated user's old session stops working.
 * One read per request: the layout's header and the page share it (React's per-request cache).
 * The guards (./guards) decide from it who may do what.
 */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const id = await readSessionUserId();
  if (!id) return null;
  const user = await getUserById(await getDb(), id);
  return user && user.active ? user : null;
});

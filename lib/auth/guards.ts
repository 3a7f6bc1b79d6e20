import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import type { PublicUser } from "@/lib/users/service";

/** The signed-in admin as the database knows them now, or null (signed out, deactivated or not an admin). */
export async function getAdmin(): Promise<PublicUser | null> {
  const user = await getCurrentUser();
  return user && user.role === "ADMIN" ? user : null;
}

/** The result every admin action returns to a caller who is not (or no longer) an admin. */
export const forbiddenState: FormState = { ok: false, message: "Only an active admin can do this. Sign in again as an admin." };

/** Reads one text field of a form, trimmed, never null. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.trim() : "";
}

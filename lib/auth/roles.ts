import type { Role } from "@/lib/users/schema";

// The role predicates, pure so browser code (the header, the staff forms) can use them; the guards that
// read the signed-in user are in ./guards (server only).

/** What an action, page or route requires of its caller: any active user, staff (admins included) or an admin. */
export type Access = "user" | "staff" | "admin";

/** True for roles that work in the workshop: staff and admins. */
export function isStaff(role: Role | null | undefined): boolean {
  return role === "STAFF" || role === "ADMIN";
}

/** True for admins. */
export function isAdmin(role: Role | null | undefined): boolean {
  return role === "ADMIN";
}

/** Whether a signed-in user with `role` has `access`. */
export function hasAccess(role: Role, access: Access): boolean {
  if (access === "admin") return isAdmin(role);
  if (access === "staff") return isStaff(role);
  return true;
}

/**
 * Where a user lands after signing in when nothing asked for another page (no callbackUrl, or the catalog
 * home): staff on the production board, admins on the admin home, customers on the catalog.
 */
export function landingPath(role: Role | null | undefined, callbackUrl: string | null): string {
  if (callbackUrl && callbackUrl !== "/") return callbackUrl;
  if (role === "ADMIN") return "/admin";
  if (role === "STAFF") return "/staff";
  return "/";
}

import type { Role } from "@/lib/users/schema";
import { isAdmin, isStaff } from "./roles";

export type Area = { href: string; label: string };

/** The areas of the app each role may open, in navigation order. */
export function areasFor(role: Role | null | undefined): Area[] {
  const areas: Area[] = [{ href: "/", label: "Catalog" }];
  if (!role) return areas;
  areas.push({ href: "/orders", label: "My orders" });
  areas.push({ href: "/account/designs", label: "Saved designs" }, { href: "/account/addresses", label: "Addresses" });
  if (isStaff(role)) areas.push({ href: "/staff", label: "Production" });
  if (isAdmin(role)) areas.push({ href: "/admin", label: "Admin" });
  return areas;
}

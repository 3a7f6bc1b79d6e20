import type { Role } from "@/lib/users/schema";

export type Area = { href: string; label: string };

/** The areas of the app each role may open, in navigation order. */
export function areasFor(role: Role | null | undefined): Area[] {
  const areas: Area[] = [{ href: "/", label: "Catalog" }];
  if (!role) return areas;
  areas.push({ href: "/orders", label: "My orders" });
  if (role === "STAFF" || role === "ADMIN") areas.push({ href: "/staff", label: "Production" });
  if (role === "ADMIN") areas.push({ href: "/admin", label: "Admin" });
  return areas;
}

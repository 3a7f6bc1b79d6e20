import { SectionNav, type SectionLink } from "@/components/layout/section-nav";

const LINKS: SectionLink[] = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/audit", label: "Audit log" },
];

/** The admin section's navigation, with the current page marked. */
export function AdminNav() {
  return <SectionNav label="Admin" links={LINKS} />;
}

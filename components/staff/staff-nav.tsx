import { SectionNav, type SectionLink } from "@/components/layout/section-nav";

const LINKS: SectionLink[] = [
  { href: "/staff", label: "Board", alsoActive: ["/staff/orders"] },
  { href: "/staff/floor", label: "Shop floor" },
  { href: "/staff/capacity", label: "Capacity" },
  { href: "/staff/materials", label: "Materials" },
  { href: "/staff/outbox", label: "Email outbox" },
];

/** The staff area's own navigation. */
export function StaffNav() {
  return <SectionNav label="Production" links={LINKS} />;
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/staff", label: "Board" },
  { href: "/staff/capacity", label: "Capacity" },
  { href: "/staff/materials", label: "Materials" },
  { href: "/staff/outbox", label: "Email outbox" },
];

/** The staff area's own navigation. */
export function StaffNav() {
  const pathname = usePathname();
  const active = (href: string) => (href === "/staff" ? pathname === "/staff" || pathname.startsWith("/staff/orders") : pathname.startsWith(href));
  return (
    <nav aria-label="Production" className="mb-6 flex gap-1 overflow-x-auto border-b border-stone-200 print:hidden">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={active(link.href) ? "page" : undefined}
          className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${active(link.href) ? "border-brand-600 text-brand-700" : "border-transparent text-stone-600 hover:text-stone-900"}`}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type SectionLink = {
  href: string;
  label: string;
  /** Other path prefixes that also mark this link current (e.g. an order page under the board). */
  alsoActive?: string[];
};

/** The section root is current only on itself (or `alsoActive`); any other link on itself and below. */
function isActive(pathname: string, link: SectionLink, root: string): boolean {
  if (link.alsoActive?.some((prefix) => pathname.startsWith(prefix))) return true;
  return link.href === root ? pathname === root : pathname.startsWith(link.href);
}

/**
 * The navigation bar of the staff and admin sections, with the current page marked. One client module for
 * both, so a page of one section that prefetches the other loads no extra JavaScript for it.
 */
export function SectionNav({ label, links, variant }: { label: string; links: SectionLink[]; variant: "staff" | "admin" }) {
  const pathname = usePathname();
  const root = links[0]?.href ?? "/";
  if (variant === "admin") {
    return (
      <nav aria-label={label} className="-mx-4 mb-6 overflow-x-auto border-b border-stone-200 px-4 sm:mx-0 sm:px-0">
        <ul className="flex gap-1 whitespace-nowrap">
          {links.map((link) => {
            const active = isActive(pathname, link, root);
            return (
              <li key={link.href}>
                <Link href={link.href} aria-current={active ? "page" : undefined} className={`inline-block border-b-2 px-3 py-2 text-sm ${active ? "border-brand-600 font-medium text-brand-900" : "border-transparent text-stone-600 hover:text-stone-900"}`}>
                  {link.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    );
  }
  return (
    <nav aria-label={label} className="mb-6 flex gap-1 overflow-x-auto border-b border-stone-200 print:hidden">
      {links.map((link) => {
        const active = isActive(pathname, link, root);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-stone-600 hover:text-stone-900"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}

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
 * The navigation bar of the staff and admin sections, with the current page marked (aria-current, which the
 * `sn-*` classes of app/globals.css style). One client module for both, so a page of one section that
 * prefetches the other loads no extra JavaScript for it.
 */
export function SectionNav({ label, links }: { label: string; links: SectionLink[] }) {
  const pathname = usePathname();
  const root = links[0]?.href ?? "/";
  return (
    <nav aria-label={label} className="sn">
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={isActive(pathname, link, root) ? "page" : undefined} className="sn-a">
          {link.label}
        </Link>
      ))}
    </nav>
  );
}

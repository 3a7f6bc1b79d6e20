"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { areasFor } from "@/lib/auth/areas";
import { signOut, useClientSession } from "@/lib/auth/client";

// The staff and admin areas are prefetched when the pointer, a touch or the focus reaches their link, not as
// soon as the link is on screen: their prefetch brings those sections' client code (navigation bar, error
// page), which the header would otherwise make every page of a staff member or admin download.
const PREFETCH_ON_INTENT = new Set(["/staff", "/admin"]);

/** Header with the brand, the areas the signed-in role may open, and the account menu. */
export function SiteHeader() {
  const session = useClientSession();
  const user = session.status === "authenticated" ? session.user : null;
  const pathname = usePathname();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const areas = areasFor(user?.role);
  const isActive = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));

  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="sh-brand">
          <span aria-hidden className="sh-logo">A</span>
          Atelier
        </Link>
        <button
          type="button"
          className="sh-menu"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((v) => !v)}
        >
          Menu
        </button>
        <nav
          id="main-nav"
          aria-label="Main"
          className={open ? "sh-nav sh-open" : "sh-nav"}
        >
          {areas.map((area) => {
            const onIntent = PREFETCH_ON_INTENT.has(area.href) ? () => router.prefetch(area.href) : undefined;
            return (
              <Link
                key={area.href}
                href={area.href}
                prefetch={onIntent ? false : undefined}
                onMouseEnter={onIntent}
                onTouchStart={onIntent}
                onFocus={onIntent}
                onClick={() => setOpen(false)}
                aria-current={isActive(area.href) ? "page" : undefined}
                className={isActive(area.href) ? "sh-area sh-here" : "sh-area"}
              >
                {area.label}
              </Link>
            );
          })}
          <div className="sh-account">
            {session.status === "loading" ? (
              <span className="text-sm text-stone-400">…</span>
            ) : user ? (
              <>
                <span className="text-sm text-stone-600" data-testid="signed-in-as">
                  {user.name} <span className="sh-role">{user.role.toLowerCase()}</span>
                </span>
                <button
                  type="button"
                  onClick={() => void signOut("/")}
                  className="sh-out"
                >
                  Sign out
                </button>
              </>
            ) : (
              <>
                <Link href="/login" className="sh-in">Sign in</Link>
                <Link href="/signup" className="sh-join">Create account</Link>
              </>
            )}
          </div>
        </nav>
      </div>
    </header>
  );
}

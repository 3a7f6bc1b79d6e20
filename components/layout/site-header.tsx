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
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-brand-900">
          <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white">A</span>
          Atelier
        </Link>
        <button
          type="button"
          className="ml-auto rounded-md border border-stone-300 px-3 py-1.5 text-sm sm:hidden"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((v) => !v)}
        >
          Menu
        </button>
        <nav
          id="main-nav"
          aria-label="Main"
          className={`${open ? "flex" : "hidden"} absolute left-0 right-0 top-14 z-20 flex-col gap-1 border-b border-stone-200 bg-white px-4 pb-4 sm:static sm:ml-6 sm:flex sm:flex-1 sm:flex-row sm:items-center sm:border-0 sm:p-0`}
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
                className={`rounded-md px-3 py-2 text-sm font-medium ${isActive(area.href) ? "bg-brand-50 text-brand-700" : "text-stone-600 hover:bg-stone-100"}`}
              >
                {area.label}
              </Link>
            );
          })}
          <div className="mt-2 flex items-center gap-3 sm:ml-auto sm:mt-0">
            {session.status === "loading" ? (
              <span className="text-sm text-stone-400">…</span>
            ) : user ? (
              <>
                <span className="text-sm text-stone-600" data-testid="signed-in-as">
                  {user.name} <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs uppercase text-stone-700">{user.role.toLowerCase()}</span>
                </span>
                <button
                  type="button"
                  onClick={() => void signOut("/")}
                  className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100"
                >
                  Sign out
                </button>
              </>
            ) : (
              <>
                <Link href="/login" className="rounded-md px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-100">Sign in</Link>
                <Link href="/signup" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Create account</Link>
              </>
            )}
          </div>
        </nav>
      </div>
    </header>
  );
}

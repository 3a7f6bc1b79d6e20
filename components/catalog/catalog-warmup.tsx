"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const ATTEMPTS = 20;

/**
 * Shown only by the build-time render of the catalog (the database is not read during `next build`):
 * the server renders the real catalog on the first request, and this asks for it until it arrives.
 */
export function CatalogWarmup() {
  const router = useRouter();
  const [gaveUp, setGaveUp] = useState(false);
  useEffect(() => {
    let attempts = 0;
    const timer = window.setInterval(() => {
      attempts += 1;
      if (attempts > ATTEMPTS) {
        window.clearInterval(timer);
        setGaveUp(true);
        return;
      }
      router.refresh();
    }, 600);
    return () => window.clearInterval(timer);
  }, [router]);
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 rounded-lg border border-stone-200 bg-white p-8 text-stone-600">
      {gaveUp ? (
        <span>The catalog is taking longer than usual. Please reload the page.</span>
      ) : (
        <>
          <span aria-hidden className="h-5 w-5 animate-spin rounded-full border-2 border-stone-300 border-t-brand-600" />
          Loading the catalog…
        </>
      )}
    </div>
  );
}

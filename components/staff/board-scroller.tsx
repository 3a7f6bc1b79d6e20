"use client";

import { useCallback, useEffect, useRef, useState } from "react";

type Edges = { hiddenBefore: number; hiddenAfter: number; total: number };

/**
 * The board's horizontal scroll area with a visible affordance: fading shadows on the sides that hold more
 * columns, a line saying how many columns are out of view, and buttons that scroll one column at a time.
 * Before JavaScript runs it assumes columns are hidden on the right (the board is wider than most screens).
 */
export function BoardScroller({ columns, children }: { columns: number; children: React.ReactNode }) {
  const area = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ hiddenBefore: 0, hiddenAfter: Math.max(0, columns - 1), total: columns });

  const measure = useCallback(() => {
    const el = area.current;
    const track = el?.firstElementChild;
    if (!el || !track) return;
    const view = el.getBoundingClientRect();
    let hiddenBefore = 0;
    let hiddenAfter = 0;
    for (const column of Array.from(track.children)) {
      const box = column.getBoundingClientRect();
      // A column counts as shown when most of it is in view.
      if (box.left + box.width / 2 < view.left) hiddenBefore++;
      else if (box.right - box.width / 2 > view.right) hiddenAfter++;
    }
    setEdges({ hiddenBefore, hiddenAfter, total: track.children.length });
  }, []);

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    measure();
    el.addEventListener("scroll", measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      el.removeEventListener("scroll", measure);
      observer.disconnect();
    };
  }, [measure]);

  const step = (direction: 1 | -1) => {
    const el = area.current;
    const first = el?.firstElementChild?.firstElementChild as HTMLElement | null | undefined;
    if (!el) return;
    el.scrollBy({ left: direction * ((first?.offsetWidth ?? 256) + 16), behavior: "smooth" });
  };

  const shown = edges.total - edges.hiddenBefore - edges.hiddenAfter;
  const scrolls = edges.hiddenBefore + edges.hiddenAfter > 0;
  return (
    <div className="mt-4">
      {scrolls ? (
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="board-scroll-hint">
          <p className="text-stone-600">
            Showing {shown} of {edges.total} columns. <span className="font-medium text-stone-800">Scroll sideways for more columns</span>
            {edges.hiddenAfter ? ` (${edges.hiddenAfter} more to the right)` : ""}
            {edges.hiddenBefore ? ` (${edges.hiddenBefore} to the left)` : ""}.
          </p>
          <div className="flex gap-2">
            <button type="button" onClick={() => step(-1)} disabled={!edges.hiddenBefore} className="rounded-md border border-stone-300 bg-white px-3 py-1 text-stone-700 hover:bg-stone-100 disabled:opacity-50">
              <span aria-hidden>←</span> Earlier stages
            </button>
            <button type="button" onClick={() => step(1)} disabled={!edges.hiddenAfter} className="rounded-md border border-stone-300 bg-white px-3 py-1 text-stone-700 hover:bg-stone-100 disabled:opacity-50">
              Later stages <span aria-hidden>→</span>
            </button>
          </div>
        </div>
      ) : null}
      <div className="relative">
        <div ref={area} className="-mx-4 mt-2 overflow-x-auto px-4 pb-4 sm:-mx-6 sm:px-6" data-testid="board-scroll-area">
          {children}
        </div>
        {edges.hiddenBefore ? <div aria-hidden data-testid="board-shadow-start" className="pointer-events-none absolute inset-y-0 -left-4 w-10 bg-gradient-to-r from-stone-400/40 to-transparent sm:-left-6" /> : null}
        {edges.hiddenAfter ? <div aria-hidden data-testid="board-shadow-end" className="pointer-events-none absolute inset-y-0 -right-4 w-10 bg-gradient-to-l from-stone-400/40 to-transparent sm:-right-6" /> : null}
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/orders/status-badge";
import { LiveUpdates } from "@/components/staff/live-updates";
import { OrderCard } from "@/components/staff/order-card";
import { requireStaff } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { expireHolds } from "@/lib/orders/holds";
import { STATUS_LABELS } from "@/lib/orders/status";
import { findBoard } from "@/lib/production/board";
import { rollForwardBeforeReading } from "@/lib/production/late-work";
import { parseBoardQuery } from "@/lib/production/schema";
import { boardHref } from "./board-link";

export const metadata: Metadata = { title: "Production board" };

/** The staff board: a column per stage with counts, cards sorted by promise, search, product filter, live. */
export default async function StaffBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("/staff");
  const query = parseBoardQuery(await searchParams);
  const db = await getDb();
  await expireHolds(db); // expired approval holds leave the board before it is read (also done on a timer)
  await rollForwardBeforeReading(db); // late work moves forward (and flags orders at risk) once a day, before the board reads
  const board = await findBoard(db, query);
  const filtered = Boolean(query.q || query.product);
  const late = board.columns.flatMap((c) => c.cards).filter((c) => c.risk === "late").length;
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Production board</h1>
          <p className="text-sm text-stone-600">
            {board.total.toLocaleString("en-GB")} {filtered ? "matching " : ""}orders · soonest promise first
            {board.finishedWindowDays ? ` · delivered and cancelled: last ${board.finishedWindowDays} days (search finds older ones)` : null}
            {late ? <span className="font-medium text-red-700"> · {late} late on this page</span> : null}
          </p>
        </div>
        <LiveUpdates />
      </div>
      <form method="get" action="/staff" role="search" className="mt-4 flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-3">
        <div className="min-w-48 flex-1">
          <label htmlFor="board-q" className="block text-xs font-medium text-stone-600">Search order number or customer</label>
          <input id="board-q" name="q" type="search" defaultValue={query.q} placeholder="AT-2026-000123, Clara…" className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base sm:text-sm" />
        </div>
        <div>
          <label htmlFor="board-product" className="block text-xs font-medium text-stone-600">Product</label>
          <select id="board-product" name="product" defaultValue={query.product ?? ""} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm">
            <option value="">All products</option>
            {board.products.map((p) => <option key={p.slug} value={p.slug}>{p.name}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Apply</button>
        {filtered ? <Link href="/staff" className="px-2 py-2 text-sm text-stone-600 underline">Clear</Link> : null}
      </form>
      <nav aria-label="Stages" className="mt-4 flex gap-2 overflow-x-auto pb-1 text-xs">
        {board.columns.map((column) => (
          <a key={column.status} href={`#col-${column.status}`} className="whitespace-nowrap rounded-full border border-stone-200 bg-white px-3 py-1 text-stone-700 hover:bg-stone-100">
            {STATUS_LABELS[column.status]} <span className="font-semibold">{column.count.toLocaleString("en-GB")}</span>
          </a>
        ))}
      </nav>
      <div className="relative -mx-4 mt-4 overflow-x-auto px-4 pb-4 sm:-mx-6 sm:px-6">
        <div className="flex snap-x snap-mandatory gap-4">
          {board.columns.map((column) => (
            <section key={column.status} aria-labelledby={`col-${column.status}`} className="w-[16rem] shrink-0 snap-start scroll-ml-4 sm:scroll-ml-6 rounded-xl bg-stone-100 p-3" data-testid={`column-${column.status}`}>
              <h2 id={`col-${column.status}`} className="flex scroll-mt-4 items-center justify-between gap-2">
                <StatusBadge status={column.status} />
                <span className="text-sm font-semibold text-stone-700" aria-label={`${column.count} orders`}>{column.count.toLocaleString("en-GB")}</span>
              </h2>
              {column.cards.length ? (
                <ul className="mt-3 space-y-2">
                  {column.cards.map((card) => <OrderCard key={card.number} card={card} />)}
                </ul>
              ) : (
                <p className="mt-3 rounded-lg border border-dashed border-stone-300 p-4 text-center text-xs text-stone-500">No orders</p>
              )}
              {column.pages > 1 ? (
                <nav aria-label={`${column.status.toLowerCase().replace(/_/g, " ")} pages`} className="mt-3 flex items-center justify-between text-xs">
                  {column.page > 1 ? <Link className="text-brand-700 underline" href={boardHref(query, column.status, column.page - 1)}>Previous</Link> : <span />}
                  <span className="text-stone-500">Page {column.page} of {column.pages}</span>
                  {column.page < column.pages ? <Link className="text-brand-700 underline" href={boardHref(query, column.status, column.page + 1)}>Next</Link> : <span />}
                </nav>
              ) : null}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

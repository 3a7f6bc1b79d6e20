import type { Metadata } from "next";
import Link from "next/link";
import { ChangeRequestsList } from "@/components/staff/change-requests-list";
import { LiveUpdates } from "@/components/staff/live-updates";
import { BoardColumns } from "@/components/staff/board-columns";
import { columnViews, packColumns } from "@/components/staff/board-columns-html";
import { UnreadMessages } from "@/components/staff/unread-messages";
import { pendingRequestsRead } from "@/lib/orders/change-requests";
import { requireStaff } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { readTogether } from "@/lib/db/together";
import { unreadForStaffRead } from "@/lib/messages/queries";
import { expireHolds } from "@/lib/orders/holds";
import { STATUS_LABELS } from "@/lib/orders/status";
import { boardRead, completeBoard } from "@/lib/production/board";
import { rollForwardBeforeReading } from "@/lib/production/late-work";
import { parseBoardQuery } from "@/lib/production/schema";
import { plural } from "@/lib/plural";
import { BoardActions } from "@/components/staff/board-actions";
import { BoardScroller } from "@/components/staff/board-scroller";
import { boardHref } from "./board-link";

export const metadata: Metadata = { title: "Production board" };

/** The staff board: a column per stage with counts, cards sorted by promise, search, product filter, live. */
export default async function StaffBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("/staff");
  const query = parseBoardQuery(await searchParams);
  const db = await getDb();
  await rollForwardBeforeReading(db); // late work moves forward (and flags orders at risk) once a day, before the board reads
  // The board, the unread messages and the pending change requests: one statement (readTogether).
  const read = async () => {
    const [reading, unread, requests] = await readTogether(db, [boardRead(query), unreadForStaffRead(), pendingRequestsRead()]);
    return [await completeBoard(db, reading), unread, requests] as const;
  };
  let [board, unread, requests] = await read();
  // Approval holds that ended leave the board (also done on a timer): the board's counts find them, and the
  // board is read again once they are expired.
  if (board.holdsDue > 0 && (await expireHolds(db)) > 0) [board, unread, requests] = await read();
  const filtered = Boolean(query.q || query.product);
  const late = board.columns.flatMap((c) => c.cards).filter((c) => c.risk === "late").length;
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Production board</h1>
          <p className="text-sm text-stone-600">
            {plural(board.total, filtered ? "matching order" : "order")} · soonest promise first
            {board.finishedWindowDays ? ` · delivered and cancelled: last ${plural(board.finishedWindowDays, "day")} (search finds older ones)` : null}
            {late ? <span className="font-medium text-red-700"> · {late} late on this page</span> : null}
          </p>
        </div>
        <LiveUpdates />
      </div>
      <ChangeRequestsList requests={requests} />
      <UnreadMessages items={unread} />
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
      <BoardActions>
      <BoardScroller columns={board.columns.length}>
        {/* The columns are written as one HTML string from the cards' data (see board-columns-html.ts: every value escaped). */}
        <BoardColumns columns={packColumns(columnViews(board, (status, page) => boardHref(query, status, page)))} />
      </BoardScroller>
      </BoardActions>
    </div>
  );
}

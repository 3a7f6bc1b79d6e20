import { statusBadgeClass } from "@/components/orders/status-badge";
import { formatDate } from "@/lib/dates";
import { escapeHtml } from "@/lib/html";
import { plural } from "@/lib/plural";
import { allowedTransitions, nextStage, TRANSITION_LABELS } from "@/lib/orders/state-machine";
import { STATUS_LABELS } from "@/lib/orders/status";
import type { Board, BoardCard, BoardColumn } from "@/lib/production/board";
import type { Risk } from "@/lib/production/risk";
import { daysLeftText } from "@/lib/production/days-left-text";

// The board's columns and cards as one HTML string. The board shows up to 180 cards of a dozen elements each:
// as React elements every request built, serialized (RSC) and rendered (HTML) some 3,000 of them, the largest
// cost of the slowest page; as a string it is a few hundred concatenations. BoardColumns (./board-columns.tsx)
// writes it from the cards' data on the server and again in the browser, so the page's RSC data carries the
// data (about 200 bytes a card) instead of the HTML a second time. The cards' styles are the short `bc-*`
// classes of app/globals.css (the Tailwind utilities spelled out on 180 cards were half the page's bytes).
// Every value from the database goes through escapeHtml. The buttons are run by BoardActions (one delegated
// listener), so nothing here needs React on the client.

const EDGE = { late: "bc bc-late", at_risk: "bc bc-risk", on_track: "bc", done: "bc" } as const;
const RISK_BADGE = {
  late: '<span class="bc-flag bc-flag-late">Late</span>',
  at_risk: '<span class="bc-flag bc-flag-risk">At risk</span>',
  on_track: "",
  done: "",
} as const;
const DAYS_TONE = { late: ' class="bc-tone-late"', at_risk: ' class="bc-tone-risk"', on_track: "", done: "" } as const;

/** A column as the board shows it: one page of cards, with the links to the pages before and after it. */
export type BoardColumnView = BoardColumn & { previousHref?: string; nextHref?: string };

/** How many of the customer's messages no one in the workshop has read, linking to the thread (nothing when none). */
function unreadHtml(number: string, count: number): string {
  if (count <= 0) return "";
  return `<a href="/staff/orders/${number}#messages" class="bc-unread" data-testid="unread-messages" data-count="${count}"><span aria-hidden="true">✉</span> ${plural(count, "unread message")}<span class="sr-only"> on ${number}</span></a>`;
}

/** One order on the board: who, what, when, how it stands, and its next step. */
export function orderCardHtml(card: BoardCard): string {
  const number = escapeHtml(card.number);
  const next = nextStage(card.status);
  // The board is the workshop's: staff and admins may cancel in the same stages.
  const cancellable = allowedTransitions(card.status, "STAFF").includes("CANCELLED");
  const quantity = card.quantity > 1 ? `<span class="bc-dim"> × ${card.quantity}</span>` : "";
  const when =
    card.status === "AWAITING_APPROVAL"
      ? `<p class="bc-hold" data-testid="hold-until">Approve by ${card.holdUntil ? formatDate(card.holdUntil) : "-"}; books its hours when approved</p>`
      : `<p class="bc-when">Promised ${formatDate(card.promisedDate)}${card.risk !== "done" ? `<span${DAYS_TONE[card.risk]}> · ${daysLeftText(card.daysLeft)}</span>` : ""}</p>`;
  // The card carries its number and stage once (data-number, data-from on the <li>); its buttons say what they
  // do. They are not in a form, so they need no type; BoardActions words "Saving…" while one runs.
  let actions = "";
  if (next === "SHIPPED") actions += `<a href="/staff/orders/${number}#ship" class="bc-go">Ship…<span class="sr-only"> ${number}</span></a>`;
  else if (next) actions += `<button data-action="advance" data-to="${next}" class="bc-go">${escapeHtml(TRANSITION_LABELS[next])}<span class="sr-only"> ${number}</span></button>`;
  if (cancellable) {
    const decline = card.status === "AWAITING_APPROVAL";
    actions += `<button data-action="cancel"${decline ? ' data-decline="1"' : ""} class="bc-stop">${decline ? "Decline…" : "Cancel…"}<span class="sr-only"> order ${number}</span></button>`;
  }
  const link = `<a href="/staff/orders/${number}" class="bc-num">${number}</a>`;
  // Plain links: a board of up to 180 cards would otherwise prefetch as many build sheets.
  return (
    `<li class="${EDGE[card.risk]}" data-testid="order-card" data-risk="${card.risk}" data-number="${number}" data-from="${card.status}">` +
    (RISK_BADGE[card.risk] ? `<div class="bc-top">${link}${RISK_BADGE[card.risk]}</div>` : link) +
    `<p class="bc-what">${escapeHtml(card.productName)}${quantity}</p>` +
    `<p class="bc-who">${escapeHtml(card.customerName)}</p>` +
    unreadHtml(number, card.unreadMessages) +
    when +
    (actions ? `<div class="bc-acts">${actions}</div>` : "") +
    "</li>"
  );
}

/** A column: its stage and count, one page of cards, and links to its other pages. */
export function columnHtml(column: BoardColumnView): string {
  const id = `col-${column.status}`;
  const count = column.count.toLocaleString("en-GB");
  const cards = column.cards.length
    ? `<ul class="mt-3 space-y-2">${column.cards.map(orderCardHtml).join("")}</ul>`
    : '<p class="mt-3 rounded-lg border border-dashed border-stone-300 p-4 text-center text-xs text-stone-500">No orders</p>';
  const pages =
    column.pages > 1
      ? `<nav aria-label="${column.status.toLowerCase().replace(/_/g, " ")} pages" class="mt-3 flex items-center justify-between text-xs">` +
        (column.previousHref ? `<a class="text-brand-700 underline" href="${escapeHtml(column.previousHref)}">Previous</a>` : "<span></span>") +
        `<span class="text-stone-500">Page ${column.page} of ${column.pages}</span>` +
        (column.nextHref ? `<a class="text-brand-700 underline" href="${escapeHtml(column.nextHref)}">Next</a>` : "<span></span>") +
        "</nav>"
      : "";
  return (
    `<section aria-labelledby="${id}" class="w-[16rem] shrink-0 snap-start scroll-ml-4 sm:scroll-ml-6 rounded-xl bg-stone-100 p-3" data-testid="column-${column.status}">` +
    `<h2 id="${id}" class="flex scroll-mt-4 items-center justify-between gap-2"><span class="${statusBadgeClass(column.status)}">${STATUS_LABELS[column.status]}</span>` +
    `<span class="text-sm font-semibold text-stone-700"><span aria-hidden="true">${count}</span><span class="sr-only">${plural(column.count, "order")}</span></span></h2>` +
    cards +
    pages +
    "</section>"
  );
}

/** Every column of the board, side by side. */
export function boardColumnsHtml(columns: readonly BoardColumnView[]): string {
  return columns.map(columnHtml).join("");
}

/** The board's columns with their page links (`pageHref` gives a column's page with the other filters kept). */
export function columnViews(board: Pick<Board, "columns">, pageHref: (status: string, page: number) => string): BoardColumnView[] {
  return board.columns.map((column) => ({
    ...column,
    ...(column.page > 1 ? { previousHref: pageHref(column.status, column.page - 1) } : {}),
    ...(column.page < column.pages ? { nextHref: pageHref(column.status, column.page + 1) } : {}),
  }));
}

/** A card as the page's RSC data carries it to the browser: its values in a fixed order, dates as epoch ms. */
type PackedCard = [number: string, productName: string, customerName: string, quantity: number, promisedDate: number, holdUntil: number | null, daysLeft: number, risk: Risk, unreadMessages: number];
/** A column as the page's RSC data carries it: a board of 180 cards spelled as objects repeated ten keys each. */
export type PackedColumn = [status: BoardColumn["status"], count: number, page: number, pages: number, previousHref: string | null, nextHref: string | null, cards: PackedCard[]];

/** The columns in the compact form the page hands to BoardColumns (about half the bytes of the objects). */
export function packColumns(columns: readonly BoardColumnView[]): PackedColumn[] {
  return columns.map((c) => [
    c.status, c.count, c.page, c.pages, c.previousHref ?? null, c.nextHref ?? null,
    c.cards.map((k): PackedCard => [k.number, k.productName, k.customerName, k.quantity, k.promisedDate.getTime(), k.holdUntil ? k.holdUntil.getTime() : null, k.daysLeft, k.risk, k.unreadMessages]),
  ]);
}

/** The columns back from packColumns. */
export function unpackColumns(packed: readonly PackedColumn[]): BoardColumnView[] {
  return packed.map(([status, count, page, pages, previousHref, nextHref, cards]) => ({
    status, count, page, pages,
    ...(previousHref ? { previousHref } : {}),
    ...(nextHref ? { nextHref } : {}),
    cards: cards.map(([number, productName, customerName, quantity, promised, hold, daysLeft, risk, unreadMessages]) => ({
      number, status, productName, customerName, quantity, promisedDate: new Date(promised), holdUntil: hold === null ? null : new Date(hold), daysLeft, risk, unreadMessages,
    })),
  }));
}

import type { Tx } from "@/lib/db/client";
import { jsonArray, readTogether, type JsonRead } from "@/lib/db/together";
import { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import { ORDER_STAGES, type OrderStatus } from "@/lib/orders/status";
import { assessRisk, daysLeft, type Risk } from "./risk";
import { BOARD_PAGE_SIZE, type BoardQuery } from "./schema";

export type BoardCard = {
  number: string;
  status: OrderStatus;
  productName: string;
  customerName: string;
  quantity: number;
  promisedDate: Date;
  /** AWAITING_APPROVAL only: when the approval hold ends (the order is cancelled unless approved). */
  holdUntil: Date | null;
  daysLeft: number;
  risk: Risk;
  /** Messages the customer wrote on the order that no one in the workshop has read yet (lib/messages). */
  unreadMessages: number;
};

export type BoardColumn = { status: OrderStatus; count: number; page: number; pages: number; cards: BoardCard[] };

export type Board = {
  columns: BoardColumn[];
  total: number;
  products: { slug: string; name: string }[];
  /** Days of delivered and cancelled orders on the board; null when searching (all of them). */
  finishedWindowDays: number | null;
  /** Orders awaiting approval whose hold ended by `today` (lib/orders/holds.ts expires them; then read the board again). */
  holdsDue: number;
};

/** The board's columns: large orders awaiting approval, every stage, then Cancelled. */
export const BOARD_COLUMNS: OrderStatus[] = ["AWAITING_APPROVAL", ...ORDER_STAGES, "CANCELLED"];

// Finished work reads newest first; work in progress soonest promise first.
const FINISHED: OrderStatus[] = ["SHIPPED", "DELIVERED", "CANCELLED"];

/** Delivered and cancelled orders stay on the board this long after their last change (unless searching). */
export const FINISHED_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/** LIKE pattern for "contains q", with q's own wildcards taken literally. */
const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The filters of the board as SQL over `orders o JOIN products p JOIN users u` (search by number, customer name or email; product slug). */
function filterSql(query: Pick<BoardQuery, "q" | "product">) {
  const parts: PrismaTypes.Sql[] = [];
  if (query.product) parts.push(PrismaTypes.sql`p.slug = ${query.product}`);
  if (query.q) {
    const pattern = containsPattern(query.q);
    parts.push(PrismaTypes.sql`(o.number ILIKE ${pattern} OR u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  return parts.length ? PrismaTypes.sql`AND ${PrismaTypes.join(parts, " AND ")}` : PrismaTypes.empty;
}

/** Finished columns show recent work only, so the board costs the same after years of orders. */
function windowSql(status: OrderStatus, since: Date | null) {
  return since && RECENT_ONLY.includes(status) ? PrismaTypes.sql`AND o.updated_at >= ${since}` : PrismaTypes.empty;
}

const RECENT_ONLY: OrderStatus[] = ["DELIVERED", "CANCELLED"];
const BOOKED_DAYS_MATTER: OrderStatus[] = ["PLACED", "CONFIRMED", "IN_PRODUCTION"];

// Calendar days come back as text ("2026-12-06") and are read as UTC midnight, as Prisma reads a date column: both
// drivers of the direct path then agree whatever the server's time zone.
const utcDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

const HOLDS_DUE = "HOLDS_DUE";

/** One board card as the database sends it: [status, number, quantity, promised day, hold end (ms), at risk, product, customer, first booked day, last booked day, unread]. */
type CardTuple = [OrderStatus, string, number, string, number | null, boolean, string, string, string | null, string | null, number];

/** What the board's statement reads: the column counts (and the approval holds due), the products, and the cards of the pages asked for. */
export type BoardReading = {
  query: BoardQuery;
  today: Date;
  counts: [OrderStatus | typeof HOLDS_DUE, number][];
  products: { slug: string; name: string }[];
  cards: CardTuple[];
};

/** The board's filters and window, shared by its counts and its cards. */
function boardScope(query: BoardQuery, today: Date) {
  const since = query.q ? null : new Date(today.getTime() - FINISHED_WINDOW_DAYS * DAY_MS);
  // Products and customers are joined only to filter by them: every order has both, and without the joins a
  // column's count reads the (status, updated_at) index alone.
  const joins = query.product || query.q ? PrismaTypes.sql`JOIN products p ON p.id = o.product_id JOIN users u ON u.id = o.customer_id` : PrismaTypes.empty;
  return { since, joins, filters: filterSql(query) };
}

/**
 * The cards of the given columns' pages as one JSON array (CardTuple), in column order then the column's order.
 * Each column's page is a branch of indexed LIMIT reads on orders alone; names, booked days and unread
 * messages are joined once to the at most 180 rows (planning nine branches each with its own joins and
 * subqueries cost PostgreSQL more than running them).
 */
function cardsSql({ since, joins, filters }: ReturnType<typeof boardScope>, statuses: OrderStatus[], pageOf: (status: OrderStatus) => number) {
  const cardBranches = statuses.map((status, column) => {
    // Delivered and cancelled: most recently finished first, read through the (status, updated_at) index.
    const order = RECENT_ONLY.includes(status)
      ? PrismaTypes.sql`o.updated_at DESC, o.number ASC`
      : FINISHED.includes(status)
        ? PrismaTypes.sql`o.promised_date DESC, o.number ASC`
        : PrismaTypes.sql`o.promised_date ASC, o.number ASC`;
    return PrismaTypes.sql`(SELECT ${column}::int AS col, s.*, row_number() OVER () AS pos FROM (
        SELECT o.id, o.status, o.number, o.quantity, o.promised_date, o.hold_until, o.at_risk, o.product_id, o.customer_id FROM orders o ${joins}
        WHERE o.status = ${status}::"OrderStatus" ${windowSql(status, since)} ${filters}
        ORDER BY ${order} LIMIT ${BOARD_PAGE_SIZE} OFFSET ${(pageOf(status) - 1) * BOARD_PAGE_SIZE}) s)`;
  });
  // Booked days matter only where they can make an order at risk (assessRisk): not started, or in production.
  // Calendar days come as text ("2026-12-06") and the hold's end as milliseconds, read as UTC as Prisma reads them.
  return PrismaTypes.sql`SELECT COALESCE(json_agg(json_build_array(c.status, c.number, c.quantity, c.promised_date::text,
        (extract(epoch FROM c.hold_until) * 1000)::float8, c.at_risk, p.name, u.name, bk.first_day, bk.last_day, um.unread) ORDER BY c.col, c.pos), '[]'::json)
      FROM (${PrismaTypes.join(cardBranches, " UNION ALL ")}) c
      JOIN products p ON p.id = c.product_id JOIN users u ON u.id = c.customer_id
      LEFT JOIN LATERAL (SELECT min(b.day)::text AS first_day, max(b.day)::text AS last_day FROM capacity_bookings b
        WHERE b.order_id = c.id AND c.status IN (${PrismaTypes.join(BOOKED_DAYS_MATTER.map((s) => PrismaTypes.sql`${s}::"OrderStatus"`))})) bk ON true
      LEFT JOIN LATERAL (SELECT count(*)::int AS unread FROM order_messages m WHERE m.order_id = c.id AND m.side = 'CUSTOMER' AND m.read_at IS NULL) um ON true`;
}

/**
 * The staff board's read as one JSON value (see readTogether, which runs it with the page's other reads in one
 * statement): per column the count, the products to filter by, and the cards of the pages asked for. Every
 * column is its own branch of one UNION ALL, read through the (status, promised_date) index with LIMIT, and
 * delivered and cancelled orders count only while recent (FINISHED_WINDOW_DAYS; a search looks at all of
 * them), so the board costs the same with a thousand orders or a hundred thousand. completeBoard makes the board of it.
 */
export function boardRead(query: BoardQuery, today = new Date()): JsonRead<BoardReading> {
  const scope = boardScope(query, today);
  const { since, joins, filters } = scope;
  const countBranches = BOARD_COLUMNS.map(
    (status) => PrismaTypes.sql`SELECT ${status}::text AS status, count(*)::int AS n FROM orders o ${joins}
      WHERE o.status = ${status}::"OrderStatus" ${windowSql(status, since)} ${filters}`,
  );
  // One more branch counts the approval holds that have ended (whatever the filters): the usual board then needs
  // no read of its own to learn that none is due.
  const holdsBranch = PrismaTypes.sql`SELECT ${HOLDS_DUE}::text AS status, count(*)::int AS n FROM orders o
      WHERE o.status = 'AWAITING_APPROVAL'::"OrderStatus" AND o.hold_until <= ${today}`;
  const sql = PrismaTypes.sql`SELECT json_build_array(
      (SELECT json_agg(json_build_array(x.status, x.n)) FROM (${PrismaTypes.join([...countBranches, holdsBranch], " UNION ALL ")}) x),
      (SELECT COALESCE(json_agg(json_build_array(p.slug, p.name) ORDER BY p.sort_order ASC, p.id ASC), '[]'::json) FROM products p
        WHERE EXISTS (SELECT 1 FROM orders o WHERE o.product_id = p.id)),
      (${cardsSql(scope, BOARD_COLUMNS, (status) => query.page[status] ?? 1)}))`;
  return {
    sql,
    parse: (value) => {
      const [counts, products, cards] = jsonArray(value) as [BoardReading["counts"], [string, string][], CardTuple[]];
      return { query, today, counts, products: products.map(([slug, name]) => ({ slug, name })), cards };
    },
  };
}

/**
 * The board from its reading. A page past a column's end (the board shrank since the link was made) is read
 * again, once the counts are known: a second statement, only then.
 */
export async function completeBoard(db: Tx, reading: BoardReading): Promise<Board> {
  const { query, today } = reading;
  const holdsDue = Number(reading.counts.find(([status]) => status === HOLDS_DUE)?.[1] ?? 0);
  const counts = new Map(reading.counts.flatMap(([status, n]) => (status === HOLDS_DUE ? [] : [[status, Number(n)] as const])));
  const pageOf = (status: OrderStatus) => {
    const pages = Math.max(1, Math.ceil((counts.get(status) ?? 0) / BOARD_PAGE_SIZE));
    return { pages, page: Math.min(query.page[status] ?? 1, pages) };
  };
  const pastTheEnd = BOARD_COLUMNS.filter((status) => pageOf(status).page !== (query.page[status] ?? 1));
  let cards = reading.cards;
  if (pastTheEnd.length) {
    const [again] = await readTogether(db, [{ sql: cardsSql(boardScope(query, today), pastTheEnd, (status) => pageOf(status).page), parse: (v) => jsonArray(v) as CardTuple[] }]);
    cards = [...cards.filter(([status]) => !pastTheEnd.includes(status)), ...again];
  }
  const columns = BOARD_COLUMNS.map((status): BoardColumn => ({
    status,
    count: counts.get(status) ?? 0,
    ...pageOf(status),
    cards: cards.filter((card) => card[0] === status).map((card) => cardOf(card, today)),
  }));
  const finishedWindowDays = query.q ? null : FINISHED_WINDOW_DAYS;
  return { columns, total: [...counts.values()].reduce((a, b) => a + b, 0), products: reading.products, finishedWindowDays, holdsDue };
}

function cardOf([status, number, quantity, promisedDay, holdUntilMs, atRisk, productName, customerName, firstDay, lastDay, unread]: CardTuple, today: Date): BoardCard {
  const promisedDate = utcDay(promisedDay);
  return {
    number,
    status,
    productName,
    customerName,
    quantity: Number(quantity),
    promisedDate,
    holdUntil: holdUntilMs === null ? null : new Date(holdUntilMs),
    daysLeft: daysLeft(promisedDate, today),
    risk: assessRisk({ status, promisedDate, today, atRisk, bookedDays: firstDay && lastDay ? { first: utcDay(firstDay), last: utcDay(lastDay) } : null }),
    unreadMessages: Number(unread),
  };
}

/** The staff board (see boardRead), on its own: one statement, two when a page asked for is past its column's end. */
export async function findBoard(db: Tx, query: BoardQuery, today = new Date()): Promise<Board> {
  const [reading] = await readTogether(db, [boardRead(query, today)]);
  return completeBoard(db, reading);
}

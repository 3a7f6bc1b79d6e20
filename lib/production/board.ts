import { queryRows, type Tx } from "@/lib/db/client";
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
type CardRow = { status: OrderStatus; number: string; quantity: number; promised_date: string; hold_until: Date | null; product_name: string; customer_name: string; at_risk: boolean; first_day: string | null; last_day: string | null; unread: number };
const utcDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

const HOLDS_DUE = "HOLDS_DUE";

/** Runs a Prisma.sql statement on the direct path (queryRows): the board's statements skip Prisma's query compiler. */
const rowsOf = <T>(db: Tx, statement: PrismaTypes.Sql) => queryRows<T>(db, statement.text, statement.values);

/**
 * The staff board: per column the count and one page of cards, sorted by promised date, in two round trips
 * (one when every column is on its first page: the usual board, whose pages need no count first).
 * Every column is its own branch of one UNION ALL, read through the (status, promised_date) index with
 * LIMIT, and delivered and cancelled orders count only while recent (FINISHED_WINDOW_DAYS; a search looks
 * at all of them), so the board costs the same with a thousand orders or a hundred thousand.
 */
export async function findBoard(db: Tx, query: BoardQuery, today = new Date()): Promise<Board> {
  const filters = filterSql(query);
  const since = query.q ? null : new Date(today.getTime() - FINISHED_WINDOW_DAYS * DAY_MS);
  // Products and customers are joined only to filter by them: every order has both, and without the joins a
  // column's count reads the (status, updated_at) index alone.
  const joins = query.product || query.q ? PrismaTypes.sql`JOIN products p ON p.id = o.product_id JOIN users u ON u.id = o.customer_id` : PrismaTypes.empty;
  const countBranches = BOARD_COLUMNS.map(
    (status) => PrismaTypes.sql`SELECT ${status}::text AS status, count(*)::int AS n FROM orders o ${joins}
      WHERE o.status = ${status}::"OrderStatus" ${windowSql(status, since)} ${filters}`,
  );
  // One more branch counts the approval holds that have ended (whatever the filters): the usual board then needs
  // no read of its own to learn that none is due.
  const holdsBranch = PrismaTypes.sql`SELECT ${HOLDS_DUE}::text AS status, count(*)::int AS n FROM orders o
      WHERE o.status = 'AWAITING_APPROVAL'::"OrderStatus" AND o.hold_until <= ${today}`;
  const countsAndProducts = Promise.all([
    rowsOf<{ status: OrderStatus | typeof HOLDS_DUE; n: number }>(db, PrismaTypes.sql`${PrismaTypes.join([...countBranches, holdsBranch], " UNION ALL ")}`),
    queryRows<{ slug: string; name: string }>(
      db,
      `SELECT p.slug, p.name FROM products p WHERE EXISTS (SELECT 1 FROM orders o WHERE o.product_id = p.id) ORDER BY p.sort_order ASC, p.id ASC`,
    ),
  ]);
  // The cards of the pages asked for, read alongside the counts; a page past a column's end (the board shrank
  // since the link was made) is read again once the counts are known.
  const pageOf = (counts: Map<OrderStatus, number> | null, status: OrderStatus) => {
    const asked = query.page[status] ?? 1;
    if (!counts) return { pages: 1, page: asked };
    const pages = Math.max(1, Math.ceil((counts.get(status) ?? 0) / BOARD_PAGE_SIZE));
    return { pages, page: Math.min(asked, pages) };
  };
  // Each column's page is a branch of indexed LIMIT reads on orders alone; names, booked days and unread
  // messages are joined once to the at most 180 rows (planning nine branches each with its own joins and
  // subqueries cost PostgreSQL more than running them).
  const cardsOf = (statuses: OrderStatus[], counts: Map<OrderStatus, number> | null) => {
    if (!statuses.length) return Promise.resolve([] as CardRow[]);
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
          ORDER BY ${order} LIMIT ${BOARD_PAGE_SIZE} OFFSET ${(pageOf(counts, status).page - 1) * BOARD_PAGE_SIZE}) s)`;
    });
    // Booked days matter only where they can make an order at risk (assessRisk): not started, or in production.
    return rowsOf<CardRow>(
      db,
      PrismaTypes.sql`SELECT c.status::text AS status, c.number, c.quantity, c.promised_date::text AS promised_date, c.hold_until, c.at_risk,
          p.name AS product_name, u.name AS customer_name, bk.first_day, bk.last_day, um.unread
        FROM (${PrismaTypes.join(cardBranches, " UNION ALL ")}) c
        JOIN products p ON p.id = c.product_id JOIN users u ON u.id = c.customer_id
        LEFT JOIN LATERAL (SELECT min(b.day)::text AS first_day, max(b.day)::text AS last_day FROM capacity_bookings b
          WHERE b.order_id = c.id AND c.status IN (${PrismaTypes.join(BOOKED_DAYS_MATTER.map((s) => PrismaTypes.sql`${s}::"OrderStatus"`))})) bk ON true
        LEFT JOIN LATERAL (SELECT count(*)::int AS unread FROM order_messages m WHERE m.order_id = c.id AND m.side = 'CUSTOMER' AND m.read_at IS NULL) um ON true
        ORDER BY c.col, c.pos`,
    );
  };
  const [[countRows, products], firstRows] = await Promise.all([countsAndProducts, cardsOf(BOARD_COLUMNS, null)]);
  const holdsDue = Number(countRows.find((r) => r.status === HOLDS_DUE)?.n ?? 0);
  const counts = new Map(countRows.flatMap((r) => (r.status === HOLDS_DUE ? [] : [[r.status, Number(r.n)] as const])));
  const pastTheEnd = BOARD_COLUMNS.filter((status) => pageOf(counts, status).page !== pageOf(null, status).page);
  const rows = pastTheEnd.length
    ? [...firstRows.filter((row) => !pastTheEnd.includes(row.status)), ...(await cardsOf(pastTheEnd, counts))]
    : firstRows;
  const columns = BOARD_COLUMNS.map((status): BoardColumn => {
    const cards = rows
      .filter((row) => row.status === status)
      .map((row) => ({
        number: row.number,
        status,
        productName: row.product_name,
        customerName: row.customer_name,
        quantity: row.quantity,
        promisedDate: utcDay(row.promised_date),
        holdUntil: row.hold_until,
        daysLeft: daysLeft(utcDay(row.promised_date), today),
        risk: assessRisk({ status, promisedDate: utcDay(row.promised_date), today, atRisk: row.at_risk, bookedDays: row.first_day && row.last_day ? { first: utcDay(row.first_day), last: utcDay(row.last_day) } : null }),
        unreadMessages: Number(row.unread),
      }));
    return { status, count: counts.get(status) ?? 0, ...pageOf(counts, status), cards };
  });
  return { columns, total: [...counts.values()].reduce((a, b) => a + b, 0), products, finishedWindowDays: since ? FINISHED_WINDOW_DAYS : null, holdsDue };
}

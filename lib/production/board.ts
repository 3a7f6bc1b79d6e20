import type { Prisma } from "@/lib/db/client";
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

type CardRow = { status: OrderStatus; number: string; quantity: number; promised_date: Date; hold_until: Date | null; product_name: string; customer_name: string; at_risk: boolean; first_day: Date | null; last_day: Date | null; unread: number };

/**
 * The staff board: per column the count and one page of cards, sorted by promised date, in two round trips.
 * Every column is its own branch of one UNION ALL, read through the (status, promised_date) index with
 * LIMIT, and delivered and cancelled orders count only while recent (FINISHED_WINDOW_DAYS; a search looks
 * at all of them), so the board costs the same with a thousand orders or a hundred thousand.
 */
export async function findBoard(db: Prisma, query: BoardQuery, today = new Date()): Promise<Board> {
  const filters = filterSql(query);
  const since = query.q ? null : new Date(today.getTime() - FINISHED_WINDOW_DAYS * DAY_MS);
  // Products and customers are joined only to filter by them: every order has both, and without the joins a
  // column's count reads the (status, updated_at) index alone.
  const joins = query.product || query.q ? PrismaTypes.sql`JOIN products p ON p.id = o.product_id JOIN users u ON u.id = o.customer_id` : PrismaTypes.empty;
  const countBranches = BOARD_COLUMNS.map(
    (status) => PrismaTypes.sql`SELECT ${status}::text AS status, count(*)::int AS n FROM orders o ${joins}
      WHERE o.status = ${status}::"OrderStatus" ${windowSql(status, since)} ${filters}`,
  );
  const [countRows, products] = await Promise.all([
    db.$queryRaw<{ status: OrderStatus; n: number }[]>(PrismaTypes.sql`${PrismaTypes.join(countBranches, " UNION ALL ")}`),
    db.product.findMany({ where: { orders: { some: {} } }, select: { slug: true, name: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  const counts = new Map(countRows.map((r) => [r.status, Number(r.n)]));
  const pageOf = (status: OrderStatus) => {
    const pages = Math.max(1, Math.ceil((counts.get(status) ?? 0) / BOARD_PAGE_SIZE));
    return { pages, page: Math.min(query.page[status] ?? 1, pages) };
  };
  const shown = BOARD_COLUMNS.filter((status) => (counts.get(status) ?? 0) > 0);
  const cardBranches = shown.map((status) => {
    // Delivered and cancelled: most recently finished first, read through the (status, updated_at) index.
    const order = RECENT_ONLY.includes(status)
      ? PrismaTypes.sql`o.updated_at DESC, o.number ASC`
      : FINISHED.includes(status)
        ? PrismaTypes.sql`o.promised_date DESC, o.number ASC`
        : PrismaTypes.sql`o.promised_date ASC, o.number ASC`;
    // Booked days matter only where they can make an order at risk (assessRisk): not started, or in production.
    const booked = BOOKED_DAYS_MATTER.includes(status)
      ? PrismaTypes.sql`(SELECT min(b.day) FROM capacity_bookings b WHERE b.order_id = o.id) AS first_day,
        (SELECT max(b.day) FROM capacity_bookings b WHERE b.order_id = o.id) AS last_day`
      : PrismaTypes.sql`NULL::date AS first_day, NULL::date AS last_day`;
    return PrismaTypes.sql`(SELECT o.status::text AS status, o.number, o.quantity, o.promised_date, o.hold_until, p.name AS product_name, u.name AS customer_name,
        o.at_risk, ${booked},
        (SELECT count(*)::int FROM order_messages m WHERE m.order_id = o.id AND m.side = 'CUSTOMER' AND m.read_at IS NULL) AS unread
      FROM orders o JOIN products p ON p.id = o.product_id JOIN users u ON u.id = o.customer_id
      WHERE o.status = ${status}::"OrderStatus" ${windowSql(status, since)} ${filters}
      ORDER BY ${order} LIMIT ${BOARD_PAGE_SIZE} OFFSET ${(pageOf(status).page - 1) * BOARD_PAGE_SIZE})`;
  });
  const rows = cardBranches.length ? await db.$queryRaw<CardRow[]>(PrismaTypes.sql`${PrismaTypes.join(cardBranches, " UNION ALL ")}`) : [];
  const columns = BOARD_COLUMNS.map((status): BoardColumn => {
    const cards = rows
      .filter((row) => row.status === status)
      .map((row) => ({
        number: row.number,
        status,
        productName: row.product_name,
        customerName: row.customer_name,
        quantity: row.quantity,
        promisedDate: row.promised_date,
        holdUntil: row.hold_until,
        daysLeft: daysLeft(row.promised_date, today),
        risk: assessRisk({ status, promisedDate: row.promised_date, today, atRisk: row.at_risk, bookedDays: row.first_day && row.last_day ? { first: row.first_day, last: row.last_day } : null }),
        unreadMessages: Number(row.unread),
      }));
    return { status, count: counts.get(status) ?? 0, ...pageOf(status), cards };
  });
  return { columns, total: [...counts.values()].reduce((a, b) => a + b, 0), products, finishedWindowDays: since ? FINISHED_WINDOW_DAYS : null };
}

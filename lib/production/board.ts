import { weekStart } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
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
  daysLeft: number;
  risk: Risk;
};

export type BoardColumn = { status: OrderStatus; count: number; page: number; pages: number; cards: BoardCard[] };

export type Board = { columns: BoardColumn[]; total: number; products: { slug: string; name: string }[] };

/** The board's columns: every stage and then Cancelled. */
export const BOARD_COLUMNS: OrderStatus[] = [...ORDER_STAGES, "CANCELLED"];

// Finished work reads newest first; work in progress soonest promise first.
const FINISHED: OrderStatus[] = ["SHIPPED", "DELIVERED", "CANCELLED"];

/** The filters of the board as a Prisma where clause (search by number, customer name or email; product slug). */
export function boardWhere(query: Pick<BoardQuery, "q" | "product">): PrismaTypes.OrderWhereInput {
  const where: PrismaTypes.OrderWhereInput = {};
  if (query.product) where.product = { slug: query.product };
  if (query.q) {
    const q = query.q;
    where.OR = [
      { number: { contains: q, mode: "insensitive" } },
      { customer: { name: { contains: q, mode: "insensitive" } } },
      { customer: { email: { contains: q, mode: "insensitive" } } },
    ];
  }
  return where;
}

/**
 * The staff board: per column the count and one page of cards, sorted by promised date. Each column is
 * its own indexed query (status, promised_date) with LIMIT, so the board costs the same with 10 or 10,000 orders
 * apart from the counts.
 */
export async function findBoard(db: Prisma, query: BoardQuery, today = new Date()): Promise<Board> {
  const where = boardWhere(query);
  const [groups, products] = await Promise.all([
    db.order.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.product.findMany({ where: { orders: { some: {} } }, select: { slug: true, name: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  const counts = new Map(groups.map((g) => [g.status, g._count._all]));
  const columns = await Promise.all(
    BOARD_COLUMNS.map(async (status): Promise<BoardColumn> => {
      const count = counts.get(status) ?? 0;
      const pages = Math.max(1, Math.ceil(count / BOARD_PAGE_SIZE));
      const page = Math.min(query.page[status] ?? 1, pages);
      if (count === 0) return { status, count, page: 1, pages: 1, cards: [] };
      const direction = FINISHED.includes(status) ? "desc" : "asc";
      const rows = await db.order.findMany({
        where: { ...where, status },
        orderBy: [{ promisedDate: direction }, { number: "asc" }],
        skip: (page - 1) * BOARD_PAGE_SIZE,
        take: BOARD_PAGE_SIZE,
        select: {
          number: true,
          status: true,
          quantity: true,
          promisedDate: true,
          product: { select: { name: true } },
          customer: { select: { name: true } },
          bookings: { select: { week: true } },
        },
      });
      const cards = rows.map((row) => ({
        number: row.number,
        status: row.status,
        productName: row.product.name,
        customerName: row.customer.name,
        quantity: row.quantity,
        promisedDate: row.promisedDate,
        daysLeft: daysLeft(row.promisedDate, today),
        risk: assessRisk({ status: row.status, promisedDate: row.promisedDate, today, bookedWeeks: row.bookings.map((b) => ({ week: b.week, weekStart: weekStart(b.week) })) }),
      }));
      return { status, count, page, pages, cards };
    }),
  );
  return { columns, total: [...counts.values()].reduce((a, b) => a + b, 0), products };
}

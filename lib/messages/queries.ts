import type { Tx } from "@/lib/db/types";

/** One message of an order's thread as the page shows it. */
export type ThreadMessage = { id: string; side: "CUSTOMER" | "STAFF"; authorName: string; body: string; createdAt: Date; readAt: Date | null };

/** The most messages a thread page shows (the newest ones, oldest first). */
export const THREAD_LIMIT = 200;

/** An order's messages, newest last (the caller has already found the order the viewer may see). */
export async function findThread(db: Tx, orderId: string): Promise<ThreadMessage[]> {
  const rows = await db.orderMessage.findMany({
    where: { orderId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: THREAD_LIMIT,
    select: { id: true, side: true, body: true, createdAt: true, readAt: true, author: { select: { name: true } } },
  });
  return rows.reverse().map(({ author, ...m }) => ({ ...m, authorName: author.name }));
}

/** How many messages the customer wrote on an order that no one in the workshop has read yet. */
export async function countUnreadForStaff(db: Tx, orderId: string): Promise<number> {
  return db.orderMessage.count({ where: { orderId, side: "CUSTOMER", readAt: null } });
}

/**
 * The thread as the viewer's page shows it: what the other side wrote is marked read first (the viewer is
 * looking at it now), so the board's unread count drops and the customer's page stops showing it as new.
 */
export async function openThread(db: Tx, orderId: string, viewer: "CUSTOMER" | "STAFF", now = new Date()): Promise<ThreadMessage[]> {
  await db.orderMessage.updateMany({ where: { orderId, side: { not: viewer }, readAt: null }, data: { readAt: now } });
  return findThread(db, orderId);
}

/** Orders with customer messages no one in the workshop has read, most recent first (the board's "waiting" list). */
export async function findUnreadForStaff(db: Tx, take = 20): Promise<{ number: string; count: number }[]> {
  const groups = await db.orderMessage.groupBy({
    by: ["orderId"],
    where: { side: "CUSTOMER", readAt: null },
    _count: { _all: true },
    _max: { createdAt: true },
    orderBy: { _max: { createdAt: "desc" } },
    take,
  });
  if (!groups.length) return [];
  const orders = await db.order.findMany({ where: { id: { in: groups.map((g) => g.orderId) } }, select: { id: true, number: true } });
  const numbers = new Map(orders.map((o) => [o.id, o.number]));
  return groups.flatMap((g) => {
    const number = numbers.get(g.orderId);
    return number ? [{ number, count: g._count._all }] : [];
  });
}

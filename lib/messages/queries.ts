import { jsonArray, readTogether, type JsonRead } from "@/lib/db/together";
import { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
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

/**
 * Orders with customer messages no one in the workshop has read, most recent first (the board's "waiting" list),
 * as one JSON value: the staff board reads it with its other reads in one statement (readTogether).
 */
export function unreadForStaffRead(take = 20): JsonRead<{ number: string; count: number }[]> {
  return {
    sql: PrismaTypes.sql`SELECT COALESCE(json_agg(json_build_array(o.number, g.count) ORDER BY g.last DESC, o.number), '[]'::json) FROM (
       SELECT m.order_id, count(*)::int AS count, max(m.created_at) AS last FROM order_messages m
       WHERE m.side = 'CUSTOMER' AND m.read_at IS NULL GROUP BY m.order_id ORDER BY last DESC, m.order_id LIMIT ${take}
     ) g JOIN orders o ON o.id = g.order_id`,
    parse: (value) => (jsonArray(value) as [string, number][]).map(([number, count]) => ({ number, count: Number(count) })),
  };
}

/** The same list on its own (see unreadForStaffRead). */
export async function findUnreadForStaff(db: Tx, take = 20): Promise<{ number: string; count: number }[]> {
  const [unread] = await readTogether(db, [unreadForStaffRead(take)]);
  return unread;
}

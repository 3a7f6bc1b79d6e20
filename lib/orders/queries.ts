import type { Prisma } from "@/lib/db/client";
import { expireHolds } from "./holds";
import type { OrderStatus } from "./status";

export type OrderListItem = {
  number: string;
  productName: string;
  status: OrderStatus;
  totalCents: number;
  currency: string;
  promisedDate: Date;
  createdAt: Date;
};

const listSelect = {
  number: true,
  status: true,
  totalCents: true,
  currency: true,
  promisedDate: true,
  createdAt: true,
  product: { select: { name: true } },
} as const;

type ListRow = { product: { name: string } } & Omit<OrderListItem, "productName">;

function toItem({ product, ...rest }: ListRow): OrderListItem {
  return { ...rest, productName: product.name };
}

/** A customer's own orders, newest first (scoped to the customer in the query). */
export async function findCustomerOrders(db: Prisma, customerId: string): Promise<OrderListItem[]> {
  const rows = await db.order.findMany({ where: { customerId }, orderBy: { createdAt: "desc" }, take: 200, select: listSelect });
  return rows.map(toItem);
}

/**
 * One of the customer's own orders with its timeline; null for anyone else's number (shown as 404). An
 * approval hold that has run out is expired first (lazily, as well as by the periodic task).
 */
export async function getCustomerOrder(db: Prisma, customerId: string, number: string) {
  const order = await readCustomerOrder(db, customerId, number);
  if (order?.status !== "AWAITING_APPROVAL" || !order.holdUntil || order.holdUntil > new Date()) return order;
  await expireHolds(db);
  return readCustomerOrder(db, customerId, number);
}

function readCustomerOrder(db: Prisma, customerId: string, number: string) {
  return db.order.findFirst({
    where: { number, customerId },
    select: {
      id: true,
      number: true,
      status: true,
      quantity: true,
      snapshot: true,
      currency: true,
      totalCents: true,
      promisedDate: true,
      createdAt: true,
      carrier: true,
      trackingNumber: true,
      shippedAt: true,
      deliveredAt: true,
      cancelledAt: true,
      cancelReason: true,
      holdUntil: true,
      notes: true,
      shippingAddress: true,
      product: { select: { slug: true, name: true } },
      events: { orderBy: { createdAt: "asc" }, select: { id: true, fromStatus: true, toStatus: true, note: true, createdAt: true } },
    },
  });
}

export type CustomerOrder = NonNullable<Awaited<ReturnType<typeof getCustomerOrder>>>;

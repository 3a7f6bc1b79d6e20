import type { Prisma } from "@/lib/db/client";
import type { OrderStatus } from "./status";

export type OrderListItem = {
  number: string;
  productName: string;
  status: OrderStatus;
  totalCents: number;
  currency: string;
  promisedDate: Date;
  createdAt: Date;
  customerName: string;
};

const listSelect = {
  number: true,
  status: true,
  totalCents: true,
  currency: true,
  promisedDate: true,
  createdAt: true,
  product: { select: { name: true } },
  customer: { select: { name: true } },
} as const;

type ListRow = { product: { name: string }; customer: { name: string } } & Omit<OrderListItem, "productName" | "customerName">;

function toItem({ product, customer, ...rest }: ListRow): OrderListItem {
  return { ...rest, productName: product.name, customerName: customer.name };
}

/** A customer's own orders, newest first (scoped to the customer in the query). */
export async function findCustomerOrders(db: Prisma, customerId: string): Promise<OrderListItem[]> {
  const rows = await db.order.findMany({ where: { customerId }, orderBy: { createdAt: "desc" }, take: 200, select: listSelect });
  return rows.map(toItem);
}

/** Orders still in the workshop's hands, soonest promise first. */
export async function findOpenOrders(db: Prisma, take = 100): Promise<OrderListItem[]> {
  const rows = await db.order.findMany({
    where: { status: { notIn: ["DELIVERED", "CANCELLED"] } },
    orderBy: { promisedDate: "asc" },
    take,
    select: listSelect,
  });
  return rows.map(toItem);
}

/** Number of orders in each status. */
export async function countOrdersByStatus(db: Prisma): Promise<Partial<Record<OrderStatus, number>>> {
  const groups = await db.order.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

/** One of the customer's own orders with its timeline; null for anyone else's number (shown as 404). */
export async function getCustomerOrder(db: Prisma, customerId: string, number: string) {
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
      notes: true,
      shippingAddress: true,
      product: { select: { slug: true, name: true, imageUrl: true } },
      events: { orderBy: { createdAt: "asc" }, select: { id: true, fromStatus: true, toStatus: true, note: true, createdAt: true } },
    },
  });
}

export type CustomerOrder = NonNullable<Awaited<ReturnType<typeof getCustomerOrder>>>;

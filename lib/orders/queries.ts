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

import type { Metadata } from "next";
import Link from "next/link";
import { OrderTable } from "@/components/orders/order-table";
import { requireUser } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { findCustomerOrders } from "@/lib/orders/queries";

export const metadata: Metadata = { title: "My orders" };

/** The signed-in customer's orders, newest first. */
export default async function MyOrdersPage() {
  const user = await requireUser("/orders");
  const orders = await findCustomerOrders(await getDb(), user.id);
  return (
    <div>
      <h1 className="text-2xl font-semibold">My orders</h1>
      {orders.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-500">
          You have no orders yet. <Link href="/" className="font-medium text-brand-700 underline">Browse the catalog</Link>
        </p>
      ) : (
        <div className="mt-6"><OrderTable orders={orders} caption="Your orders" linkBase="/orders" /></div>
      )}
    </div>
  );
}

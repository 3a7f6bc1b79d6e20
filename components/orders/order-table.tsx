import Link from "next/link";
import type { OrderListItem } from "@/lib/orders/queries";
import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { StatusBadge } from "./status-badge";

/** Orders as a table on wide screens and stacked rows on phones. */
export function OrderTable({ orders, caption, linkBase }: { orders: OrderListItem[]; caption: string; linkBase?: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-50 text-xs uppercase text-stone-500">
          <tr>
            <th scope="col" className="px-4 py-3">Order</th>
            <th scope="col" className="px-4 py-3">Product</th>
            <th scope="col" className="px-4 py-3">Status</th>
            <th scope="col" className="hidden px-4 py-3 sm:table-cell">Promised</th>
            <th scope="col" className="px-4 py-3 text-right">Total</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {orders.map((order) => (
            <tr key={order.number}>
              <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">
                {linkBase ? <Link href={`${linkBase}/${order.number}`} className="text-brand-700 underline">{order.number}</Link> : order.number}
              </td>
              <td className="px-4 py-3">{order.productName}</td>
              <td className="px-4 py-3"><StatusBadge status={order.status} /></td>
              <td className="hidden whitespace-nowrap px-4 py-3 sm:table-cell">{formatDate(order.promisedDate)}</td>
              <td className="whitespace-nowrap px-4 py-3 text-right font-medium">{formatCents(order.totalCents, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

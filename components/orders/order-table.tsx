import Link from "next/link";
import type { OrderListItem } from "@/lib/orders/queries";
import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { StatusBadge } from "./status-badge";

/** The delivery column: the promise, or "Cancelled" where nothing will be delivered. */
function promiseText(order: OrderListItem): string {
  return order.status === "CANCELLED" ? "Cancelled" : formatDate(order.promisedDate);
}

/** Orders as a table on wide screens and stacked rows on phones (every column on both; the table comes first so that a page's first match is the wide one). */
export function OrderTable({ orders, caption, linkBase }: { orders: OrderListItem[]; caption: string; linkBase?: string }) {
  const numberOf = (order: OrderListItem) =>
    linkBase ? <Link href={`${linkBase}/${order.number}`} className="text-brand-700 underline">{order.number}</Link> : order.number;
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-stone-200 bg-white sm:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-stone-50 text-xs uppercase text-stone-500">
            <tr>
              <th scope="col" className="px-4 py-3">Order</th>
              <th scope="col" className="px-4 py-3">Product</th>
              <th scope="col" className="px-4 py-3">Status</th>
              <th scope="col" className="px-4 py-3">Promised</th>
              <th scope="col" className="px-4 py-3 text-right">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {orders.map((order) => (
              <tr key={order.number}>
                <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{numberOf(order)}</td>
                <td className="px-4 py-3">{order.productName}</td>
                <td className="px-4 py-3"><StatusBadge status={order.status} /></td>
                <td className="whitespace-nowrap px-4 py-3">{promiseText(order)}</td>
                <td className="whitespace-nowrap px-4 py-3 text-right font-medium">{formatCents(order.totalCents, order.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white sm:hidden" aria-label={caption} data-testid="order-list-narrow">
        {orders.map((order) => (
          <li key={order.number} className="px-4 py-3 text-sm">
            <div className="flex items-start justify-between gap-3">
              <span className="font-mono text-xs">{numberOf(order)}</span>
              <StatusBadge status={order.status} />
            </div>
            <p className="mt-1 font-medium text-stone-900">{order.productName}</p>
            <dl className="mt-1 grid grid-cols-2 gap-x-3 text-stone-600">
              <div>
                <dt className="text-xs uppercase text-stone-500">Promised</dt>
                <dd className="whitespace-nowrap">{promiseText(order)}</dd>
              </div>
              <div className="text-right">
                <dt className="text-xs uppercase text-stone-500">Total</dt>
                <dd className="whitespace-nowrap font-medium text-stone-900">{formatCents(order.totalCents, order.currency)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { countOrdersByStatus } from "@/lib/orders/queries";
import { STATUS_LABELS, type OrderStatus } from "@/lib/orders/status";

export const metadata: Metadata = { title: "Admin" };

/** Admin overview: catalog, accounts and orders at a glance. */
export default async function AdminPage() {
  await requireRole(["ADMIN"], "/admin");
  const db = await getDb();
  const [products, published, users, orders] = await Promise.all([
    db.product.count(),
    db.product.count({ where: { currentVersionId: { not: null } } }),
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    countOrdersByStatus(db),
  ]);
  const stats = [
    { label: "Products", value: products },
    { label: "Published", value: published },
    ...users.map((u) => ({ label: `${u.role.charAt(0)}${u.role.slice(1).toLowerCase()} accounts`, value: u._count._all })),
  ];
  return (
    <div>
      <h1 className="text-2xl font-semibold">Admin</h1>
      <ul className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Key figures">
        {stats.map((s) => (
          <li key={s.label} className="rounded-lg border border-stone-200 bg-white p-3">
            <p className="text-xs text-stone-500">{s.label}</p>
            <p className="text-2xl font-semibold">{s.value}</p>
          </li>
        ))}
      </ul>
      <h2 className="mt-8 text-lg font-semibold">Orders by status</h2>
      <table className="mt-3 w-full max-w-md rounded-lg border border-stone-200 bg-white text-sm">
        <tbody className="divide-y divide-stone-100">
          {(Object.keys(STATUS_LABELS) as OrderStatus[]).map((status) => (
            <tr key={status}>
              <th scope="row" className="px-4 py-2 text-left font-normal">{STATUS_LABELS[status]}</th>
              <td className="px-4 py-2 text-right font-medium">{orders[status] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

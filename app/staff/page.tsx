import type { Metadata } from "next";
import { OrderTable } from "@/components/orders/order-table";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { countOrdersByStatus, findOpenOrders } from "@/lib/orders/queries";
import { ORDER_STAGES, STATUS_LABELS } from "@/lib/orders/status";

export const metadata: Metadata = { title: "Production" };

/** Staff overview: orders per stage and the open orders by promised date. */
export default async function StaffPage() {
  await requireRole(["STAFF", "ADMIN"], "/staff");
  const db = await getDb();
  const [counts, open] = await Promise.all([countOrdersByStatus(db), findOpenOrders(db)]);
  return (
    <div>
      <h1 className="text-2xl font-semibold">Production</h1>
      <ul className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" aria-label="Orders per stage">
        {ORDER_STAGES.map((stage) => (
          <li key={stage} className="rounded-lg border border-stone-200 bg-white p-3">
            <p className="text-xs text-stone-500">{STATUS_LABELS[stage]}</p>
            <p className="text-2xl font-semibold">{counts[stage] ?? 0}</p>
          </li>
        ))}
      </ul>
      <h2 className="mt-8 text-lg font-semibold">Open orders</h2>
      <div className="mt-3">
        <OrderTable orders={open} showCustomer caption="Open orders, soonest promised first" />
      </div>
    </div>
  );
}

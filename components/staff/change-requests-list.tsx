import Link from "next/link";
import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import type { PendingRequest } from "@/lib/orders/change-requests";

/** The board's list of customers' change requests waiting for a decision (each links to its build sheet, where staff decide). */
export function ChangeRequestsList({ requests }: { requests: PendingRequest[] }) {
  if (!requests.length) return null;
  return (
    <section aria-labelledby="change-requests" className="mt-4 rounded-xl border border-amber-300 bg-amber-50 p-3" data-testid="board-change-requests">
      <h2 id="change-requests" className="text-sm font-semibold text-amber-950">Change requests waiting for a decision ({requests.length})</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {requests.map((r) => (
          <li key={r.id}>
            <Link href={`/staff/orders/${r.order.number}`} className="font-mono font-medium text-brand-700 underline">{r.order.number}</Link>{" "}
            {r.order.customer.name}, {r.order.product.name}: {r.differences.join("; ")} ·{" "}
            {formatCents(r.totalBeforeCents, r.order.currency)} → {formatCents(r.totalAfterCents, r.order.currency)} · asked {formatDate(r.createdAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { STATUS_LABELS, type OrderStatus } from "@/lib/orders/status";

const TONES: Record<OrderStatus, string> = {
  AWAITING_APPROVAL: "bg-orange-50 text-orange-800 ring-orange-200",
  PLACED: "bg-amber-50 text-amber-800 ring-amber-200",
  CONFIRMED: "bg-sky-50 text-sky-800 ring-sky-200",
  IN_PRODUCTION: "bg-violet-50 text-violet-800 ring-violet-200",
  QUALITY_CHECK: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  READY_TO_SHIP: "bg-teal-50 text-teal-800 ring-teal-200",
  SHIPPED: "bg-blue-50 text-blue-800 ring-blue-200",
  DELIVERED: "bg-green-50 text-green-800 ring-green-200",
  CANCELLED: "bg-stone-100 text-stone-600 ring-stone-200",
};

/** The classes of a status label (for markup written as a string: the staff board). */
export function statusBadgeClass(status: OrderStatus): string {
  return `inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`;
}

/** An order's status as a coloured label. */
export function StatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={statusBadgeClass(status)}>
      {STATUS_LABELS[status]}
    </span>
  );
}

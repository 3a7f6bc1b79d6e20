import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/orders/status-badge";
import { requireStaff } from "@/lib/auth/guards";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { findCapacityWeeks } from "@/lib/delivery/capacity-weeks";

export const metadata: Metadata = { title: "Capacity" };

const hours = (h: number) => `${Math.round(h * 10) / 10} h`;

/** The next 12 weeks: capacity, booked hours and the orders booked into each week. */
export default async function CapacityPage() {
  await requireStaff("/staff/capacity");
  const weeks = await findCapacityWeeks(await getDb());
  const total = weeks.reduce((a, w) => ({ capacity: a.capacity + w.capacityHours, booked: a.booked + w.bookedHours }), { capacity: 0, booked: 0 });
  return (
    <div>
      <h1 className="text-2xl font-semibold">Capacity, next 12 weeks</h1>
      <p className="text-sm text-stone-600">{hours(total.booked)} booked of {hours(total.capacity)} ({total.capacity ? Math.round((total.booked / total.capacity) * 100) : 0}% load)</p>
      <ol className="mt-6 space-y-3">
        {weeks.map((week) => {
          const load = week.capacityHours > 0 ? Math.min(1, week.bookedHours / week.capacityHours) : week.bookedHours > 0 ? 1 : 0;
          const tone = load >= 1 ? "bg-red-500" : load >= 0.85 ? "bg-amber-500" : "bg-brand-600";
          return (
            <li key={week.week} className="rounded-xl border border-stone-200 bg-white p-4" data-testid="capacity-week">
              <details className="group">
                <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-4 gap-y-2">
                  <span className="flex w-28 items-center gap-2 font-mono text-sm font-semibold"><span aria-hidden className="text-stone-400 transition-transform group-open:rotate-90">▸</span>{week.week}</span>
                  <span className="w-40 text-xs text-stone-500">{formatDate(week.start)} – {formatDate(week.end)}</span>
                  <span className="min-w-40 flex-1">
                    <span
                      role="meter"
                      aria-valuemin={0}
                      aria-valuemax={week.capacityHours}
                      aria-valuenow={week.bookedHours}
                      aria-label={`${week.week} load`}
                      className="block h-2.5 overflow-hidden rounded-full bg-stone-200"
                    >
                      <span className={`block h-full ${tone}`} style={{ width: `${load * 100}%` }} />
                    </span>
                  </span>
                  <span className="w-40 text-right text-sm tabular-nums">
                    {hours(week.bookedHours)} / {hours(week.capacityHours)}
                    {week.isOverride ? <span className="ml-1 rounded bg-stone-100 px-1 text-xs text-stone-600">set</span> : null}
                  </span>
                  <span className="w-20 text-right text-xs text-stone-500">{week.orders.length} order{week.orders.length === 1 ? "" : "s"}</span>
                </summary>
                {week.orders.length ? (
                  <ul className="mt-3 divide-y divide-stone-100 border-t border-stone-100">
                    {week.orders.map((o) => (
                      <li key={o.number} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                        <Link href={`/staff/orders/${o.number}`} className="font-mono text-xs text-brand-700 underline">{o.number}</Link>
                        <span>{o.productName}</span>
                        <span className="text-stone-500">{o.customerName}</span>
                        <StatusBadge status={o.status} />
                        <span className="ml-auto tabular-nums">{hours(o.hours)}</span>
                      </li>
                    ))}
                  </ul>
                ) : <p className="mt-3 border-t border-stone-100 pt-3 text-sm text-stone-500">Nothing booked this week.</p>}
              </details>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

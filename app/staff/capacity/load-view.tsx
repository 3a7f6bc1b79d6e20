import { plural } from "@/lib/plural";
import Link from "next/link";
import { BarChart } from "@/components/admin/bar-chart";
import { StatusBadge } from "@/components/orders/status-badge";
import type { BookedOrder, WorkshopLoad } from "@/lib/workshop/load";

// The load view: a chart per work centre (drawn on the server, hidden from assistive technology) and the same
// figures as a table of weeks by centres, each cell linking to the orders booked there.

const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const hours = (h: number) => `${Math.round(h * 10) / 10} h`;
const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;
const BOOKED = "#5b4bd6";
const BOTTLENECK = "#b91c1c";
const FREE = "#d6d3d1";

export type LoadLinks = { cell: (centre: string, week: string) => string; close: string };

/** Charts and table of booked vs available hours, with the bottleneck and each week's fullest centre marked. */
export function LoadView({ load, links }: { load: WorkshopLoad; links: LoadLinks }) {
  const bottleneck = load.centres.find((c) => c.id === load.bottleneck);
  return (
    <div className="space-y-4">
      <p className={`rounded-lg px-3 py-2 text-sm ${bottleneck ? "bg-red-50 text-red-900" : "bg-stone-100 text-stone-700"}`} data-testid="bottleneck">
        {bottleneck ? (
          <>
            <strong>Bottleneck: {bottleneck.name}</strong>, {percent(bottleneck.ratio)} of its {hours(bottleneck.available)} booked over these {plural(load.weeks.length, "week")}
            ({hours(bottleneck.booked)}).
          </>
        ) : (
          <>Nothing is booked in these {plural(load.weeks.length, "week")}.</>
        )}
      </p>
      <ul className="grid gap-4 lg:grid-cols-2" aria-label="Load per work centre">
        {load.centres.map((centre) => {
          const isBottleneck = centre.id === load.bottleneck;
          return (
            <li key={centre.id} className={`rounded-lg border bg-white p-3 ${isBottleneck ? "border-red-300 ring-2 ring-red-200" : "border-stone-200"}`}>
              <h3 className="flex flex-wrap items-baseline gap-x-2 font-semibold">
                {centre.name}
                {isBottleneck ? <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">Bottleneck</span> : null}
                {!centre.active ? <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium text-stone-600">Inactive</span> : null}
                <span className="ml-auto text-sm font-normal text-stone-600">{hours(centre.booked)} of {hours(centre.available)} ({percent(centre.ratio)})</span>
              </h3>
              <BarChart
                stacked
                axisWidth={40}
                series={[
                  { key: "booked", name: "Booked", color: isBottleneck ? BOTTLENECK : BOOKED },
                  { key: "free", name: "Free", color: FREE },
                ]}
                rows={centre.weeks.map((w) => {
                  const free = Math.max(0, Math.round((w.available - w.booked) * 10) / 10);
                  return { label: w.week.slice(6), values: { booked: w.booked, free }, title: `${w.week}: ${hours(w.booked)} booked, ${hours(free)} free of ${hours(w.available)}` };
                })}
              />
            </li>
          );
        })}
      </ul>
      <p className="flex flex-wrap gap-4 text-sm text-stone-600" aria-hidden>
        <span className="flex items-center gap-1.5"><span className="h-2.5 w-2.5" style={{ backgroundColor: BOOKED }} />Booked</span>
        <span className="flex items-center gap-1.5"><span className="h-2.5 w-2.5" style={{ backgroundColor: BOTTLENECK }} />Booked (bottleneck)</span>
        <span className="flex items-center gap-1.5"><span className="h-2.5 w-2.5" style={{ backgroundColor: FREE }} />Free</span>
      </p>
      {/* relative: the screen-reader-only text in the cells stays inside the scrolling box (else it widens the page). */}
      <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm" data-testid="load-table">
          <caption className="px-3 pt-2 text-left text-sm text-stone-600">
            Hours booked of hours available, per week and work centre. <span className="font-semibold text-amber-900">▲ Highlighted</span>: the fullest centre that week. Choose a figure to see its orders.
          </caption>
          <thead className="bg-stone-50 text-left text-xs uppercase text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2">Week</th>
              {load.centres.map((c) => <th key={c.id} scope="col" className="px-3 py-2 text-right">{c.name}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {load.weeks.map((week, w) => (
              <tr key={week.week}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-normal">
                  <span className="font-mono font-semibold">{week.week}</span>
                  <span className="block text-xs text-stone-500">{shortDate.format(week.start)} – {shortDate.format(week.end)}</span>
                </th>
                {load.centres.map((centre) => {
                  const cell = centre.weeks[w]!;
                  const fullest = week.fullest === centre.id;
                  return (
                    <td key={centre.id} className={`whitespace-nowrap px-3 py-2 text-right tabular-nums ${fullest ? "bg-amber-50 font-semibold text-amber-900" : ""}`}>
                      <Link
                        href={links.cell(centre.id, week.week)}
                        className="underline decoration-stone-300 underline-offset-2 hover:decoration-current"
                      >
                        <span className="sr-only">{centre.name}, {week.week}: </span>
                        {fullest ? <span aria-hidden>▲ </span> : null}
                        {Math.round(cell.booked * 10) / 10} / {hours(cell.available)}
                        <span className="sr-only"> booked{fullest ? ", the fullest centre that week" : ""}. Show the orders.</span>
                      </Link>
                      <span aria-hidden className="mt-1 block h-1 w-full rounded bg-stone-200">
                        <span className="block h-1 rounded" style={{ width: `${Math.min(100, cell.ratio * 100)}%`, backgroundColor: centre.id === load.bottleneck ? BOTTLENECK : BOOKED }} />
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The orders booked at one centre in one week (the load table's click-through). */
export function WeekOrders({ title, orders, close }: { title: string; orders: BookedOrder[]; close: string }) {
  return (
    <section id="week-orders" aria-labelledby="week-orders-title" className="rounded-lg border border-brand-600 bg-white p-4" tabIndex={-1}>
      <div className="flex flex-wrap items-baseline gap-3">
        <h3 id="week-orders-title" className="mr-auto font-semibold">{title}</h3>
        <Link href={close} className="text-sm text-brand-700 underline">Close</Link>
      </div>
      {orders.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">No orders are booked there that week.</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-100">
          {orders.map((o) => (
            <li key={o.number} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
              <Link href={`/staff/orders/${o.number}`} className="font-mono text-xs text-brand-700 underline">{o.number}</Link>
              <span>{o.productName}</span>
              <span className="text-stone-600">{o.customerName}</span>
              <StatusBadge status={o.status} />
              <span className="text-xs text-stone-600">{o.operations.join(", ")}</span>
              <span className="ml-auto font-semibold tabular-nums">{hours(o.hours)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

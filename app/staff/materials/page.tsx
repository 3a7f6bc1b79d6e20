import { plural } from "@/lib/plural";
import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/guards";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { findMaterialsAhead } from "@/lib/production/materials";

export const metadata: Metadata = { title: "Materials" };

/** Just in time: the components to have in the week each order's first operation is planned to start, and when to order them. */
export default async function MaterialsPage() {
  await requireStaff("/staff/materials");
  const weeks = await findMaterialsAhead(await getDb());
  const today = new Date(new Date().toISOString().slice(0, 10));
  const withNeeds = weeks.filter((w) => w.lines.length > 0);
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Materials for the coming weeks</h1>
          <p className="text-sm text-stone-600">Components for orders not yet in production, in the week their first operation is planned to start, with the last day to order each (supply days before it is needed).</p>
        </div>
        <a href="/api/staff/materials" download className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Download CSV</a>
      </div>
      {withNeeds.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-500">No components needed in the next 12 weeks.</p>
      ) : (
        <div className="mt-6 space-y-4">
          {withNeeds.map((week) => (
            <section key={week.week} aria-labelledby={`m-${week.week}`} className="rounded-xl border border-stone-200 bg-white p-4">
              <h2 id={`m-${week.week}`} className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-mono font-semibold">{week.week}</span>
                <span className="text-sm text-stone-500">from {formatDate(week.start)} · {week.orders} order{week.orders === 1 ? "" : "s"}</span>
              </h2>
              <div className="mt-2 overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Components needed in {week.week}</caption>
                  <thead className="text-xs uppercase text-stone-500">
                    <tr><th scope="col" className="py-1 pr-3">SKU</th><th scope="col" className="py-1 pr-3">Component</th><th scope="col" className="py-1 pr-3 text-right">Qty</th><th scope="col" className="py-1 pr-3">Order by</th><th scope="col" className="hidden py-1 sm:table-cell">Orders</th></tr>
                  </thead>
                  <tbody className="divide-y divide-stone-100">
                    {week.lines.map((line) => (
                      <tr key={line.sku}>
                        <td className="py-1.5 pr-3 font-mono text-xs">{line.sku}</td>
                        <td className="py-1.5 pr-3">{line.name || <span className="text-stone-400">—</span>}</td>
                        <td className="py-1.5 pr-3 text-right font-medium tabular-nums whitespace-nowrap">{line.quantity}{line.unit ? <span className="ml-1 text-xs font-normal text-stone-500">{line.unit}</span> : null}</td>
                        <td className={`py-1.5 pr-3 whitespace-nowrap ${line.orderBy < today ? "font-semibold text-red-700" : ""}`} data-testid="order-by">
                          {formatDate(line.orderBy)}{line.supplyDays ? <span className="block text-xs font-normal text-stone-500">{plural(line.supplyDays, "day")} to arrive</span> : null}
                        </td>
                        <td className="hidden py-1.5 font-mono text-xs text-stone-500 sm:table-cell">{line.orders.join(", ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

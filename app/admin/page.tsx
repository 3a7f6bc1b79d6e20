import type { Metadata } from "next";
import { LoadChart, WeeklyChart } from "@/components/admin/dashboard-charts";
import { requireAdmin } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { formatCents } from "@/lib/money";
import { STATUS_LABELS } from "@/lib/orders/status";
import { getDashboard } from "@/lib/reports/dashboard";
import { getSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Admin dashboard" };

const th = "px-3 py-2 text-left text-xs font-medium uppercase text-stone-600";
const td = "px-3 py-2";

/** The admin dashboard: orders and revenue per week, statuses, on-time delivery, promised lead time, load ahead. */
export default async function AdminDashboardPage() {
  await requireAdmin("/admin");
  const db = await getDb();
  const settings = await getSettings(db);
  const [d, products, published] = await Promise.all([
    getDashboard(db, 12, new Date(), settings.currency),
    db.product.count(),
    db.product.count({ where: { currentVersionId: { not: null } } }),
  ]);
  // Orders keep the currency they were placed in: each currency is shown on its own, never added to another.
  const moneys = (list: { currency: string; cents: number }[]) => (list.length ? list.map((m) => formatCents(m.cents, m.currency)).join(" + ") : formatCents(0, settings.currency));
  const otherCurrencies = d.totals.revenue.filter((m) => m.currency !== settings.currency).map((m) => m.currency);
  const kpis = [
    { label: "Products (published)", value: `${published} of ${products}` },
    { label: "Orders (12 weeks)", value: String(d.totals.orders) },
    { label: "Revenue (12 weeks)", value: moneys(d.totals.revenue), note: otherCurrencies.length ? `Per currency: orders keep the currency they were placed in` : undefined },
    { label: "Delivered on time", value: d.onTimePercent === null ? "–" : `${d.onTimePercent}%`, note: `${d.onTime} of ${d.delivered} delivered` },
    { label: "Average promised lead time", value: d.averageLeadDays === null ? "–" : `${d.averageLeadDays} days` },
    { label: "Changes (12 weeks)", value: String(d.changes.applied), note: `Price effect ${moneys(d.changes.priceEffect)} · ${d.changes.pending} pending, ${d.changes.declined} declined` },
  ];
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-semibold">Admin dashboard</h1>
        <a href="/admin/orders.csv" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100" download>Export orders (CSV)</a>
      </div>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-5" aria-label="Key figures">
        {kpis.map((k) => (
          <li key={k.label} className="rounded-lg border border-stone-200 bg-white p-3">
            <p className="text-xs text-stone-600">{k.label}</p>
            <p className="break-words text-2xl font-semibold">{k.value}</p>
            {k.note ? <p className="text-xs text-stone-600">{k.note}</p> : null}
          </li>
        ))}
      </ul>

      <section aria-labelledby="weekly-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="weekly-title" className="text-lg font-semibold">Orders and revenue per week</h2>
        <div className="mt-3"><WeeklyChart data={d.weeks} currency={settings.currency} /></div>
        {otherCurrencies.length ? <p className="mt-2 text-sm text-stone-600">The chart shows revenue of orders in {settings.currency}; orders in {otherCurrencies.join(", ")} are in the table.</p> : null}
        <details className="mt-3">
          <summary className="cursor-pointer text-sm text-brand-700">Show as a table</summary>
          <div className="overflow-x-auto">
            <table className="mt-2 w-full text-sm">
              <caption className="sr-only">Orders and revenue per ISO week</caption>
              <thead><tr><th scope="col" className={th}>Week</th><th scope="col" className={`${th} text-right`}>Orders</th><th scope="col" className={`${th} text-right`}>Revenue</th></tr></thead>
              <tbody className="divide-y divide-stone-100">{d.weeks.map((w) => <tr key={w.week}><th scope="row" className={`${td} text-left font-normal`}>{w.week}</th><td className={`${td} text-right`}>{w.orders}</td><td className={`${td} text-right`}>{moneys(w.revenue)}</td></tr>)}</tbody>
            </table>
          </div>
        </details>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="status-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="status-title" className="text-lg font-semibold">Orders by status</h2>
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">Orders by status</caption>
            <thead><tr><th scope="col" className={th}>Status</th><th scope="col" className={`${th} text-right`}>Orders</th></tr></thead>
            <tbody className="divide-y divide-stone-100">
              {(Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[]).map((s) => {
                const count = d.byStatus.find((x) => x.status === s)?.count ?? 0;
                const max = Math.max(1, ...d.byStatus.map((x) => x.count));
                return (
                  <tr key={s}>
                    <th scope="row" className={`${td} text-left font-normal`}>{STATUS_LABELS[s]}</th>
                    <td className={`${td} text-right`}>
                      <span className="inline-flex items-center gap-2"><span aria-hidden className="inline-block h-2 rounded bg-brand-600" style={{ width: `${(count / max) * 80}px` }} />{count}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="load-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="load-title" className="text-lg font-semibold">Capacity load, next 8 weeks</h2>
          <p className="mt-1 text-sm text-stone-600">All work centres together. <a href="/staff/capacity" className="text-brand-700 underline">Load per work centre</a></p>
          <div className="mt-3"><LoadChart data={d.load} /></div>
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">Booked and capacity hours per week</caption>
            <thead><tr><th scope="col" className={th}>Week</th><th scope="col" className={`${th} text-right`}>Booked</th><th scope="col" className={`${th} text-right`}>Capacity</th><th scope="col" className={`${th} text-right`}>Load</th></tr></thead>
            <tbody className="divide-y divide-stone-100">{d.load.map((l) => <tr key={l.week}><th scope="row" className={`${td} text-left font-normal`}>{l.week}</th><td className={`${td} text-right`}>{l.bookedHours} h</td><td className={`${td} text-right`}>{l.capacityHours} h</td><td className={`${td} text-right`}>{l.loadPercent}%</td></tr>)}</tbody>
          </table>
        </section>
      </div>
    </div>
  );
}

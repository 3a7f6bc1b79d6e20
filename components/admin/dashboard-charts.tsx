import type { LoadPoint, WeekPoint } from "@/lib/reports/dashboard";
import { BarChart } from "./bar-chart";

// The dashboard's charts, drawn on the server (./bar-chart): the page ships no charting library.

const shortWeek = (w: string) => w.slice(5);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Orders and revenue per ISO week (the numbers are also in the table below the chart). */
export function WeeklyChart({ data, currency }: { data: WeekPoint[]; currency: string }) {
  const money = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <div className="grid gap-4 lg:grid-cols-2" aria-hidden>
      <BarChart
        integer
        axisWidth={32}
        series={[{ key: "orders", name: "Orders", color: "#5b4bd6" }]}
        rows={data.map((d) => ({ label: shortWeek(d.week), values: { orders: d.orders }, title: `${d.week}: ${plural(d.orders, "order")}` }))}
      />
      <BarChart
        axisWidth={56}
        series={[{ key: "revenue", name: `Revenue (${currency})`, color: "#0f766e" }]}
        rows={data.map((d) => ({ label: shortWeek(d.week), values: { revenue: d.revenueCents / 100 }, title: `${d.week}: ${money.format(d.revenueCents / 100)} ${currency}` }))}
      />
    </div>
  );
}

/** Booked vs capacity hours for the coming weeks. */
export function LoadChart({ data }: { data: LoadPoint[] }) {
  return (
    <div aria-hidden>
      <BarChart
        stacked
        legend
        axisWidth={40}
        series={[
          { key: "booked", name: "Booked h", color: "#5b4bd6" },
          { key: "free", name: "Free h", color: "#d6d3d1" },
        ]}
        rows={data.map((d) => {
          const free = Math.max(0, d.capacityHours - d.bookedHours);
          return { label: shortWeek(d.week), values: { booked: d.bookedHours, free }, title: `${d.week}: ${d.bookedHours} h booked, ${free} h free of ${d.capacityHours} h` };
        })}
      />
    </div>
  );
}

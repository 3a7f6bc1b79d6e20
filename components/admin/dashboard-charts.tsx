"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LoadPoint, WeekPoint } from "@/lib/admin/dashboard/queries";

const shortWeek = (w: string) => w.slice(5);

/** Orders and revenue per ISO week (the numbers are also in the table below the chart). */
export function WeeklyChart({ data, currency }: { data: WeekPoint[]; currency: string }) {
  const rows = data.map((d) => ({ week: shortWeek(d.week), orders: d.orders, revenue: d.revenueCents / 100 }));
  return (
    <div className="grid gap-4 lg:grid-cols-2" aria-hidden>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} accessibilityLayer={false}><CartesianGrid strokeDasharray="3 3" vertical={false} /><XAxis dataKey="week" fontSize={11} /><YAxis allowDecimals={false} fontSize={11} width={32} /><Tooltip /><Bar dataKey="orders" name="Orders" fill="#5b4bd6" /></BarChart>
        </ResponsiveContainer>
      </div>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} accessibilityLayer={false}><CartesianGrid strokeDasharray="3 3" vertical={false} /><XAxis dataKey="week" fontSize={11} /><YAxis fontSize={11} width={56} /><Tooltip formatter={(v) => `${Number(v).toFixed(2)} ${currency}`} /><Bar dataKey="revenue" name={`Revenue (${currency})`} fill="#0f766e" /></BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

/** Booked vs capacity hours for the coming weeks. */
export function LoadChart({ data }: { data: LoadPoint[] }) {
  const rows = data.map((d) => ({ week: shortWeek(d.week), booked: d.bookedHours, free: Math.max(0, d.capacityHours - d.bookedHours) }));
  return (
    <div className="h-56" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} accessibilityLayer={false}><CartesianGrid strokeDasharray="3 3" vertical={false} /><XAxis dataKey="week" fontSize={11} /><YAxis fontSize={11} width={40} /><Tooltip /><Legend /><Bar dataKey="booked" name="Booked h" stackId="h" fill="#5b4bd6" /><Bar dataKey="free" name="Free h" stackId="h" fill="#d6d3d1" /></BarChart>
      </ResponsiveContainer>
    </div>
  );
}

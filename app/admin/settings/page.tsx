import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { OverrideForm, SettingsForm } from "@/components/admin/settings-form";
import { requireAdmin } from "@/lib/auth/guards";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { clearCapacityOverrideAction, setCapacityOverrideAction } from "@/lib/delivery/actions";
import { findCapacityWeeks, findLaterOverrides } from "@/lib/delivery/capacity-weeks";
import { updateSettingsAction } from "@/lib/settings/actions";
import { getFairUse, getSettings } from "@/lib/settings/queries";
import { CURRENCIES } from "@/lib/settings/service";

export const metadata: Metadata = { title: "Capacity & settings" };

/** Shop settings and production capacity per ISO week (default plus overrides). */
export default async function SettingsPage() {
  await requireAdmin("/admin/settings");
  const db = await getDb();
  const [settings, fairUse] = await Promise.all([getSettings(db), getFairUse(db)]);
  const weeks = await findCapacityWeeks(db, new Date(), { withOrders: false, defaultWeeklyHours: settings.defaultWeeklyHours });
  const later = await findLaterOverrides(db, weeks.at(-1)!.start);
  const rows = [...weeks, ...later];
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Capacity & settings</h1>
      <section aria-labelledby="settings-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="settings-title" className="mb-3 text-lg font-semibold">Shop settings</h2>
        <SettingsForm action={updateSettingsAction} initial={settings} fairUse={fairUse} currencies={CURRENCIES} />
      </section>
      <section aria-labelledby="capacity-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="capacity-title" className="text-lg font-semibold">Capacity per week</h2>
        <p className="mb-3 mt-1 text-sm text-stone-600">Weeks follow the default of {settings.defaultWeeklyHours} h unless overridden (holidays, overtime). Capacity can never drop below the hours already booked.</p>
        <OverrideForm action={setCapacityOverrideAction} weeks={weeks.map((w) => w.week)} />
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Capacity of the coming weeks</caption>
            <thead className="bg-stone-50 text-left text-xs uppercase text-stone-600">
              <tr><th scope="col" className="px-3 py-2">Week</th><th scope="col" className="px-3 py-2">Starts</th><th scope="col" className="px-3 py-2 text-right">Capacity</th><th scope="col" className="px-3 py-2 text-right">Booked</th><th scope="col" className="px-3 py-2">Load</th><th scope="col" className="px-3 py-2">Override</th></tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((w) => {
                const load = w.capacityHours > 0 ? Math.min(100, Math.round((w.bookedHours / w.capacityHours) * 100)) : 100;
                return (
                  <tr key={w.week}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">{w.week}</th>
                    <td className="px-3 py-2">{formatDate(w.start)}</td>
                    <td className="px-3 py-2 text-right">{w.capacityHours} h</td>
                    <td className="px-3 py-2 text-right">{Math.round(w.bookedHours * 10) / 10} h</td>
                    <td className="px-3 py-2"><div className="h-2 w-24 rounded bg-stone-200" role="img" aria-label={`${load}% booked`}><div className={`h-2 rounded ${load >= 90 ? "bg-red-600" : "bg-brand-600"}`} style={{ width: `${load}%` }} /></div></td>
                    <td className="px-3 py-2">{w.isOverride ? <ActionForm action={clearCapacityOverrideAction} fields={{ week: w.week }} label="Reset" ariaLabel={`Reset ${w.week} to the default`} /> : <span className="text-stone-500">Default</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
